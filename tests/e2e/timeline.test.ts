import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

describe('a person’s history in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('logs a call and a note from the person’s card; both show on the person’s and the customer’s history', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('history') });
    const acme = ok(await suite.kontor.gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Acme SRL" }) { id } }`, {}, owner.token)).createCustomer.id;
    const ana = ok(
      await suite.kontor.gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName: 'Ana', lastName: 'Pop', customerId: acme } }, owner.token),
    ).createContact.id;

    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/contacts/${ana}`);
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Nothing has happened with Ana Pop yet').waitFor();

    await history.getByRole('button', { name: 'Log a call' }).click();
    const dialog = page.getByRole('dialog', { name: 'Log a call' });
    await dialog.getByLabel('Duration in minutes').fill('2');
    await dialog.getByRole('combobox', { name: 'Outcome' }).click();
    await page.getByRole('option', { name: 'Reached' }).click();
    await dialog.getByLabel('Notes').fill('Wants a quote for 40 chairs.');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await history.getByText('Call out · 2 min · Reached').waitFor();
    await history.getByText('Wants a quote for 40 chairs.').waitFor();

    // A note without its text is refused on the field, before any request.
    await history.getByRole('button', { name: 'Add a note' }).click();
    const note = page.getByRole('dialog', { name: 'Add a note' });
    await note.getByRole('button', { name: 'Save' }).click();
    await note.getByText('This field is required.').waitFor();
    await note.getByLabel('Note').fill('Prefers email to calls.');
    await note.getByRole('button', { name: 'Save' }).click();
    await history.getByText('Prefers email to calls.').waitFor();
    await note.waitFor({ state: 'hidden' });
    await screenshot(page, 'timeline-person');

    // What the browser sent is what the API keeps, and the customer shares the history.
    const entries = ok(
      await suite.kontor.gql<{ timeline: { totalCount: number; edges: { node: { kind: string; interaction: { kind: string; direction: string | null; durationSeconds: number | null; outcome: string | null; body: string | null } | null } }[] } }>(
        `query($s: TimelineSubject!) { timeline(subject: $s) { totalCount edges { node { kind interaction { kind direction durationSeconds outcome body } } } } }`,
        { s: { type: 'CUSTOMER', id: acme } },
        owner.token,
      ),
    ).timeline;
    expect(entries.totalCount).toBe(2);
    expect(entries.edges.map((edge) => edge.node.interaction)).toEqual([
      { kind: 'NOTE', direction: null, durationSeconds: null, outcome: null, body: 'Prefers email to calls.' },
      { kind: 'CALL', direction: 'OUTBOUND', durationSeconds: 120, outcome: 'REACHED', body: 'Wants a quote for 40 chairs.' },
    ]);
    await page.goto(`${suite.kontor.url}/customers/${acme}`);
    const customerHistory = page.getByRole('region', { name: 'History' });
    await customerHistory.getByText('Call out · 2 min · Reached').waitFor();
    // On the customer's history, the person it was with is named.
    await customerHistory.getByRole('link', { name: 'Ana Pop' }).first().waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
