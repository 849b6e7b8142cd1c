/**
 * The pages the links in Kontor's messages open, and the subscription lists behind them, in real
 * Chromium: a campaign email really sent to the SMTP sink, its unsubscribe link opened on a phone in
 * the recipient's language; a list created on its screen whose HTML form, pasted into a page,
 * subscribes a visitor with double opt-in; and the company's own sending accounts.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { inTenant } from '../../api/src/platform/context/tenant-scope.js';
import { uuidOf } from '../isolation/isolation-cases.js';
import { ok, signUp, uniqueEmail, type SignedUp } from '../support/harness.js';
import { linkIn } from '../support/smtp-sink.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

type Strings = Record<string, unknown>;
/** A string of the Romanian translation, so the test follows the words the page really shows. */
const romanian = JSON.parse(readFileSync('web/src/i18n/locales/ro/marketing-subscriptions.json', 'utf8')) as Strings;
function ro(path: string, values: Record<string, string> = {}): string {
  const found = path.split('.').reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Strings)[key] : undefined), romanian);
  if (typeof found !== 'string') throw new Error(`no Romanian string at ${path}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const CREATE_LIST = `mutation($input: CreateSubscriptionListInput!) { createSubscriptionList(input: $input) { id } }`;
const ADD_MEMBERS = `mutation($input: ListMembersInput!) { addListMembers(input: $input) { added } }`;
const CONTACT = `query($id: ID!) { contact(id: $id) { emailConsent consentHistory { status source } } }`;
const MEMBERS = `query($listId: ID!) { listMembers(listId: $listId) { totalCount edges { node { status source contact { id email } } } } }`;

interface Suppression {
  address: string;
  reason: string;
  source: string;
}

/** The company's suppressions, read as the company itself sees them (under its row-level security). */
async function suppressionsOf(suite: ReturnType<typeof browserSuite>, owner: SignedUp): Promise<Suppression[]> {
  return inTenant(suite.kontor.app.orm, uuidOf(owner.tenantId, 'Tenant'), null, (em) => em.execute<Suppression[]>(`select address, reason, source from mkt_suppressions order by address`));
}

/** Creates a template and an email campaign to `listId`, sends it now, and waits for the workers to finish it. */
async function sendCampaign(suite: ReturnType<typeof browserSuite>, owner: SignedUp, listId: string): Promise<string> {
  const template = ok(
    await suite.kontor.gql<{ createCampaignTemplate: { id: string } }>(
      `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`,
      { input: { name: 'Autumn news', channel: 'EMAIL', subject: 'Autumn news for {{ contact.firstName }}', html: '<p>Hello {{ contact.firstName }}, the autumn catalogue is out.</p>' } },
      owner.token,
    ),
  ).createCampaignTemplate.id;
  const campaign = ok(
    await suite.kontor.gql<{ createCampaign: { id: string } }>(
      `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
      { input: { name: 'Autumn news', channel: 'EMAIL', templateId: template, audience: { segmentIds: [], listIds: [listId] } } },
      owner.token,
    ),
  ).createCampaign.id;
  ok(await suite.kontor.gql(`mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { id } }`, { input: { id: campaign } }, owner.token));
  await expect
    .poll(async () => ok(await suite.kontor.gql<{ campaign: { status: string } }>(`query($id: ID!) { campaign(id: $id) { status } }`, { id: campaign }, owner.token)).campaign.status, { timeout: 60_000 })
    .toBe('SENT');
  return campaign;
}

async function contactOf(suite: ReturnType<typeof browserSuite>, owner: SignedUp, id: string): Promise<{ emailConsent: string; consentHistory: { status: string; source: string }[] }> {
  return ok(await suite.kontor.gql<{ contact: { emailConsent: string; consentHistory: { status: string; source: string }[] } }>(CONTACT, { id }, owner.token)).contact;
}

async function expectNoErrors(page: Page): Promise<void> {
  expect(pageErrors(page)).toEqual([]);
  await page.context().close();
}

describe('the pages links in messages open, and subscription lists', () => {
  const suite = browserSuite({ mail: true });

  it('unsubscribes from a campaign email on a phone in Romanian only after the confirming click: consent DENIED, the address suppressed; the preference centre brings email back', async () => {
    const company = 'Fjord Trading AS';
    const owner = await signUp(suite.kontor, { email: uniqueEmail('unsub-owner'), companyName: company, modules: ['CRM', 'MARKETING'] });
    const address = uniqueEmail('ioana');
    const ioana = ok(
      await suite.kontor.gql<{ createContact: { id: string } }>(CREATE_CONTACT, { input: { firstName: 'Ioana', lastName: 'Popescu', email: address, emailConsent: 'GRANTED', consentSource: 'signed form' } }, owner.token),
    ).createContact.id;
    const news = ok(await suite.kontor.gql<{ createSubscriptionList: { id: string } }>(CREATE_LIST, { input: { name: 'Noutăți', description: 'O dată pe lună' } }, owner.token)).createSubscriptionList.id;
    ok(await suite.kontor.gql(ADD_MEMBERS, { input: { listId: news, contactIds: [ioana] } }, owner.token));
    await sendCampaign(suite, owner, news);
    const mail = await suite.sink.waitFor(address, (message) => message.subject === 'Autumn news for Ioana');
    const link = linkIn(mail, `${suite.kontor.url}/unsubscribe/`);
    const masked = `${address[0] ?? ''}***${address.slice(address.indexOf('@'))}`;

    // Ioana opens the link on her phone, in Romanian: the page asks, and opening it changed nothing.
    const page = await openPage(suite.browser, { viewport: { width: 390, height: 844 }, locale: 'ro-RO' });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: ro('subscriptions.public.unsubscribe.title.EMAIL') }).waitFor();
    await page.getByText(ro('subscriptions.public.unsubscribe.question.EMAIL', { company, address: masked })).waitFor();
    expect(await page.evaluate('document.documentElement.lang')).toBe('ro');
    // Nothing wider than the phone: no sideways scrolling.
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(page, 'unsubscribe-phone-ro');
    expect((await contactOf(suite, owner, ioana)).emailConsent).toBe('GRANTED');
    expect(await suppressionsOf(suite, owner)).toEqual([]);

    await page.getByRole('button', { name: ro('subscriptions.public.unsubscribe.confirm') }).click();
    await page.getByRole('heading', { level: 1, name: ro('subscriptions.public.unsubscribe.doneTitle.EMAIL') }).waitFor();
    await page.getByText(ro('subscriptions.public.unsubscribe.doneBody.EMAIL', { company, address: masked })).waitFor();
    await screenshot(page, 'unsubscribe-done-phone-ro');

    // The API agrees: consent refused, recorded with its source, and the address suppressed.
    const refused = await contactOf(suite, owner, ioana);
    expect(refused.emailConsent).toBe('DENIED');
    expect(refused.consentHistory[0]).toEqual({ status: 'DENIED', source: 'unsubscribe link' });
    expect(await suppressionsOf(suite, owner)).toEqual([{ address, reason: 'UNSUBSCRIBED', source: 'unsubscribe link' }]);

    // Opened again later, the page says it is done already.
    await page.reload();
    await page.getByText(ro('subscriptions.public.unsubscribe.alreadyDone')).waitFor();

    // She changes her mind in the preference centre: email on again, but off the list.
    await page.getByRole('link', { name: ro('subscriptions.public.unsubscribe.toPreferences') }).click();
    await page.getByRole('heading', { level: 1, name: ro('subscriptions.public.preferences.title') }).waitFor();
    const form = page.getByRole('form', { name: ro('subscriptions.public.preferences.formLabel') });
    const email = form.getByRole('switch', { name: ro('subscriptions.public.preferences.email', { company }) });
    expect(await email.isChecked()).toBe(false);
    const list = form.getByRole('checkbox', { name: 'Noutăți' });
    expect(await list.isChecked()).toBe(true);
    await form.getByText(ro('subscriptions.public.preferences.listsWhileOff')).waitFor();
    await email.click({ force: true });
    await list.click({ force: true });
    await form.getByRole('button', { name: ro('subscriptions.public.preferences.save') }).click();
    await page.getByText(ro('subscriptions.public.preferences.saved')).waitFor();
    await screenshot(page, 'preferences-phone-ro');
    const back = await contactOf(suite, owner, ioana);
    expect(back.emailConsent).toBe('GRANTED');
    expect(back.consentHistory[0]).toEqual({ status: 'GRANTED', source: 'preference centre' });
    expect(await suppressionsOf(suite, owner)).toEqual([]);
    const members = ok(await suite.kontor.gql<{ listMembers: { edges: { node: { status: string } }[] } }>(MEMBERS, { listId: news }, owner.token)).listMembers;
    expect(members.edges.map((edge) => edge.node.status)).toEqual(['UNSUBSCRIBED']);
    await expectNoErrors(page);
  }, 120_000);

  it('explains a broken or cut-off link in plain words, never an error', async () => {
    const page = await openPage(suite.browser, { locale: 'en-GB' });
    // Some mail programs cut long links: the token loses its end.
    for (const path of ['/unsubscribe/not-a-real-token', `/preferences/${'A'.repeat(64)}`]) {
      await page.goto(`${suite.kontor.url}${path}`);
      const alert = page.getByRole('alert').filter({ hasText: 'This link does not work' });
      await alert.getByText('some email programs cut long links in two', { exact: false }).waitFor();
      expect(await page.getByRole('button', { name: 'Unsubscribe' }).count()).toBe(0);
    }
    await page.goto(`${suite.kontor.url}/subscribe/confirm/kso_nonsense`);
    await page.getByRole('alert').filter({ hasText: 'This confirmation link does not work' }).waitFor();
    await page.goto(`${suite.kontor.url}/subscribe/done?result=NOT_FOUND`);
    await page.getByRole('heading', { level: 1, name: 'This form no longer works' }).waitFor();
    expect(await page.content()).not.toMatch(/NOT_FOUND|BAD_USER_INPUT|INVALID_LINK/);
    await expectNoErrors(page);
  });

  it('creates a list on its screen; its HTML form, pasted into a page, subscribes a visitor after the emailed confirmation; people are added and taken off; a list still in use is not deleted', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('lists-owner'), companyName: 'Nordlys Bakeri', modules: ['CRM', 'MARKETING'] });
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/campaigns`);
    await page.getByRole('tab', { name: 'Lists' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscription lists' }).waitFor();
    const empty = page.getByRole('region', { name: 'No subscription lists yet' });
    await empty.getByRole('button', { name: 'New list' }).click();

    const dialog = page.getByRole('dialog', { name: 'New subscription list' });
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await dialog.getByText('This field is required.').waitFor();
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Weekly bread');
    await dialog.getByRole('textbox', { name: 'Description' }).fill('What comes out of the oven this week');
    expect(await dialog.getByRole('switch', { name: 'Ask people who use the form to confirm by email' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Create list' }).click();
    await page.getByRole('heading', { level: 1, name: 'Weekly bread' }).waitFor();
    const listId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const formUrl = ok(await suite.kontor.gql<{ subscriptionList: { formUrl: string } }>(`query($id: ID!) { subscriptionList(id: $id) { formUrl } }`, { id: listId }, owner.token)).subscriptionList.formUrl;
    expect(await page.getByRole('textbox', { name: 'Form address' }).inputValue()).toBe(formUrl);

    // A second list of the same name is refused on the name, in the list's own words.
    await page.getByRole('link', { name: 'Subscription lists' }).first().click();
    await page.getByRole('table', { name: 'Subscription lists' }).getByRole('row').filter({ hasText: 'Weekly bread' }).waitFor();
    await page.getByRole('button', { name: 'New list' }).click();
    const again = page.getByRole('dialog', { name: 'New subscription list' });
    await again.getByRole('textbox', { name: 'Name' }).fill('weekly BREAD');
    await again.getByRole('button', { name: 'Create list' }).click();
    await again.getByText('Another list already has this name.', { exact: false }).waitFor();
    await again.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('table', { name: 'Subscription lists' }).getByRole('link', { name: 'Weekly bread' }).click();

    // The snippet: a plain HTML form posting to the list's address.
    const snippetBox = page.getByRole('textbox', { name: 'HTML form to paste into your website' });
    const snippet = await snippetBox.inputValue();
    expect(snippet).toContain(`<form action="${formUrl}" method="post"`);
    expect(snippet).toContain('name="firstName"');
    await page.getByRole('checkbox', { name: 'Ask for the first and last name too' }).click({ force: true });
    await expect.poll(() => snippetBox.inputValue()).not.toContain('firstName');
    await page.getByRole('checkbox', { name: 'Ask for the first and last name too' }).click({ force: true });
    await screenshot(page, 'list-page');

    // A visitor of the bakery's website: the snippet pasted into its page, filled in and sent.
    const visitorEmail = uniqueEmail('visitor');
    const website = await openPage(suite.browser, { locale: 'en-GB' });
    await website.setContent(`<!doctype html><html><body><h1>Nordlys Bakeri</h1>${snippet}</body></html>`);
    await website.getByLabel('First name').fill('Sigrid');
    await website.getByLabel('Email').fill(visitorEmail);
    await website.getByRole('button', { name: 'Subscribe' }).click();
    await website.getByRole('heading', { level: 1, name: 'Check your inbox' }).waitFor();
    expect(new URL(website.url()).pathname).toBe('/subscribe/done');
    await screenshot(website, 'subscribe-done');

    // Not on the list until she confirms from the email.
    const waiting = ok(await suite.kontor.gql<{ listMembers: { edges: { node: { status: string; source: string } }[] } }>(MEMBERS, { listId }, owner.token)).listMembers;
    expect(waiting.edges.map((edge) => `${edge.node.status} ${edge.node.source}`)).toEqual(['PENDING form']);
    const confirmation = await suite.sink.waitFor(visitorEmail, (message) => message.subject === 'Confirm your subscription to Weekly bread');
    await website.goto(linkIn(confirmation, `${suite.kontor.url}/subscribe/confirm/`));
    await website.getByRole('heading', { level: 1, name: 'Confirm your subscription' }).waitFor();
    await website.getByText('Thank you: you will receive Weekly bread from Nordlys Bakeri.').waitFor();
    await screenshot(website, 'subscribe-confirmed');
    await expectNoErrors(website);

    // The list's page shows her, subscribed from the form.
    await page.reload();
    const people = page.getByRole('list', { name: 'People on the list' });
    await people.getByRole('listitem').filter({ hasText: 'Sigrid' }).getByText('Subscribed', { exact: true }).waitFor();
    await people.getByRole('listitem').filter({ hasText: 'Sigrid' }).getByText('from the form', { exact: false }).waitFor();

    // A customer already on record is added by the team, then taken off again.
    ok(await suite.kontor.gql(CREATE_CONTACT, { input: { firstName: 'Olav', lastName: 'Berg', email: uniqueEmail('olav') } }, owner.token));
    await page.getByRole('button', { name: 'Add people' }).click();
    const add = page.getByRole('dialog', { name: 'Add people to Weekly bread' });
    await add.getByRole('combobox', { name: 'People' }).fill('Olav');
    await page.getByRole('option', { name: /^Olav Berg/ }).click();
    // Leaving the box closes its list of people.
    await add.getByText('Type part of a name', { exact: false }).click();
    await add.getByRole('button', { name: 'Add 1 person' }).click();
    await page.getByText('1 person added.').waitFor();
    const olav = people.getByRole('listitem').filter({ hasText: 'Olav Berg' });
    await olav.getByText('added by your team', { exact: false }).waitFor();
    const show = page.getByRole('radiogroup', { name: 'Show' });
    await show.getByText('Waiting', { exact: true }).click();
    await page.getByText('Nobody is waiting for confirmation.').waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('PENDING');
    await show.getByText('Everyone', { exact: true }).click();
    await olav.getByRole('button', { name: 'Take Olav Berg off the list' }).click();
    await olav.waitFor({ state: 'detached' });
    expect(ok(await suite.kontor.gql<{ listMembers: { totalCount: number } }>(MEMBERS, { listId }, owner.token)).listMembers.totalCount).toBe(1);

    // A draft campaign sends to the list: deleting it is refused, with the way out.
    const template = ok(
      await suite.kontor.gql<{ createCampaignTemplate: { id: string } }>(
        `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`,
        { input: { name: 'Bread', channel: 'EMAIL', subject: 'Bread', html: '<p>Bread</p>' } },
        owner.token,
      ),
    ).createCampaignTemplate.id;
    ok(await suite.kontor.gql(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, { input: { name: 'Bread news', channel: 'EMAIL', templateId: template, audience: { segmentIds: [], listIds: [listId] } } }, owner.token));
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog', { name: 'Delete Weekly bread?' }).getByRole('button', { name: 'Delete list' }).click();
    await page.getByText('The list is still in use').waitFor();
    await page.getByText('Change their audience or cancel them, then delete the list.', { exact: false }).waitFor();
    expect(ok(await suite.kontor.gql<{ subscriptionLists: { id: string }[] }>(`{ subscriptionLists { id } }`, {}, owner.token)).subscriptionLists.map((l) => l.id)).toEqual([listId]);
    await expectNoErrors(page);

    // On a phone: the lists as cards, and the list's page without sideways scrolling (long addresses included).
    const phone = await openPage(suite.browser, { token: owner.token, viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.kontor.url}/campaigns/lists`);
    const card = phone.getByRole('list', { name: 'Subscription lists' }).getByRole('listitem').filter({ hasText: 'Weekly bread' });
    await card.getByText('1 subscribed', { exact: false }).waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await card.getByRole('link', { name: 'Weekly bread' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Weekly bread' }).waitFor();
    await phone.getByRole('list', { name: 'People on the list' }).getByText('Sigrid').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await screenshot(phone, 'list-page-phone');
    await expectNoErrors(phone);
  }, 120_000);

  it('lets an owner connect the company’s own SMTP server with a write-only password, limit the sending speed, see the SMS webhook address, and go back to the platform’s server', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('channels-owner'), modules: ['CRM', 'MARKETING'] });
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/settings`);
    await page.getByRole('link', { name: 'Campaign sending' }).click();
    await page.getByRole('heading', { level: 1, name: 'Campaign sending' }).waitFor();
    const webhook = ok(await suite.kontor.gql<{ smsInboundWebhookUrl: string }>(`{ smsInboundWebhookUrl }`, {}, owner.token)).smsInboundWebhookUrl;
    expect(await page.getByRole('textbox', { name: 'Webhook address' }).inputValue()).toBe(webhook);

    const smtp = page.getByRole('form', { name: 'Email server' });
    await smtp.getByRole('radio', { name: 'Our own SMTP server' }).click({ force: true });
    await smtp.getByRole('textbox', { name: 'Server' }).fill('smtp example.com');
    await smtp.getByRole('textbox', { name: 'User name' }).fill('mailer');
    await smtp.getByRole('button', { name: 'Save' }).click();
    await smtp.getByText('Enter a server name such as smtp.example.com, or an IP address.').waitFor();
    await smtp.getByText('A user name needs its password.').waitFor();
    await smtp.getByText('This field is required.').waitFor();
    await smtp.getByRole('textbox', { name: 'Server' }).fill('smtp.example.com');
    const password = smtp.getByRole('textbox', { name: /^Password/ });
    await password.fill('s3cret-pass');
    await smtp.getByRole('textbox', { name: 'From address' }).fill('news@example.com');
    await smtp.getByRole('switch', { name: 'TLS from the start' }).click({ force: true });
    expect(await smtp.getByRole('textbox', { name: 'Port' }).inputValue()).toBe('465');
    await smtp.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Campaign emails now go through your server.').waitFor();
    // The password is never shown again, only that one is kept.
    await smtp.getByRole('textbox', { name: 'Password set' }).waitFor();
    expect(await password.inputValue()).toBe('');
    const saved = ok(await suite.kontor.gql<{ marketingChannelSettings: { smtp: unknown } }>(`{ marketingChannelSettings { smtp { host port secure username hasPassword from } } }`, {}, owner.token)).marketingChannelSettings;
    expect(saved.smtp).toEqual({ host: 'smtp.example.com', port: 465, secure: true, username: 'mailer', hasPassword: true, from: 'news@example.com' });
    await screenshot(page, 'marketing-channel-settings');

    // A ceiling for all campaigns together; SMS left without one.
    const speed = page.getByRole('form', { name: 'Sending speed' });
    await speed.getByRole('textbox', { name: 'Emails per minute' }).fill('600');
    await speed.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Sending speed saved.').waitFor();
    const limits = ok(await suite.kontor.gql<{ marketingChannelSettings: unknown }>(`{ marketingChannelSettings { emailsPerMinute smsPerMinute } }`, {}, owner.token)).marketingChannelSettings;
    expect(limits).toEqual({ emailsPerMinute: 600, smsPerMinute: null });

    await smtp.getByRole('radio', { name: 'The platform’s mail server' }).click({ force: true });
    await smtp.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Campaign emails go through the platform’s mail server again.').waitFor();
    expect(ok(await suite.kontor.gql<{ marketingChannelSettings: { smtp: unknown } }>(`{ marketingChannelSettings { smtp { host } } }`, {}, owner.token)).marketingChannelSettings.smtp).toBeNull();
    await expectNoErrors(page);
  }, 60_000);
});
