import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp, startKontor, type Kontor, type SignedUp } from '../support/harness.js';

describe('CSV export of the deals list', () => {
  let kontor: Kontor;
  let owner: SignedUp;

  async function download(params: Record<string, unknown>, token: string | null = owner.token): Promise<{ status: number; text: string }> {
    const query = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, JSON.stringify(value)]));
    const response = await fetch(`${kontor.url}/crm/exports/deals.csv?${query.toString()}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, text: Buffer.from(await response.arrayBuffer()).toString('utf8') };
  }
  const records = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true });

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => ok(await kontor.gql<T>(query, variables, owner.token));
    await gql(`mutation { createCustomField(input: { entity: DEAL, key: "seats", label: "Seats", type: NUMBER }) { id } }`);
    const customer = (await gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Export Co" }) { id } }`)).createCustomer.id;
    const person = (await gql<{ createContact: { id: string } }>(`mutation($c: ID) { createContact(input: { firstName: "Ana", lastName: "Pop", customerId: $c }) { id } }`, { c: customer })).createContact.id;
    const deal = async (input: Record<string, unknown>) => (await gql<{ createDeal: { id: string } }>(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, { input: { customerId: customer, ...input } })).createDeal.id;
    await deal({ title: '=SUM(A1) open', contactId: person, amount: { amount: '1200.50', currency: 'EUR' }, customFields: [{ key: 'seats', number: '12' }], source: { channel: 'EMAIL', utmCampaign: 'autumn' } });
    const lost = await deal({ title: 'Lost one' });
    await gql(`mutation($id: ID!) { closeDeal(input: { id: $id, won: false, reason: "Budget" }) { id } }`, { id: lost });
  });
  afterAll(() => kontor.close());

  it('writes every deal with its stage, money, attribution and custom fields, filtered and ordered like the list', async () => {
    const answer = await download({ orderBy: { field: 'TITLE', direction: 'DESC' } });
    expect(answer.status).toBe(200);
    const rows = records(answer.text);
    const header = rows[0] ?? [];
    expect(header).toEqual(expect.arrayContaining(['Title', 'Customer', 'Person', 'Pipeline', 'Stage', 'Status', 'Amount', 'Currency', 'UTM campaign', 'Close reason', 'Seats']));
    const column = (name: string) => header.indexOf(name);
    const body = rows.slice(1);
    // A title a spreadsheet would run as a formula is defused.
    expect(body.map((r) => r[column('Title')])).toEqual(['Lost one', "'=SUM(A1) open"]);
    const open = body[1] ?? [];
    expect(open[column('Customer')]).toBe('Export Co');
    expect(open[column('Person')]).toBe('Ana Pop');
    expect(open[column('Amount')]).toBe('1200.5');
    expect(open[column('Currency')]).toBe('EUR');
    expect(open[column('UTM campaign')]).toBe('autumn');
    expect(open[column('Seats')]).toBe('12');
    expect(body[0]?.[column('Status')]).toBe('LOST');
    expect(body[0]?.[column('Close reason')]).toBe('Budget');
    const lostOnly = records((await download({ filter: { statuses: ['LOST'] } })).text).slice(1);
    expect(lostOnly.map((r) => r[column('Title')])).toEqual(['Lost one']);
  });

  it('refuses a bad filter with its path, a missing token, and another tenant sees only its own', async () => {
    const bad = await download({ filter: { statuses: ['NOPE'] } });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('statuses');
    expect((await download({}, null)).status).toBe(401);
    const stranger = await signUp(kontor);
    const theirs = records((await download({}, stranger.token)).text);
    expect(theirs).toHaveLength(1);
  });
});
