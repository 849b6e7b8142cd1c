import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

const CONTACTS = `query($filter: ContactFilter) { contacts(first: 10, filter: $filter) { totalCount edges { node { firstName lastName email phone phones { number type } tags } } } }`;

interface SavedPerson {
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  phones: { number: string; type: string }[];
  tags: string[];
}

describe('people in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('creates, finds and edits a person; a value only the server refuses is shown on its field', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('people') });
    const page = await openPage(suite.browser, { token: owner.token });
    const saved = async () => ok(await suite.kontor.gql<{ contacts: { totalCount: number; edges: { node: SavedPerson }[] } }>(CONTACTS, {}, owner.token)).contacts;

    // An empty company is told what to do first.
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByRole('heading', { name: 'Add your first person' }).waitFor();
    await screenshot(page, 'people-first-run');

    await page.getByRole('link', { name: 'Add a person' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'New person' }).waitFor();
    await page.getByLabel('First name').fill('Maria');
    await page.getByLabel('Last name').fill('Ionescu');
    await page.getByLabel('Email address 1', { exact: true }).fill('maria.ionescu@example.test');
    await page.getByLabel('Phone number 1', { exact: true }).fill('+40 721 234 567');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Ionescu' }).waitFor();
    await page.getByText('Maria Ionescu was added.').waitFor();

    // Saved exactly as typed (the phone in E.164, a mobile number unless said otherwise).
    const created = await saved();
    expect(created.totalCount).toBe(1);
    expect(created.edges[0]?.node).toEqual({
      firstName: 'Maria',
      lastName: 'Ionescu',
      email: 'maria.ionescu@example.test',
      phone: '+40721234567',
      phones: [{ number: '+40721234567', type: 'MOBILE' }],
      tags: [],
    });

    // Find her from the list.
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByRole('searchbox', { name: 'Search' }).fill('ionescu');
    await page.waitForURL(/q=ionescu/);
    await page.getByRole('link', { name: 'Maria Ionescu' }).waitFor();
    await page.getByText('1 person').waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('nobody-by-this-name');
    await page.getByRole('heading', { name: 'Nobody matches' }).waitFor();
    // The search is in the address: a reload shows the same list.
    await page.reload();
    await page.getByRole('heading', { name: 'Nobody matches' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search' }).fill('maria');
    await page.getByRole('link', { name: 'Maria Ionescu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Ionescu' }).waitFor();

    // Edit: a number the browser's format check lets through but the server knows does not exist.
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit Maria Ionescu' }).waitFor();
    const tags = page.getByRole('combobox', { name: 'Tags', exact: true });
    await tags.fill('Key account');
    await tags.press('Enter');
    const phone = page.getByLabel('Phone number 1', { exact: true });
    await phone.fill('+1555000');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Enter the number with its country code, such as +40721234567.').waitFor();
    await screenshot(page, 'people-phone-refused');
    // Nothing was written by the refused save.
    expect((await saved()).edges[0]?.node.tags).toEqual([]);

    await phone.fill('+40 745 000 111');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Ionescu' }).waitFor();
    await page.getByText('Key account').first().waitFor();
    await screenshot(page, 'people-detail');
    expect((await saved()).edges[0]?.node).toEqual({
      firstName: 'Maria',
      lastName: 'Ionescu',
      email: 'maria.ionescu@example.test',
      phone: '+40745000111',
      phones: [{ number: '+40745000111', type: 'MOBILE' }],
      tags: ['Key account'],
    });
    expect(pageErrors(page)).toEqual([]);
  });
});
