import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, PASSWORD, signUp, startKontor, uniqueEmail, type Kontor } from '../support/harness.js';
import { linkIn, SmtpSink } from '../support/smtp-sink.js';
import { launchBrowser, navigationItems, openPage, pageErrors, screenshot } from './support/browser.js';

describe('modules in the navigation', () => {
  let kontor: Kontor;
  let sink: SmtpSink;
  let browser: Browser;

  beforeAll(async () => {
    sink = new SmtpSink();
    const smtpUrl = await sink.start();
    kontor = await startKontor({ smtpUrl });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await kontor?.close();
    await sink?.stop();
  });

  it('a feature switched off by the owner leaves a colleague’s navigation on their next request, without a reload', async () => {
    const owner = await signUp(kontor, { email: uniqueEmail('owner') });
    const colleagueEmail = uniqueEmail('colleague');
    ok(await kontor.gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, { input: { email: colleagueEmail, role: 'MANAGER' } }, owner.token));
    const invitation = await sink.waitFor(colleagueEmail, (mail) => /invited you/.test(mail.subject ?? ''));

    // The colleague joins through the emailed link, in their own browser.
    const colleague = await openPage(browser);
    await colleague.goto(linkIn(invitation, `${kontor.url}/accept-invitation?token=`));
    await colleague.getByLabel('Your name').fill('Ion Colleague');
    await colleague.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await colleague.getByRole('button', { name: 'Accept the invitation' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Welcome, Ion Colleague' }).waitFor();
    expect(await navigationItems(colleague)).toEqual(['Home', 'People', 'Companies', 'Tasks']);
    await colleague.evaluate(`window.kontorTestMarker = 'same page'`);

    // The owner switches the companies feature off in Settings: it leaves their own navigation at once.
    const ownerPage = await openPage(browser, { token: owner.token });
    await ownerPage.goto(`${kontor.url}/settings/modules`);
    const feature = ownerPage.getByRole('switch', { name: 'Companies' });
    await expect.poll(() => feature.isChecked()).toBe(true);
    await feature.click({ force: true });
    await expect.poll(() => navigationItems(ownerPage)).toEqual(['Home', 'People', 'Tasks']);
    await screenshot(ownerPage, 'modules-owner-switched-off');

    // The colleague's next request carries the news; the page was not reloaded.
    await colleague.getByTestId('main-nav').getByRole('link', { name: 'People' }).click();
    await expect.poll(() => navigationItems(colleague)).toEqual(['Home', 'People', 'Tasks']);
    expect(await colleague.evaluate('window.kontorTestMarker')).toBe('same page');
    // A deep link to the switched-off screen explains instead of failing.
    await colleague.goto(`${kontor.url}/companies`);
    await colleague.getByText('Companies is switched off').waitFor();
    await screenshot(colleague, 'modules-colleague-after');

    // Switching it back on brings it back.
    await feature.click({ force: true });
    await expect.poll(() => navigationItems(ownerPage)).toEqual(['Home', 'People', 'Companies', 'Tasks']);
    expect(pageErrors(ownerPage)).toEqual([]);
    expect(pageErrors(colleague)).toEqual([]);
  });

  it('switching the whole CRM module off empties it from the navigation and its screens', async () => {
    const owner = await signUp(kontor, { email: uniqueEmail('crm-off') });
    const page = await openPage(browser, { token: owner.token });
    await page.goto(`${kontor.url}/contacts`);
    await expect.poll(() => navigationItems(page)).toEqual(['Home', 'People', 'Companies', 'Tasks']);

    ok(await kontor.gql(`mutation { setModuleEnabled(input: { module: CRM, enabled: false }) { key enabled } }`, {}, owner.token));
    await page.getByTestId('main-nav').getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => navigationItems(page)).toEqual(['Home']);
    await page.goto(`${kontor.url}/contacts`);
    await page.getByText('CRM is switched off').waitFor();
    await screenshot(page, 'modules-crm-off');
  });
});
