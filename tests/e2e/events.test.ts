import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

interface SavedEvent {
  name: string;
  kind: string;
  startsOn: string;
  cost: { amount: string; currency: string } | null;
  registered: number;
  attended: number;
  attendees: { edges: { node: { attended: boolean; contact: { fullName: string } } }[] };
}

/** Today in the browser's calendar (the test runs it in UTC). */
const today = new Date().toISOString().slice(0, 10);

describe('marketing events in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('creates an event with a cost, registers two people, marks one as came, and shows it on the person’s card', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('events') });
    const person = async (firstName: string, lastName: string) =>
      ok(await suite.kontor.gql<{ createContact: { id: string } }>(`mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`, { input: { firstName, lastName } }, owner.token)).createContact.id;
    const ana = await person('Ana', 'Pop');
    const ion = await person('Ion', 'Ionescu');
    const currency = ok(await suite.kontor.gql<{ me: { tenant: { settings: { currency: string } } } }>(`{ me { tenant { settings { currency } } } }`, {}, owner.token)).me.tenant.settings.currency;

    const page = await openPage(suite.browser, { token: owner.token, timezoneId: 'UTC' });
    await page.goto(`${suite.kontor.url}/contacts`);
    // "Events" is in the CRM's navigation.
    await page.getByTestId('main-nav').getByRole('link', { name: 'Events' }).click();
    await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
    await page.getByRole('button', { name: 'Add an event' }).click();

    const dialog = page.getByRole('dialog', { name: 'New event' });
    // The company's currency is suggested.
    expect(await dialog.getByRole('combobox', { name: 'Currency' }).inputValue()).toContain(currency);
    await dialog.getByRole('textbox', { name: 'Name' }).fill('Food Expo');
    await dialog.getByLabel('First day').fill(today);
    await dialog.getByLabel('Place').fill('Bucharest');
    // A cost with a cent too many is refused on the field, before any request.
    await dialog.getByLabel('Cost').fill('1200.505');
    await dialog.getByRole('button', { name: 'Add event' }).click();
    await dialog.getByText('Use at most 2 decimals.').waitFor();
    await dialog.getByLabel('Cost').fill('1200.50');
    await dialog.getByRole('button', { name: 'Add event' }).click();

    // The new event's page opens.
    await page.getByRole('heading', { level: 1, name: 'Food Expo' }).waitFor();
    const figures = page.getByRole('region', { name: 'Figures' });
    await figures.getByText(new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(1200.5)).first().waitFor();

    // Register both, as only registered.
    const people = page.getByRole('region', { name: 'People' });
    await people.getByText('Nobody is registered yet').waitFor();
    await people.getByRole('button', { name: 'Add people' }).click();
    const adding = page.getByRole('dialog', { name: 'Add people to Food Expo' });
    const picker = adding.getByRole('combobox', { name: 'People' });
    await picker.fill('Ana');
    await page.getByRole('option', { name: 'Ana Pop' }).click();
    await picker.fill('Ion');
    await page.getByRole('option', { name: 'Ion Ionescu' }).click();
    // Leaving the box closes its list of people.
    await adding.getByText('Pick as many as you like', { exact: false }).click();
    await adding.getByRole('checkbox', { name: 'They came' }).uncheck();
    await adding.getByRole('button', { name: 'Add 2 people' }).click();
    await adding.waitFor({ state: 'hidden' });
    await people.getByText('2 registered · 0 came').waitFor();

    // Ana came.
    const anaCame = people.getByRole('radiogroup', { name: 'Did Ana Pop come?' });
    await anaCame.getByText('Came', { exact: true }).click();
    await people.getByText('2 registered · 1 came').waitFor();
    await figures.getByText('50% of those registered').waitFor();
    await screenshot(page, 'event-page');

    const saved = ok(
      await suite.kontor.gql<{ marketingEvents: { edges: { node: SavedEvent }[] } }>(
        `{ marketingEvents(first: 5) { edges { node { name kind startsOn cost { amount currency } registered attended attendees(first: 10) { edges { node { attended contact { fullName } } } } } } } }`,
        {},
        owner.token,
      ),
    ).marketingEvents.edges.map((edge) => edge.node);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ name: 'Food Expo', kind: 'EXHIBITION', startsOn: today, registered: 2, attended: 1, cost: { currency } });
    expect(Number(saved[0]?.cost?.amount)).toBe(1200.5);
    expect(saved[0]?.attendees.edges.map((edge) => [edge.node.contact.fullName, edge.node.attended])).toEqual([
      ['Ana Pop', true],
      ['Ion Ionescu', false],
    ]);

    // On Ana's card: the event she came to; on Ion's: registered only.
    await page.goto(`${suite.kontor.url}/contacts/${ana}`);
    const anaEvents = page.getByRole('region', { name: 'Events' });
    await anaEvents.getByRole('link', { name: 'Food Expo' }).waitFor();
    await anaEvents.getByText('Came', { exact: true }).waitFor();
    await screenshot(page, 'event-on-person');
    await page.goto(`${suite.kontor.url}/contacts/${ion}`);
    await page.getByRole('region', { name: 'Events' }).getByText('Registered, did not come').waitFor();

    // The list shows it with its numbers, and finds it by place.
    await page.goto(`${suite.kontor.url}/events?q=bucharest`);
    const row = page.getByRole('row', { name: /Food Expo/ });
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    await row.getByRole('cell', { name: '1', exact: true }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
