import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/lib/api-error.js';
import {
  smtpInput,
  smtpValues,
  throttleInput,
  throttleValues,
  twilioInput,
  twilioValues,
  validateSmtp,
  validateThrottle,
  validateTwilio,
  type SmtpFormValues,
  type TwilioFormValues,
} from '../../web/src/modules/marketing/channels/channel-settings-form.js';
import { formSnippet } from '../../web/src/modules/marketing/lists/form-snippet.js';
import { createListInput, emptyList, listValues, updateListInput, validateList } from '../../web/src/modules/marketing/lists/list-form.js';
import { readMemberStatus } from '../../web/src/modules/marketing/lists/list-members-view.js';
import { linkProblemOf } from '../../web/src/modules/marketing/subscribers/link-problem.js';
import { preferencesChanged, preferencesInput, preferenceValues, type SubscriberPage } from '../../web/src/modules/marketing/subscribers/preferences-form.js';
import { canRetryOnForm, subscribeOutcome } from '../../web/src/modules/marketing/subscribers/subscribe-result.js';

/** The key itself (with its parameters), so a test reads which message a check chose. */
const t = ((key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)) as unknown as TFunction;

const SID = `AC${'0123456789abcdef'.repeat(2)}`;

function page(overrides: Partial<SubscriberPage> = {}): SubscriberPage {
  return {
    companyName: 'Fjord Trading AS',
    channel: 'EMAIL',
    address: 'a***@example.com',
    unsubscribed: false,
    emailConsent: 'GRANTED',
    smsConsent: null,
    lists: [
      { id: 'events', name: 'Events', description: null, status: 'SUBSCRIBED' },
      { id: 'news', name: 'News', description: 'Monthly', status: 'SUBSCRIBED' },
      { id: 'offers', name: 'Offers', description: null, status: 'PENDING' },
      { id: 'old', name: 'Old', description: null, status: 'UNSUBSCRIBED' },
    ],
    ...overrides,
  };
}

describe('what a subscriber’s link problem is called', () => {
  it('tells a bad link from a busy server, a lost connection and anything else', () => {
    expect(linkProblemOf(new ApiError('NOT_FOUND', 'Link not found'))).toBe('badLink');
    expect(linkProblemOf(new ApiError('BAD_USER_INPUT', 'this link is invalid, used or expired', [{ path: ['input', 'token'], message: 'x', reason: 'INVALID_LINK' }]))).toBe('badLink');
    expect(linkProblemOf(new ApiError('RATE_LIMITED', 'slow down'))).toBe('rateLimited');
    expect(linkProblemOf(ApiError.network(new Error('offline')))).toBe('offline');
    expect(linkProblemOf(new ApiError('INTERNAL_SERVER_ERROR', 'boom'))).toBe('failed');
    expect(linkProblemOf(new Error('not from the API'))).toBe('failed');
  });
});

describe('the public form’s outcome', () => {
  it('reads the redirect’s result, and offers to go back only for what the person can fix', () => {
    expect(subscribeOutcome('pending')).toBe('pending');
    expect(subscribeOutcome('subscribed')).toBe('subscribed');
    expect(subscribeOutcome('INVALID_EMAIL')).toBe('invalidEmail');
    expect(subscribeOutcome('REQUIRED')).toBe('invalidEmail');
    expect(subscribeOutcome('TOO_LONG')).toBe('tooLong');
    expect(subscribeOutcome('NOT_FOUND')).toBe('formGone');
    expect(subscribeOutcome('RATE_LIMITED')).toBe('tooMany');
    expect(subscribeOutcome('INTERNAL_SERVER_ERROR')).toBe('failed');
    // Nothing, or something made up in the address (even an Object key): a neutral failure.
    expect(subscribeOutcome(null)).toBe('failed');
    expect(subscribeOutcome('constructor')).toBe('failed');
    expect(subscribeOutcome('<script>')).toBe('failed');
    expect(canRetryOnForm('invalidEmail')).toBe(true);
    expect(canRetryOnForm('tooLong')).toBe(true);
    expect(canRetryOnForm('formGone')).toBe(false);
    expect(canRetryOnForm('pending')).toBe(false);
  });
});

describe('the preference centre', () => {
  it('starts from the page: subscribed lists ticked, a pending one not, each channel as its consent and unsubscribe say', () => {
    expect(preferenceValues(page())).toEqual({ listIds: ['events', 'news'], email: true, sms: null });
    // Unsubscribed on the message's channel: email shows off even while the consent still says granted (a suppression).
    expect(preferenceValues(page({ unsubscribed: true })).email).toBe(false);
    expect(preferenceValues(page({ emailConsent: 'UNKNOWN', smsConsent: 'GRANTED' }))).toMatchObject({ email: false, sms: true });
    // An SMS link's unsubscribe is about SMS, not email.
    expect(preferenceValues(page({ channel: 'SMS', unsubscribed: true, smsConsent: 'GRANTED' }))).toMatchObject({ email: true, sms: false });
    expect(preferenceValues(page({ emailConsent: null, lists: [] }))).toEqual({ listIds: [], email: null, sms: null });
  });

  it('sends the lists ticked, and a channel’s consent only when the person changed it', () => {
    const current = page({ emailConsent: 'UNKNOWN', smsConsent: 'DENIED' });
    const values = preferenceValues(current);
    expect(preferencesChanged(current, values)).toBe(false);
    // Leaving one list: an unknown email consent is not turned into a refusal, nor the SMS one repeated.
    const leave = { ...values, listIds: ['events'] };
    expect(preferencesChanged(current, leave)).toBe(true);
    expect(preferencesInput('tok', current, leave)).toEqual({ token: 'tok', listIds: ['events'] });
    // Confirming the pending list by ticking it, and turning email on and SMS on.
    const more = { listIds: ['events', 'news', 'offers'], email: true, sms: true };
    expect(preferencesInput('tok', current, more)).toEqual({ token: 'tok', listIds: ['events', 'news', 'offers'], emailConsent: true, smsConsent: true });
    // Email off.
    expect(preferencesInput('tok', page(), { ...preferenceValues(page()), email: false })).toEqual({ token: 'tok', listIds: ['events', 'news'], emailConsent: false });
    // A list not on the page is never sent.
    expect(preferencesInput('tok', page(), { ...preferenceValues(page()), listIds: ['news', 'someone-else'] }).listIds).toEqual(['news']);
    // The same lists in another order change nothing.
    expect(preferencesChanged(page(), { ...preferenceValues(page()), listIds: ['news', 'events'] })).toBe(false);
  });
});

describe('the list form', () => {
  it('checks the name and description as the API does, and asks for email confirmation by default', () => {
    expect(emptyList()).toEqual({ name: '', description: '', doubleOptIn: true });
    expect(validateList(t, { ...emptyList(), name: '  ' }).name).toBe('errors.reason.REQUIRED');
    expect(validateList(t, { ...emptyList(), name: 'x'.repeat(201) }).name).toBe('errors.reason.TOO_LONG {"max":200}');
    expect(validateList(t, { name: 'News', description: 'y'.repeat(2001), doubleOptIn: true }).description).toBe('errors.reason.TOO_LONG {"max":2000}');
    expect(validateList(t, { name: 'News', description: '', doubleOptIn: false })).toEqual({ name: null, description: null, doubleOptIn: null });
  });

  it('creates without an empty description, and clears one emptied on change', () => {
    expect(createListInput({ name: ' News ', description: '  ', doubleOptIn: false })).toEqual({ name: 'News', description: null, doubleOptIn: false });
    expect(updateListInput('l1', { name: 'News', description: ' ', doubleOptIn: true })).toEqual({ id: 'l1', name: 'News', description: '', doubleOptIn: true });
    expect(listValues({ name: 'News', description: null, doubleOptIn: false })).toEqual({ name: 'News', description: '', doubleOptIn: false });
  });

  it('reads the members’ status filter from the address', () => {
    expect(readMemberStatus(new URLSearchParams('status=PENDING'))).toBe('PENDING');
    expect(readMemberStatus(new URLSearchParams('status=pending'))).toBeNull();
    expect(readMemberStatus(new URLSearchParams(''))).toBeNull();
  });
});

describe('the sign-up form snippet', () => {
  const labels = { email: 'Email', firstName: 'First name', lastName: 'Last name', submit: 'Subscribe' };
  const url = 'https://kontor.example/subscribe/0b4c8f2e-1111-4222-8333-444455556666.0123456789abcdef0123456789abcdef';

  it('posts form-encoded to the list’s address, the email required, the names when asked for', () => {
    const html = formSnippet(url, labels, true);
    expect(html).toMatch(new RegExp(`^<form action="${url.replace(/[.]/g, '\\.')}" method="post" accept-charset="utf-8">`));
    expect(html).not.toContain('enctype');
    expect(html).toContain('<input type="email" name="email" autocomplete="email" maxlength="320" required>');
    expect(html).toContain('name="firstName"');
    expect(html).toContain('name="lastName"');
    expect(html).toContain('<button type="submit">Subscribe</button>');
    expect(html.trim().endsWith('</form>')).toBe(true);
    const short = formSnippet(url, labels, false);
    expect(short).not.toContain('firstName');
    expect(short).toContain('name="email"');
    // No scripts or styles: it fits any page and any content security policy.
    expect(html).not.toMatch(/<script|style=|on\w+=/i);
  });

  it('escapes the words, so a label cannot break the page it is pasted into', () => {
    const html = formSnippet(`${url}"><script>`, { ...labels, submit: '<b>Join</b> & "go"' }, false);
    expect(html).toContain('&lt;b&gt;Join&lt;/b&gt; &amp; &quot;go&quot;');
    expect(html).toContain('&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('<script>');
  });
});

describe('the sending accounts form', () => {
  const smtp: SmtpFormValues = { own: true, host: 'smtp.example.com', port: 587, secure: false, username: 'mailer', password: '', from: 'news@example.com' };
  const twilio: TwilioFormValues = { own: true, accountSid: SID, authToken: '', from: '+40721234567' };

  it('starts from what is saved, the secrets never (they are write-only)', () => {
    expect(smtpValues(null)).toEqual({ own: false, host: '', port: 587, secure: false, username: '', password: '', from: '' });
    expect(smtpValues({ host: 'smtp.example.com', port: 465, secure: true, username: null, hasPassword: false, from: 'a@example.com' })).toEqual({
      own: true,
      host: 'smtp.example.com',
      port: 465,
      secure: true,
      username: '',
      password: '',
      from: 'a@example.com',
    });
    expect(twilioValues({ accountSid: SID, from: '+40721234567', hasAuthToken: true })).toEqual({ own: true, accountSid: SID, authToken: '', from: '+40721234567' });
  });

  it('checks an SMTP server as the API does; the platform’s needs no check', () => {
    expect(validateSmtp(t, { ...smtp, own: false, host: '' }, false)).toEqual({});
    expect(validateSmtp(t, smtp, true)).toEqual({ host: null, port: null, username: null, password: null, from: null });
    expect(validateSmtp(t, { ...smtp, host: 'smtp example.com' }, true).host).toBe('subscriptions.channels.smtp.invalidHost');
    expect(validateSmtp(t, { ...smtp, host: '' }, true).host).toBe('errors.reason.REQUIRED');
    expect(validateSmtp(t, { ...smtp, port: 0 }, true).port).toBe('errors.reason.OUT_OF_RANGE {"min":1,"max":65535}');
    expect(validateSmtp(t, { ...smtp, port: 70_000 }, true).port).toMatch(/OUT_OF_RANGE/);
    expect(validateSmtp(t, { ...smtp, port: '' }, true).port).toBe('errors.reason.REQUIRED');
    expect(validateSmtp(t, { ...smtp, from: 'not-an-address' }, true).from).toBe('errors.reason.INVALID_EMAIL');
    // A user name with no password kept and none typed.
    expect(validateSmtp(t, smtp, false).password).toBe('subscriptions.channels.smtp.passwordNeeded');
    expect(validateSmtp(t, { ...smtp, password: 'secret' }, false).password).toBeNull();
    expect(validateSmtp(t, { ...smtp, username: '' }, false).password).toBeNull();
  });

  it('sends a password only when typed, clears it with the user name, and null goes back to the platform', () => {
    expect(smtpInput({ ...smtp, own: false }, true)).toBeNull();
    expect(smtpInput(smtp, true)).toEqual({ host: 'smtp.example.com', port: 587, secure: false, username: 'mailer', from: 'news@example.com' });
    expect(smtpInput({ ...smtp, password: ' s3cret ' }, true)).toMatchObject({ password: ' s3cret ' });
    expect(smtpInput({ ...smtp, username: ' ' }, true)).toMatchObject({ username: null, password: '' });
    expect(smtpInput({ ...smtp, username: '' }, false)).not.toHaveProperty('password');
    expect(smtpInput({ ...smtp, port: '2525' }, true)?.port).toBe(2525);
  });

  it('checks a Twilio account as the API does, and keeps the saved token unless one is typed', () => {
    expect(validateTwilio(t, { ...twilio, own: false, accountSid: '' }, false)).toEqual({});
    expect(validateTwilio(t, twilio, true)).toEqual({ accountSid: null, authToken: null, from: null });
    expect(validateTwilio(t, twilio, false).authToken).toBe('errors.reason.REQUIRED');
    expect(validateTwilio(t, { ...twilio, accountSid: 'AC123' }, true).accountSid).toBe('subscriptions.channels.twilio.invalidSid');
    expect(validateTwilio(t, { ...twilio, from: '0721 234 567' }, true).from).toBe('subscriptions.channels.twilio.invalidFrom');
    expect(validateTwilio(t, { ...twilio, from: `MG${'a'.repeat(32)}` }, true).from).toBeNull();
    expect(twilioInput(twilio)).toEqual({ accountSid: SID, from: '+40721234567' });
    expect(twilioInput({ ...twilio, authToken: ' tok ' })).toEqual({ accountSid: SID, from: '+40721234567', authToken: 'tok' });
    expect(twilioInput({ ...twilio, own: false })).toBeNull();
  });

  it('takes a company-wide limit per minute of 1 to 1,000,000, empty for none', () => {
    expect(throttleValues({ emailsPerMinute: null, smsPerMinute: 60 })).toEqual({ emails: '', sms: 60 });
    expect(validateThrottle(t, { emails: '', sms: 60 })).toEqual({ emails: null, sms: null });
    expect(validateThrottle(t, { emails: 0, sms: 1_000_001 })).toEqual({ emails: 'errors.reason.OUT_OF_RANGE {"min":1,"max":1000000}', sms: 'errors.reason.OUT_OF_RANGE {"min":1,"max":1000000}' });
    expect(validateThrottle(t, { emails: 2.5, sms: '' }).emails).toMatch(/OUT_OF_RANGE/);
    expect(throttleInput({ emails: '', sms: '120' })).toEqual({ emailsPerMinute: null, smsPerMinute: 120 });
  });
});
