import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

const CONTACTS = `query { contacts(first: 10, orderBy: { field: NAME, direction: ASC }) { totalCount edges { node { fullName email } } } }`;

const FILE = ['First name,Last name,Email', 'Ana,Pop,ana.pop@example.test', 'Bad,Row,not-an-email', 'Ion,Rusu,ion.rusu@example.test'].join('\r\n');

describe('the import wizard in the browser', () => {
  // The real workers: the import job runs as it does in production.
  const suite = browserSuite({ workers: true });

  it('uploads a CSV with one bad row, shows the row in the dry run, imports the others and lists them', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('import') });
    const page = await openPage(suite.browser, { token: owner.token });
    const people = async () => ok(await suite.kontor.gql<{ contacts: { totalCount: number; edges: { node: { fullName: string; email: string | null } }[] } }>(CONTACTS, {}, owner.token)).contacts;

    // From the navigation, as a person finds it.
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByTestId('main-nav').getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a CSV file' }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE, 'utf8') });
    await page.getByRole('button', { name: 'Upload' }).click();

    // The columns arrive mapped from their headers.
    await page.getByRole('table', { name: 'Columns and the fields they fill in' }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Field for the column First name' }).inputValue()).toBe('First name');
    expect(await page.getByRole('combobox', { name: 'Field for the column Last name' }).inputValue()).toBe('Last name');
    expect(await page.getByRole('combobox', { name: 'Field for the column Email' }).inputValue()).toBe('Email');
    await screenshot(page, 'import-mapping');

    // The dry run: the bad row by its spreadsheet line and column; nothing written yet.
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('The check is done: nothing was imported yet').waitFor({ timeout: 30_000 });
    await page.getByText('1 row has problems and would not be imported.', { exact: false }).waitFor();
    const errors = page.getByRole('table', { name: 'Rows with problems' });
    const row = errors.getByRole('row').filter({ hasText: 'Enter an email address' });
    await row.waitFor();
    expect((await row.getByRole('cell').allInnerTexts()).slice(0, 2)).toEqual(['3', 'Email']);
    expect((await people()).totalCount).toBe(0);
    await screenshot(page, 'import-dry-run');

    // For real: a progress bar, then the summary.
    await page.getByRole('button', { name: 'Import the valid rows' }).click();
    await page.getByText('The import is done').waitFor({ timeout: 30_000 });
    await page.getByText('1 row had problems and was not imported', { exact: false }).waitFor();
    await screenshot(page, 'import-done');
    expect((await people()).edges.map((e) => e.node)).toEqual([
      { fullName: 'Ana Pop', email: 'ana.pop@example.test' },
      { fullName: 'Ion Rusu', email: 'ion.rusu@example.test' },
    ]);

    // The people are in the list.
    await page.getByRole('link', { name: 'Open the people' }).click();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await page.getByRole('link', { name: 'Ana Pop' }).first().waitFor();
    await page.getByRole('link', { name: 'Ion Rusu' }).first().waitFor();
    expect(await page.getByRole('link', { name: 'Bad Row' }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });
});
