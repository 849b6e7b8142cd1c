import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { smsSegments as apiSmsSegments } from '../../api/src/platform/sms/sms-segments.js';
import { smsSegments as webSmsSegments } from '../../web/src/modules/crm/messages/sms-segments.js';
import {
  campaignValues,
  createCampaignInput,
  emptyCampaign,
  errorUnder,
  updateCampaignInput,
  validateCampaign,
  type CampaignDetail,
  type CampaignFormValues,
} from '../../web/src/modules/marketing/campaigns/campaign-form.js';
import { activityKinds, everyHour } from '../../web/src/modules/marketing/campaigns/activity.js';
import { readCampaignsView, sentCount } from '../../web/src/modules/marketing/campaigns/campaigns-view.js';
import { scheduleInput, scheduleValues, validateSchedule } from '../../web/src/modules/marketing/campaigns/schedule-form.js';
import { currentZoneName, zoneOptions } from '../../web/src/modules/marketing/shared/time-zones.js';
import { formatInZone, instantOf, isTimeZone, localInputOf, nextFullHourInput } from '../../web/src/modules/marketing/shared/zoned-time.js';
import { createTemplateInput, emptyTemplate, updateTemplateInput, validateTemplate } from '../../web/src/modules/marketing/templates/template-form.js';

/** The key itself (with its parameters), so a test reads which message a check chose. */
const t = ((key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)) as unknown as TFunction;

const NOW = new Date('2026-03-10T12:00:00Z');

function campaign(overrides: Partial<CampaignFormValues> = {}): CampaignFormValues {
  return { ...emptyCampaign('EMAIL', 'EUR', 'Europe/Kyiv'), name: 'Spring sale', templateId: 'tpl-a', segmentIds: ['seg-1'], ...overrides };
}

describe('times in a zone', () => {
  it('turns a wall-clock time in any IANA zone into the instant, on both sides of daylight saving', () => {
    expect(instantOf('2026-03-10T09:00', 'Europe/Kyiv')).toBe('2026-03-10T07:00:00.000Z');
    expect(instantOf('2026-07-01T09:00', 'Europe/Kyiv')).toBe('2026-07-01T06:00:00.000Z');
    expect(instantOf('2026-07-01T09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(instantOf('2026-07-01T09:00', 'UTC')).toBe('2026-07-01T09:00:00.000Z');
    expect(instantOf('2026-07-01T09:00', 'Asia/Kolkata')).toBe('2026-07-01T03:30:00.000Z');
    // Seconds, when given (a browser keeps them in the field when they are not 00).
    expect(instantOf('2026-03-10T09:00:25', 'Europe/Kyiv')).toBe('2026-03-10T07:00:25.000Z');
  });

  it('moves a time the clocks skip forward by the hour skipped', () => {
    // Kyiv skips 03:00–04:00 on 29 March 2026: 03:30 does not exist; 04:30 EEST does.
    expect(instantOf('2026-03-29T03:30', 'Europe/Kyiv')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a time or not a zone', () => {
    expect(instantOf('', 'Europe/Kyiv')).toBeNull();
    expect(instantOf('2026-02-30T09:00', 'Europe/Kyiv')).toBeNull();
    expect(instantOf('2026-03-10 09:00', 'Europe/Kyiv')).toBeNull();
    expect(instantOf('2026-03-10T09:00', 'Europe/Atlantis')).toBeNull();
    expect(isTimeZone('Europe/Kyiv')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('shows an instant back on the clock of the zone it was chosen in', () => {
    expect(localInputOf('2026-03-10T07:00:00.000Z', 'Europe/Kyiv')).toBe('2026-03-10T09:00');
    expect(localInputOf('2026-03-10T07:00:00.000Z', 'America/New_York')).toBe('2026-03-10T03:00');
    expect(localInputOf('2026-03-10T07:00:00.000Z', 'Nowhere/None')).toBe('');
    expect(formatInZone('2026-03-10T07:00:00.000Z', 'en-GB', 'Europe/Kyiv')).toMatch(/09:00/);
    expect(formatInZone('2026-03-10T07:00:00.000Z', 'en-GB', 'America/New_York')).toMatch(/03:00/);
  });

  it('offers zones by their current IANA name, Europe/Kyiv rather than Kiev, each once, labelled with the offset', () => {
    expect(currentZoneName('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(currentZoneName('Europe/Bucharest')).toBe('Europe/Bucharest');
    const options = zoneOptions('en-GB', 'Europe/Kyiv', new Date('2026-01-15T12:00:00Z'));
    const values = options.map((option) => option.value);
    expect(values[0]).toBe('UTC');
    expect(values).not.toContain('Europe/Kiev');
    expect(values.filter((zone) => zone === 'Europe/Kyiv')).toHaveLength(1);
    expect(new Set(values).size).toBe(values.length);
    expect(options.find((option) => option.value === 'Europe/Kyiv')?.label).toBe('Europe/Kyiv (GMT+02:00)');
    expect(options.find((option) => option.value === 'America/New_York')?.label).toBe('America/New York (GMT-05:00)');
  });

  it('offers the first full hour at least an hour ahead, on the zone’s clock', () => {
    expect(nextFullHourInput('Europe/Kyiv', new Date('2026-03-10T12:01:00Z'))).toBe('2026-03-10T16:00');
    expect(nextFullHourInput('Europe/Kyiv', new Date('2026-03-10T12:59:00Z'))).toBe('2026-03-10T16:00');
    expect(nextFullHourInput('Asia/Kolkata', new Date('2026-03-10T12:00:00Z'))).toBe('2026-03-10T19:00');
  });
});

describe('the schedule form', () => {
  it('starts from the campaign’s own time and zone, else from the device’s zone', () => {
    expect(scheduleValues({ sendAt: '2026-03-11T07:00:00.000Z', timeZone: 'Europe/Kyiv' }, 'Europe/Bucharest', NOW)).toEqual({ local: '2026-03-11T09:00', zone: 'Europe/Kyiv' });
    expect(scheduleValues({ sendAt: null, timeZone: null }, 'Europe/Bucharest', NOW)).toEqual({ local: '2026-03-10T16:00', zone: 'Europe/Bucharest' });
    // A time already past is no suggestion.
    expect(scheduleValues({ sendAt: '2026-03-01T07:00:00.000Z', timeZone: 'Europe/Kyiv' }, 'UTC', NOW).local).toBe('2026-03-10T16:00');
  });

  it('wants a future time in a real zone, and sends the instant with the zone', () => {
    expect(validateSchedule(t, { local: '2026-03-10T13:00', zone: 'Europe/Kyiv' }, NOW).local).toBe('errors.reason.IN_PAST');
    expect(validateSchedule(t, { local: '2026-03-10T15:00', zone: 'Europe/Kyiv' }, NOW).local).toBeNull();
    expect(validateSchedule(t, { local: '', zone: 'Europe/Kyiv' }, NOW).local).toBe('errors.reason.REQUIRED');
    expect(validateSchedule(t, { local: '2026-03-10T15:00', zone: 'Nowhere' }, NOW).zone).toBe('errors.reason.INVALID_TIME_ZONE');
    // With an A/B test the start comes before the winner goes out.
    const winner = { at: '2026-03-10T15:00:00.000Z', format: (iso: string, zone: string) => `${iso}@${zone}` };
    expect(validateSchedule(t, { local: '2026-03-10T17:00', zone: 'Europe/Kyiv' }, NOW, winner).local).toBe('marketing.schedule.afterWinner {"time":"2026-03-10T15:00:00.000Z@Europe/Kyiv"}');
    expect(validateSchedule(t, { local: '2026-03-10T16:59', zone: 'Europe/Kyiv' }, NOW, winner).local).toBeNull();
    expect(scheduleInput('c1', { local: '2026-03-10T15:00', zone: 'Europe/Kyiv' })).toEqual({ id: 'c1', sendAt: '2026-03-10T13:00:00.000Z', timeZone: 'Europe/Kyiv' });
  });
});

describe('the campaign form', () => {
  it('checks what the API checks before a round trip', () => {
    expect(validateCampaign(t, campaign(), NOW)).toEqual({ name: null, templateId: null, segmentIds: null });
    expect(validateCampaign(t, campaign({ name: ' ', templateId: null }), NOW)).toMatchObject({ name: 'errors.reason.REQUIRED', templateId: 'marketing.campaigns.form.chooseTemplate' });
    expect(validateCampaign(t, campaign({ segmentIds: Array.from({ length: 15 }, (_, i) => `s${i}`), listIds: Array.from({ length: 6 }, (_, i) => `l${i}`) }), NOW).segmentIds).toBe('errors.reason.TOO_MANY {"max":20}');
    expect(validateCampaign(t, campaign({ throttle: 0 }), NOW).throttle).toMatch(/^errors.reason.OUT_OF_RANGE/);
    expect(validateCampaign(t, campaign({ throttle: '2.5' }), NOW).throttle).toMatch(/^errors.reason.OUT_OF_RANGE/);
    expect(validateCampaign(t, campaign({ throttle: 600 }), NOW).throttle).toBeNull();
    expect(validateCampaign(t, campaign({ channel: 'SMS', quietHours: true, quietStart: '8', quietEnd: '8' }), NOW).quietEnd).toBe('marketing.campaigns.form.quietSame');
    expect(validateCampaign(t, campaign({ amount: '12.345' }), NOW).amount).toBe('errors.reason.TOO_MANY_DECIMALS {"max":2}');
    expect(validateCampaign(t, campaign({ amount: 'ten' }), NOW).amount).toBe('marketing.campaigns.form.invalidAmount');
  });

  it('checks an A/B test: another template, a share of 2–100 %, a winner time to come', () => {
    const ab = { abTest: true, variantTemplateId: 'tpl-a', testShare: 1, winnerAt: '2026-03-10T13:00' };
    expect(validateCampaign(t, campaign(ab), NOW)).toMatchObject({
      variantTemplateId: 'marketing.campaigns.form.variantSame',
      testShare: 'errors.reason.OUT_OF_RANGE {"min":2,"max":100}',
      winnerAt: 'errors.reason.IN_PAST',
    });
    expect(validateCampaign(t, campaign({ ...ab, variantTemplateId: 'tpl-b', testShare: 20, winnerAt: '2026-03-11T09:00' }), NOW)).toMatchObject({ variantTemplateId: null, testShare: null, winnerAt: null });
  });

  it('creates with only what was given, and changes every field (a switched-off part is cleared)', () => {
    const values = campaign({ channel: 'SMS', quietHours: true, quietStart: '21', quietEnd: '8', throttle: 120, amount: '1 250,50', abTest: true, variantTemplateId: 'tpl-b', testShare: 20, winnerAt: '2026-03-11T09:00' });
    expect(createCampaignInput(values)).toEqual({
      name: 'Spring sale',
      channel: 'SMS',
      templateId: 'tpl-a',
      audience: { segmentIds: ['seg-1'], listIds: [] },
      throttlePerMinute: 120,
      quietHours: { start: 21, end: 8 },
      abTest: { variantTemplateId: 'tpl-b', testSharePercent: 20, winnerAt: '2026-03-11T07:00:00.000Z' },
      cost: { amount: '1250.5', currency: 'EUR' },
    });
    expect(createCampaignInput(campaign())).toEqual({ name: 'Spring sale', channel: 'EMAIL', templateId: 'tpl-a', audience: { segmentIds: ['seg-1'], listIds: [] } });
    expect(updateCampaignInput('c1', campaign({ listIds: ['list-1'] }))).toEqual({
      id: 'c1',
      name: 'Spring sale',
      templateId: 'tpl-a',
      audience: { segmentIds: ['seg-1'], listIds: ['list-1'] },
      throttlePerMinute: null,
      quietHours: null,
      abTest: null,
      cost: null,
    });
    // Quiet hours are for texts: an email campaign never sends them.
    expect(createCampaignInput(campaign({ quietHours: true })).quietHours).toBeUndefined();
  });

  it('reads a saved campaign back into the form, its A/B winner time on this device’s clock', () => {
    const saved = {
      name: 'Spring sale',
      channel: 'SMS',
      templateId: 'tpl-a',
      audience: { segmentIds: ['seg-1'], listIds: ['list-1'] },
      throttlePerMinute: 60,
      quietHours: { start: 22, end: 7 },
      abTest: { variantTemplateId: 'tpl-b', testSharePercent: 30, winnerAt: '2026-03-11T07:00:00.000Z', winner: null },
      cost: { amount: '99.90', currency: 'RON' },
    } as unknown as CampaignDetail;
    expect(campaignValues(saved, 'EUR', 'Europe/Kyiv')).toMatchObject({
      throttle: 60,
      quietHours: true,
      quietStart: '22',
      quietEnd: '7',
      abTest: true,
      variantTemplateId: 'tpl-b',
      testShare: 30,
      winnerAt: '2026-03-11T09:00',
      amount: '99.90',
      currency: 'RON',
      listIds: ['list-1'],
    });
  });

  it('finds an error on an item of a list field ("segmentIds.2") for the field that shows the list', () => {
    expect(errorUnder({ 'segmentIds.2': 'gone' }, 'segmentIds')).toBe('gone');
    expect(errorUnder({ segmentIds: 'own', 'segmentIds.0': 'item' }, 'segmentIds')).toBe('own');
    expect(errorUnder({ name: 'x' }, 'segmentIds')).toBeUndefined();
  });
});

describe('the campaigns list address', () => {
  it('keeps known statuses and the channel, and ignores the rest', () => {
    const view = readCampaignsView(new URLSearchParams('status=SCHEDULED,bogus,SENDING,SCHEDULED&channel=SMS'));
    expect(view).toMatchObject({ statuses: ['SCHEDULED', 'SENDING'], channel: 'SMS', activeFilters: 2, narrowed: true, filter: { statuses: ['SCHEDULED', 'SENDING'], channel: 'SMS' } });
    expect(readCampaignsView(new URLSearchParams('channel=FAX'))).toMatchObject({ channel: null, narrowed: false, filter: null });
  });

  it('counts as sent what left: taken by the provider, delivered or bounced back', () => {
    expect(sentCount({ sent: 3, delivered: 5, bounced: 1 })).toBe(9);
  });
});

describe('the activity chart', () => {
  const point = (at: string, sent: number) => ({ at, sent, delivered: 0, opened: 0, clicked: 0, bounced: 0, failed: 0, unsubscribed: 0 });

  it('draws every hour from the first event to the last, the quiet ones at zero', () => {
    const hours = everyHour([point('2026-03-10T12:00:00.000Z', 5), point('2026-03-10T09:00:00.000Z', 2)]);
    expect(hours.map((hour) => [hour.at, hour.sent])).toEqual([
      ['2026-03-10T09:00:00.000Z', 2],
      ['2026-03-10T10:00:00.000Z', 0],
      ['2026-03-10T11:00:00.000Z', 0],
      ['2026-03-10T12:00:00.000Z', 5],
    ]);
    expect(everyHour([])).toEqual([]);
    // Never more than a month of hours.
    expect(everyHour([point('2026-01-01T00:00:00.000Z', 1), point('2026-06-01T00:00:00.000Z', 1)])).toHaveLength(24 * 31);
  });

  it('shows opens for email and deliveries for SMS', () => {
    expect(activityKinds('EMAIL')).toContain('opened');
    expect(activityKinds('EMAIL')).not.toContain('delivered');
    expect(activityKinds('SMS')).toContain('delivered');
    expect(activityKinds('SMS')).not.toContain('opened');
  });
});

describe('the template form', () => {
  it('sends an SMS template only its text, and an email its parts (an emptied preheader clears it)', () => {
    const sms = { ...emptyTemplate(t, 'SMS'), name: ' Reminder ', text: ' Hi {{ contact.firstName }} ' };
    expect(createTemplateInput(sms)).toEqual({ name: 'Reminder', channel: 'SMS', text: 'Hi {{ contact.firstName }}' });
    expect(updateTemplateInput('t1', sms)).toEqual({ id: 't1', name: 'Reminder', text: 'Hi {{ contact.firstName }}' });
    const email = { ...emptyTemplate(t, 'EMAIL'), name: 'Welcome', subject: 'Hello {{ contact.firstName }}' };
    expect(email.html).toContain('{{ contact.firstName }}');
    expect(createTemplateInput(email)).toEqual({ name: 'Welcome', channel: 'EMAIL', subject: 'Hello {{ contact.firstName }}', preheader: null, html: email.html, text: null });
    expect(updateTemplateInput('t1', email)).toMatchObject({ preheader: '', text: '' });
  });

  it('wants a subject and a body for email, and a text of at most 1,600 characters for SMS', () => {
    expect(validateTemplate(t, { ...emptyTemplate(t, 'EMAIL'), name: 'W', html: '' })).toMatchObject({ subject: 'errors.reason.REQUIRED', html: 'errors.reason.REQUIRED' });
    expect(validateTemplate(t, { ...emptyTemplate(t, 'SMS'), name: 'S', text: 'x'.repeat(1601) }).text).toBe('errors.reason.TOO_LONG {"max":1600}');
  });

  it('counts SMS parts with the API’s own counter (the same module, not a copy)', () => {
    expect(webSmsSegments).toBe(apiSmsSegments);
    expect(webSmsSegments('Salut Ana, reducere 20% azi!')).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(webSmsSegments('Bună ziua, Ana! Reducere de 20% azi.')).toMatchObject({ encoding: 'UCS-2', segments: 1 });
    expect(webSmsSegments('x'.repeat(161))).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });
});
