import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, PASSWORD, signUp, startKontor, uniqueEmail, type Kontor } from '../support/harness.js';
import { launchBrowser, openPage, pageErrors, screenshot } from './support/browser.js';

const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;

describe('a person in two companies', () => {
  let kontor: Kontor;
  let browser: Browser;

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await kontor?.close();
  });

  it('switching company shows only the new company’s data, in every open tab', async () => {
    const owner = await signUp(kontor, { email: uniqueEmail('two'), companyName: 'Alpha SRL' });
    ok(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'Alpha', lastName: 'Customer' } }, owner.token));
    // The same person adds a second company, with a customer of its own.
    const beta = ok(await kontor.gql<{ logIn: { token: string } }>(`mutation($input: LogInInput!) { logIn(input: $input) { token } }`, { input: { email: owner.email, password: PASSWORD } })).logIn.token;
    const betaToken = ok(await kontor.gql<{ createTenant: { token: string } }>(`mutation { createTenant(input: { companyName: "Beta AS" }) { token } }`, {}, beta)).createTenant.token;
    ok(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'Beta', lastName: 'Customer' } }, betaToken));

    const first = await openPage(browser, { token: owner.token });
    await first.goto(`${kontor.url}/contacts`);
    await first.getByRole('link', { name: 'Alpha Customer' }).waitFor();
    // A second tab of the same browser, on the same list.
    const second = await first.context().newPage();
    await second.goto(`${kontor.url}/contacts`);
    await second.getByRole('link', { name: 'Alpha Customer' }).waitFor();

    await first.getByRole('button', { name: 'Company: Alpha SRL' }).click();
    await first.getByRole('menuitem', { name: 'Beta AS' }).click();
    await first.getByRole('button', { name: 'Company: Beta AS' }).waitFor();
    await first.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    await first.goto(`${kontor.url}/contacts`);
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
