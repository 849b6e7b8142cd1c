import { describe, expect, it } from 'vitest';
import { ok, PASSWORD, signUp, uniqueEmail } from '../support/harness.js';
import { linkIn } from '../support/smtp-sink.js';
import { browserSuite, navigationItems, openPage, pageErrors, screenshot } from './support/browser.js';

describe('modules in the navigation', () => {
  const suite = browserSuite({ mail: true });

  it('a feature switched off by the owner leaves a colleague’s screens on their next request, without a reload', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('owner') });
    const acme = ok(await suite.kontor.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Acme SRL" }) { id } }`, {}, owner.token)).createCustomer.id;
    const colleagueEmail = uniqueEmail('colleague');
    ok(await suite.kontor.gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, { input: { email: colleagueEmail, role: 'MANAGER' } }, owner.token));
    const invitation = await suite.sink.waitFor(colleagueEmail, (mail) => /invited you/.test(mail.subject ?? ''));

    // The colleague joins through the emailed link, in their own browser, and opens the customer's card.
    const colleague = await openPage(suite.browser);
    await colleague.goto(linkIn(invitation, `${suite.kontor.url}/accept-invitation?token=`));
    await colleague.getByLabel('Your name').fill('Ion Colleague');
    await colleague.getByRole('textbox', { name: 'Password', exact: true }).fill(PASSWORD);
    await colleague.getByRole('button', { name: 'Accept the invitation' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Welcome, Ion Colleague' }).waitFor();
    expect(await navigationItems(colleague)).toEqual(['Home', 'People', 'Customers', 'Deals', 'Tasks', 'Events', 'Reports', 'Import']);
    await colleague.getByTestId('main-nav').getByRole('link', { name: 'Customers' }).click();
    await colleague.getByRole('link', { name: 'Acme SRL' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Acme SRL' }).waitFor();
    await colleague.getByRole('region', { name: 'Counterparties' }).waitFor();
    await colleague.evaluate(`window.kontorTestMarker = 'same page'`);

    // The owner switches the counterparties feature off in Settings.
    const ownerPage = await openPage(suite.browser, { token: owner.token });
    await ownerPage.goto(`${suite.kontor.url}/settings/modules`);
    const feature = ownerPage.getByRole('switch', { name: 'Counterparties' });
    await expect.poll(() => feature.isChecked()).toBe(true);
    await feature.click({ force: true });
    await expect.poll(() => feature.isChecked()).toBe(false);
    await ownerPage.goto(`${suite.kontor.url}/customers/${acme}`);
    await ownerPage.getByRole('heading', { level: 1, name: 'Acme SRL' }).waitFor();
    expect(await ownerPage.getByRole('region', { name: 'Counterparties' }).count()).toBe(0);
    await screenshot(ownerPage, 'modules-owner-switched-off');

    // The colleague's next request carries the news: the card leaves their customer's page; it was not reloaded.
    await colleague.getByTestId('main-nav').getByRole('link', { name: 'Customers' }).click();
    await colleague.getByRole('link', { name: 'Acme SRL' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Acme SRL' }).waitFor();
    await colleague.getByRole('region', { name: 'People' }).waitFor();
    await expect.poll(() => colleague.getByRole('region', { name: 'Counterparties' }).count()).toBe(0);
    expect(await colleague.evaluate('window.kontorTestMarker')).toBe('same page');
    // The API agrees: the field is gone with the feature.
    const refused = await suite.kontor.gql(`query($id: ID!) { customer(id: $id) { counterparties { id } } }`, { id: acme }, owner.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('MODULE_DISABLED');
    await screenshot(colleague, 'modules-colleague-after');

    // Switching it back on brings it back.
    await ownerPage.goto(`${suite.kontor.url}/settings/modules`);
    await expect.poll(() => feature.isChecked()).toBe(false);
    await feature.click({ force: true });
    await expect.poll(() => feature.isChecked()).toBe(true);
    await colleague.getByRole('link', { name: 'Customers' }).first().click();
    await colleague.getByRole('link', { name: 'Acme SRL' }).click();
    await colleague.getByRole('region', { name: 'Counterparties' }).waitFor();
    expect(pageErrors(ownerPage)).toEqual([]);
    expect(pageErrors(colleague)).toEqual([]);
  });

  it('switching the whole CRM module off empties it from the navigation and its screens', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('crm-off') });
    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/contacts`);
    await expect.poll(() => navigationItems(page)).toEqual(['Home', 'People', 'Customers', 'Deals', 'Tasks', 'Events', 'Reports', 'Import']);

    ok(await suite.kontor.gql(`mutation { setModuleEnabled(input: { module: CRM, enabled: false }) { key enabled } }`, {}, owner.token));
    await page.getByTestId('main-nav').getByRole('link', { name: 'Home' }).click();
    await expect.poll(() => navigationItems(page)).toEqual(['Home']);
    await page.goto(`${suite.kontor.url}/customers`);
    await page.getByText('CRM is switched off').waitFor();
    await screenshot(page, 'modules-crm-off');
  });
});
