import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

const PHONE = { width: 390, height: 844 };

describe('on a phone (390x844)', () => {
  const suite = browserSuite({ workers: false });

  it('the navigation folds behind a menu button, lists of people and customers become cards, and nothing overflows sideways', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('phone'), companyName: 'Ελληνική Εταιρεία Εμπορίου Ανώνυμη Εταιρεία' });
    const people: [string, string][] = [
      ['Ana', 'Pop'],
      ['Bogdan', 'Ionescu'],
      ['Carmen', 'Dumitrescu'],
    ];
    for (const [firstName, lastName] of people) {
      ok(await suite.kontor.gql(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName, lastName, email: `${firstName.toLowerCase()}@example.test` } }, owner.token));
    }
    const page = await openPage(suite.browser, { token: owner.token, viewport: PHONE });
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();

    // Lists are cards, not a table.
    await page.getByRole('link', { name: 'Carmen Dumitrescu' }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    // The navigation is behind the menu button until opened.
    const nav = page.getByTestId('main-nav');
    // Folded: moved off the screen and inert, so neither eyes nor the Tab key land in it.
    const onScreen = async () => Number(await page.evaluate(`document.querySelector('[data-testid=main-nav]').getBoundingClientRect().right`)) > 0;
    const inert = async () => page.evaluate(`document.querySelector('[data-testid=main-nav]').closest('[inert]') !== null`);
    expect(await onScreen()).toBe(false);
    expect(await inert()).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-people');

    await page.getByRole('button', { name: 'Open navigation' }).click();
    await expect.poll(onScreen).toBe(true);
    expect(await inert()).toBe(false);
    await screenshot(page, 'phone-navigation-open');
    await nav.getByRole('link', { name: 'Home' }).click();
    await expect.poll(onScreen).toBe(false);
    await page.getByRole('heading', { level: 1, name: /^Welcome/ }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);

    // Customers too: cards with their kind, stage, owner, place and tags; nothing sideways.
    const customers: [string, string][] = [
      ['Θεσσαλονίκη Εμπορική Ανώνυμη Εταιρεία', 'GR'],
      ['Ana Pop', 'RO'],
    ];
    for (const [name, country] of customers) {
      ok(
        await suite.kontor.gql(
          `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
          { input: { name, kind: name === 'Ana Pop' ? 'PERSON' : 'ORGANIZATION', lifecycleStage: 'CUSTOMER', address: { country, city: 'Αθήνα' }, tags: ['VIP', 'Wholesale', 'Προμηθευτής'] } },
          owner.token,
        ),
      );
    }
    await page.goto(`${suite.kontor.url}/customers`);
    await page.getByRole('heading', { level: 1, name: 'Customers' }).waitFor();
    await page.getByRole('link', { name: 'Ana Pop' }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    const cards = page.getByRole('list', { name: 'Customers', exact: true }).locator(':scope > [role=listitem]');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-customers');
    // The card of a customer fits too.
    await page.getByRole('link', { name: 'Θεσσαλονίκη Εμπορική Ανώνυμη Εταιρεία' }).click();
    await page.getByRole('heading', { level: 1, name: 'Θεσσαλονίκη Εμπορική Ανώνυμη Εταιρεία' }).waitFor();
    await page.getByRole('region', { name: 'Counterparties' }).waitFor();
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'phone-customer-card');

    // At the breakpoint itself (a tablet held upright, 768 px) it is the laptop layout: navigation
    // open and usable, the list a table.
    const tablet = await openPage(suite.browser, { token: owner.token, viewport: { width: 768, height: 1024 } });
    await tablet.goto(`${suite.kontor.url}/contacts`);
    await tablet.getByRole('table').waitFor();
    expect(await tablet.evaluate(`document.querySelector('[data-testid=main-nav]').closest('[inert]') === null`)).toBe(true);
    expect(await tablet.evaluate(`document.querySelector('[data-testid=main-nav]').getBoundingClientRect().right > 0`)).toBe(true);
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(tablet)).toEqual([]);
  });
});
