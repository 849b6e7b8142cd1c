import { describe, expect, it } from 'vitest';
import { ok, PASSWORD, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;

describe('a person in two companies', () => {
  const suite = browserSuite({ workers: false });

  it('switching company shows only the new company’s data, in every open tab', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('two'), companyName: 'Alpha SRL' });
    ok(await suite.kontor.gql(CREATE_CUSTOMER, { input: { name: 'Alpha Customer' } }, owner.token));
    // The same person adds a second company, with a customer of its own.
    const beta = ok(await suite.kontor.gql<{ logIn: { token: string } }>(`mutation($input: LogInInput!) { logIn(input: $input) { token } }`, { input: { email: owner.email, password: PASSWORD } })).logIn.token;
    const betaToken = ok(await suite.kontor.gql<{ createTenant: { token: string } }>(`mutation { createTenant(input: { companyName: "Beta AS" }) { token } }`, {}, beta)).createTenant.token;
    ok(await suite.kontor.gql(CREATE_CUSTOMER, { input: { name: 'Beta Customer' } }, betaToken));

    const first = await openPage(suite.browser, { token: owner.token });
    await first.goto(`${suite.kontor.url}/customers`);
    await first.getByRole('link', { name: 'Alpha Customer' }).waitFor();
    // A second tab of the same browser, on the same list.
    const second = await first.context().newPage();
    await second.goto(`${suite.kontor.url}/customers`);
    await second.getByRole('link', { name: 'Alpha Customer' }).waitFor();

    await first.getByRole('button', { name: 'Company: Alpha SRL' }).click();
    await first.getByRole('menuitem', { name: 'Beta AS' }).click();
    await first.getByRole('button', { name: 'Company: Beta AS' }).waitFor();
    await first.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await first.goto(`${suite.kontor.url}/customers`);
    await first.getByRole('link', { name: 'Beta Customer' }).waitFor();
    expect(await first.getByRole('link', { name: 'Alpha Customer' }).count()).toBe(0);

    // The other tab hears of the switch and drops Alpha's data without a reload.
    await second.getByRole('button', { name: 'Company: Beta AS' }).waitFor();
    await second.getByRole('link', { name: 'Beta Customer' }).waitFor();
    expect(await second.getByRole('link', { name: 'Alpha Customer' }).count()).toBe(0);
    await screenshot(second, 'switch-company-other-tab');
    expect(pageErrors(first)).toEqual([]);
    expect(pageErrors(second)).toEqual([]);
  });
});
