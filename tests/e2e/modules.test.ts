import { describe, expect, it } from 'vitest';
import { ok, PASSWORD, signUp, uniqueEmail } from '../support/harness.js';
import { linkIn } from '../support/smtp-sink.js';
import { browserSuite, navigationItems, openPage, pageErrors, screenshot } from './support/browser.js';

describe('modules in the navigation', () => {
  const suite = browserSuite({ mail: true });

  it('a feature switched off by the owner leaves a colleague’s navigation on their next request, without a reload', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('owner') });
    const colleagueEmail = uniqueEmail('colleague');
    ok(await suite.kontor.gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, { input: { email: colleagueEmail, role: 'MANAGER' } }, owner.token));
    const invitation = await suite.sink.waitFor(colleagueEmail, (mail) => /invited you/.test(mail.subject ?? ''));

    // The colleague joins through the emailed link, in their own browser.
    const colleague = await openPage(suite.browser);
    await colleague.goto(linkIn(invitation, `${suite.kontor.url}/accept-invitation?token=`));
    await colleague.getByLabel('Your name').fill('Ion Colleague');
    await colleague.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await colleague.getByRole('button', { name: 'Accept the invitation' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Welcome, Ion Colleague' }).waitFor();
    expect(await navigationItems(colleague)).toEqual(['Home', 'People', 'Companies', 'Tasks']);
    await colleague.evaluate(`window.kontorTestMarker = 'same page'`);

    // The owner switches the companies feature off in Settings: it leaves their own navigation at once.
    const ownerPage = await openPage(suite.browser, { token: owner.token });
    await ownerPage.goto(`${suite.kontor.url}/settings/modules`);
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
    await colleague.goto(`${suite.kontor.url}/companies`);
    await colleague.getByText('Companies is switched off').waitFor();
    await screenshot(colleague, 'modules-colleague-after');

    // Switching it back on brings it back.
    await feature.click({ force: true });
    await expect.poll(() => navigationItems(ownerPage)).toEqual(['Home', 'People', 'Companies', 'Tasks']);
    expect(pageErrors(ownerPage)).toEqual([]);
    expect(pageErrors(colleague)).toEqual([]);
  });

  it('switching the whole CRM module off empties it from the navigation and its screens', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('crm-off') });
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/contacts`);
    await expect.poll(() => navigationItems(page)).toEqual(['Home', 'People', 'Companies', 'Tasks']);

    ok(await suite.kontor.gql(`mutation { setModuleEnabled(input: { module: CRM, enabled: false }) { key enabled } }`, {}, owner.token));
    await page.getByTestId('main-nav').getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => navigationItems(page)).toEqual(['Home']);
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByText('CRM is switched off').waitFor();
    await screenshot(page, 'modules-crm-off');
  });
});
