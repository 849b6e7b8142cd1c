import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, chooseOption, openPage, pageErrors, screenshot } from './support/browser.js';

/** The send time is typed on Kyiv's clock while the browser itself is in New York. */
const ZONE = 'Europe/Kyiv';
const DEVICE_ZONE = 'America/New_York';
/** How far ahead the campaign is scheduled: enough to click through the dialog. */
const LEAD_MS = 25_000;

/** An instant as a `datetime-local` value on a zone's clock; seconds only when not 00 (the browser drops ":00"). */
function localValue(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const base = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  return parts.second === '00' ? base : `${base}:${parts.second}`;
}

describe('a campaign scheduled in the browser', () => {
  const suite = browserSuite({ mail: true });

  it('writes a template and a campaign to a segment, schedules it in another time zone, and the merged email lands in the mail server', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('campaign'), modules: ['CRM', 'MARKETING'] });
    const tag = `spring-${Date.now()}`;
    const address = uniqueEmail('ioana');
    ok(
      await suite.kontor.gql(
        `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`,
        { input: { firstName: 'Ioana', lastName: 'Petrenko', email: address, emailConsent: 'GRANTED', consentSource: 'signed form', tags: [tag] } },
        owner.token,
      ),
    );
    // Someone in the segment who never agreed to email: the audience leaves them out.
    ok(await suite.kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'Taras', email: uniqueEmail('taras'), tags: [tag] } }, owner.token));
    ok(
      await suite.kontor.gql(
        `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`,
        { input: { name: 'Spring readers', entity: 'CONTACT', contactFilter: { tags: [tag] } } },
        owner.token,
      ),
    );

    const page = await openPage(suite.browser, { token: owner.token, timezoneId: DEVICE_ZONE });
    await page.goto(`${suite.kontor.url}/campaigns`);
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor();

    // Nothing yet, and no template: the empty page says to write the message first.
    const empty = page.getByRole('region', { name: 'No campaigns yet' });
    await empty.getByText('Start by writing the message', { exact: false }).waitFor();
    await empty.getByRole('link', { name: 'Write a template' }).click();

    // The template: merge fields in the subject and the body.
    await page.getByRole('heading', { level: 1, name: 'New template' }).waitFor();
    const editor = page.getByRole('form', { name: 'Template' });
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Spring news');
    await editor.getByRole('textbox', { name: 'Subject', exact: true }).fill('Spring news for {{ contact.firstName }}');
    await editor.getByRole('textbox', { name: 'Body (HTML)' }).fill('<p>Hello {{ contact.firstName }}, our spring catalogue is out.</p>');
    // Before the first save the preview follows the typing, merge fields as written.
    const preview = page.getByRole('region', { name: 'Preview' });
    await preview.frameLocator('iframe[title="Email preview"]').getByText('Hello {{ contact.firstName }}, our spring catalogue is out.').waitFor();
    await editor.getByRole('button', { name: 'Save template' }).click();

    // Saved: the preview is the API's rendering, with sample data, then with Ioana's.
    await page.getByRole('heading', { level: 1, name: 'Spring news' }).waitFor();
    await preview.getByTestId('preview-subject').getByText('Spring news for Ana').waitFor();
    await chooseOption(page, preview, 'Preview for', 'Ioana Petrenko', 'Ioana');
    await preview.getByTestId('preview-subject').getByText('Spring news for Ioana').waitFor();
    await preview.frameLocator('iframe[title="Email preview"]').getByText('Hello Ioana, our spring catalogue is out.').waitFor();
    await screenshot(page, 'campaign-template-editor');

    // A test, merged for the person in the preview, to the owner's own address (offered first).
    await editor.getByRole('button', { name: 'Send a test…' }).click();
    const test = page.getByRole('dialog', { name: 'Send a test' });
    expect(await test.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe(owner.email);
    await test.getByRole('button', { name: 'Send test' }).click();
    await test.waitFor({ state: 'hidden' });
    const testMail = await suite.sink.waitFor(owner.email, (message) => message.subject === '[Test] Spring news for Ioana');
    expect(testMail.html).toContain('Hello Ioana, our spring catalogue is out.');

    // The campaign: the template and the segment; the live count leaves out who did not agree.
    const nav = page.getByTestId('main-nav');
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    await page.getByRole('region', { name: 'No campaigns yet' }).getByRole('link', { name: 'Write a campaign' }).click();
    await page.getByRole('heading', { level: 1, name: 'New campaign' }).waitFor();
    const form = page.getByRole('form', { name: 'Campaign' });
    await form.getByRole('textbox', { name: 'Name', exact: true }).fill('Spring newsletter');
    await chooseOption(page, form, 'Template', 'Spring news');
    await chooseOption(page, form, 'Send to', /^Spring readers/, 'Spring');
    await page.keyboard.press('Escape');
    await form.getByTestId('audience-count').getByText('Reaches 1 person by email now').waitFor();
    await screenshot(page, 'campaign-editor');

    // Scheduled a few seconds ahead on Kyiv's clock, from a browser in New York.
    const sendAt = new Date(Date.now() + LEAD_MS);
    sendAt.setMilliseconds(0);
    await form.getByRole('button', { name: 'Schedule…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Schedule the campaign' });
    await chooseOption(page, dialog, 'Time zone', /^Europe\/Kyiv/, 'Kyiv');
    await dialog.getByLabel('Date and time').fill(localValue(sendAt, ZONE));
    const yourTime = new Intl.DateTimeFormat('en-GB', { timeZone: DEVICE_ZONE, hour: '2-digit', minute: '2-digit' }).format(sendAt);
    await dialog.getByText(`${yourTime}`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Its page: scheduled, at that time on Kyiv's clock.
    await page.getByRole('heading', { level: 1, name: 'Spring newsletter' }).waitFor();
    const campaignId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const kyivTime = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(sendAt);
    const saved = ok(await suite.kontor.gql<{ campaign: { status: string; sendAt: string; timeZone: string } }>(`query($id: ID!) { campaign(id: $id) { status sendAt timeZone } }`, { id: campaignId }, owner.token)).campaign;
    expect(saved.status).toBe('SCHEDULED');
    expect(saved.timeZone).toBe(ZONE);
    expect(new Date(saved.sendAt).getTime()).toBe(sendAt.getTime());

    // The list shows it with its send time in the campaign's zone, whatever the browser's.
    await nav.getByRole('link', { name: 'Campaigns' }).click();
    const row = page.getByRole('table', { name: 'Campaigns' }).getByRole('row').filter({ hasText: 'Spring newsletter' });
    await expect.poll(async () => row.innerText()).toMatch(new RegExp(`${kyivTime}\\s+(EET|EEST|GMT\\+2|GMT\\+3)`));
    await screenshot(page, 'campaign-list');

    // The workers start it at that time: Ioana's email, merged, reaches the mail server.
    const mail = await suite.sink.waitFor(address, (message) => message.subject === 'Spring news for Ioana', LEAD_MS + 60_000);
    expect(mail.html).toContain('Hello Ioana, our spring catalogue is out.');
    expect(mail.text).toContain('Hello Ioana, our spring catalogue is out.');
    expect(suite.sink.messages.filter((message) => message.subject?.startsWith('Spring news for')).length).toBe(1);

    // The campaign's page follows: sent, one recipient, the chart of delivery states.
    await row.getByRole('link', { name: 'Spring newsletter' }).click();
    await page.getByTestId('campaign-status').getByText('Sent', { exact: true }).waitFor({ timeout: 30_000 });
    const figures = page.getByRole('list', { name: 'Figures' });
    await figures.getByRole('listitem').filter({ hasText: 'Recipients' }).getByText('1', { exact: true }).waitFor();
    await page.getByRole('region', { name: 'Recipients by delivery state' }).waitFor();
    await page.getByRole('region', { name: 'Activity by hour' }).getByText('Sent', { exact: true }).waitFor();
    await screenshot(page, 'campaign-stats');
    expect(pageErrors(page)).toEqual([]);
  }, 180_000);

  it('counts SMS parts while a text is typed; sends a campaign now after showing who it reaches, then pauses, resumes and cancels it', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('campaign-now'), modules: ['CRM', 'MARKETING'] });
    const tag = `now-${Date.now()}`;
    const addresses: string[] = [];
    for (const firstName of ['Ana', 'Ion', 'Maria', 'Petru']) {
      const email = uniqueEmail(firstName.toLowerCase());
      addresses.push(email);
      ok(await suite.kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName, email, emailConsent: 'GRANTED', consentSource: 'signed form', tags: [tag] } }, owner.token));
    }
    const segment = ok(
      await suite.kontor.gql<{ createSegment: { id: string } }>(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: 'Regulars', entity: 'CONTACT', contactFilter: { tags: [tag] } } }, owner.token),
    ).createSegment.id;
    const page = await openPage(suite.browser, { token: owner.token });

    // An SMS template: the part count follows the text, GSM-7 until a character outside it appears.
    await page.goto(`${suite.kontor.url}/campaigns/templates/new?channel=SMS`);
    const editor = page.getByRole('form', { name: 'Template' });
    await editor.getByRole('textbox', { name: 'Name', exact: true }).fill('Flash sale');
    const text = editor.getByRole('textbox', { name: 'Text', exact: true });
    await text.fill('Hi {{ contact.firstName }}! 20% off today only.');
    await page.getByTestId('sms-counter').getByText('1 SMS · 109 characters left').waitFor();
    await text.fill(`Bună {{ contact.firstName }}! ${'Reducere mare azi. '.repeat(4)}`);
    await editor.getByText('Special characters: 67 characters per SMS.').waitFor();
    await page.getByTestId('sms-counter').getByText(/^2 SMS/).waitFor();
    // A merge field left open: the API refuses it, on the field, with the parser's words.
    await text.fill('Hi {{ contact.firstName! 20% off today only.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await editor.getByText('The template does not work: check its merge fields and tags.').waitFor();
    await editor.getByRole('alert').filter({ hasText: 'Where the template does not work' }).waitFor();
    await text.fill('Hi {{ contact.firstName }}! 20% off today only.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flash sale' }).waitFor();
    await page.getByTestId('preview-sms').getByText('Hi Ana! 20% off today only.').waitFor();
    await screenshot(page, 'campaign-sms-template');

    // An email campaign at one message a minute, so that it is still sending when paused.
    const template = ok(
      await suite.kontor.gql<{ createCampaignTemplate: { id: string } }>(
        `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`,
        { input: { name: 'Regulars news', channel: 'EMAIL', subject: 'News for {{ contact.firstName }}', html: '<p>Hello {{ contact.firstName }}</p>' } },
        owner.token,
      ),
    ).createCampaignTemplate.id;
    const campaign = ok(
      await suite.kontor.gql<{ createCampaign: { id: string } }>(
        `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
        { input: { name: 'Regulars news', channel: 'EMAIL', templateId: template, audience: { segmentIds: [segment] }, throttlePerMinute: 1 } },
        owner.token,
      ),
    ).createCampaign.id;
    await page.goto(`${suite.kontor.url}/campaigns/${campaign}`);
    await page.getByRole('heading', { level: 1, name: 'Regulars news' }).waitFor();
    await page.getByTestId('audience-count').getByText('Reaches 4 people by email now').waitFor();

    // Nothing leaves before the confirmation, which says how many it reaches.
    await page.getByRole('button', { name: 'Send now…' }).click();
    const confirm = page.getByRole('dialog', { name: 'Send Regulars news now?' });
    await confirm.getByText('4 people get this email now.', { exact: false }).waitFor();
    expect(suite.sink.messages.filter((message) => message.subject?.startsWith('News for')).length).toBe(0);
    await confirm.getByRole('button', { name: 'Send to 4 people' }).click();
    await confirm.waitFor({ state: 'hidden' });
    const status = page.getByTestId('campaign-status');
    await status.getByText('Sending', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Pause' }).click();
    await status.getByText('Paused', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Resume' }).click();
    await status.getByText('Sending', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Cancel campaign' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel Regulars news?' });
    await cancel.getByRole('button', { name: 'Cancel campaign' }).click();
    await status.getByText('Cancelled', { exact: true }).waitFor();
    await screenshot(page, 'campaign-cancelled');

    // Whoever was still waiting was skipped; each one sent got exactly one email.
    const stats = ok(
      await suite.kontor.gql<{ campaign: { status: string; stats: { recipients: number; sent: number; delivered: number; bounced: number; skipped: number; queued: number; sending: number } } }>(
        `query($id: ID!) { campaign(id: $id) { status stats { recipients sent delivered bounced skipped queued sending } } }`,
        { id: campaign },
        owner.token,
      ),
    ).campaign;
    expect(stats.status).toBe('CANCELLED');
    expect(stats.stats.recipients).toBe(4);
    expect(stats.stats.skipped).toBeGreaterThan(0);
    const left = stats.stats.sent + stats.stats.delivered + stats.stats.bounced;
    expect(left + stats.stats.skipped + stats.stats.sending).toBe(4);
    await expect.poll(() => suite.sink.messages.filter((message) => message.subject?.startsWith('News for')).length).toBe(left);
    for (const address of addresses) expect(suite.sink.to(address).length).toBeLessThanOrEqual(1);
    expect(pageErrors(page)).toEqual([]);
  }, 120_000);

  it('shows campaigns as cards on a phone, filtered by status in the address', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('campaign-phone'), modules: ['CRM', 'MARKETING'] });
    const template = ok(
      await suite.kontor.gql<{ createCampaignTemplate: { id: string } }>(
        `mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`,
        { input: { name: 'Reminder', channel: 'SMS', text: 'Hi {{ contact.firstName }}, see you tomorrow!' } },
        owner.token,
      ),
    ).createCampaignTemplate.id;
    for (const name of ['Tomorrow’s reminder', 'Old reminder']) {
      ok(await suite.kontor.gql(`mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`, { input: { name, channel: 'SMS', templateId: template, audience: { segmentIds: [] } } }, owner.token));
    }
    const page = await openPage(suite.browser, { token: owner.token, viewport: { width: 390, height: 844 } });
    await page.goto(`${suite.kontor.url}/campaigns?status=SENT`);
    await page.getByRole('region', { name: 'No campaign matches' }).waitFor();
    await page.getByRole('region', { name: 'No campaign matches' }).getByRole('button', { name: 'Clear filters' }).click();
    const cards = page.getByRole('list', { name: 'Campaigns' });
    await cards.getByRole('listitem').filter({ hasText: 'Tomorrow’s reminder' }).getByText('Draft').waitFor();
    expect(await cards.getByRole('listitem').count()).toBe(2);
    expect(new URL(page.url()).searchParams.get('status')).toBeNull();
    await screenshot(page, 'campaign-list-phone');
    expect(pageErrors(page)).toEqual([]);
  });
});
