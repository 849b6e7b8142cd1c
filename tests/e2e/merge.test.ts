import { describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, openPage, pageErrors, screenshot } from './support/browser.js';

const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;

describe('finding and merging duplicate people in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('shows two people sharing an email as duplicates, merges them into the older one, who keeps both numbers and the other’s history', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('merge') });
    const gql = async <T>(query: string, variables: Record<string, unknown> = {}) => ok(await suite.kontor.gql<T>(query, variables, owner.token));
    const kept = (await gql<{ createContact: { id: string } }>(CREATE_CONTACT, { input: { firstName: 'Ana', lastName: 'Pop', email: 'ana.pop@example.com', phone: '+40721111111', tags: ['vip'] } })).createContact.id;
    const other = (await gql<{ createContact: { id: string } }>(CREATE_CONTACT, { input: { firstName: 'Ana', lastName: 'P.', email: 'ana.pop@example.com', phone: '+40722222222', tags: ['fair'] } })).createContact.id;
    await gql(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'NOTE', contactId: other, body: 'Met her at the food fair.' } });

    const page = await openPage(suite.browser, { token: owner.token });
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByRole('link', { name: 'Find duplicates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Possible duplicate people' }).waitFor();

    const group = page.getByRole('region', { name: 'Email address ana.pop@example.com' });
    await group.waitFor();
    // The oldest is kept unless another is picked; the preview has both numbers and both tags.
    expect(await group.getByRole('radio', { name: 'Keep Ana Pop' }).isChecked()).toBe(true);
    expect(await group.getByRole('radio', { name: 'Keep Ana P.' }).isChecked()).toBe(false);
    const table = group.getByRole('table');
    const phones = table.getByRole('row', { name: /Phone numbers/ });
    expect(await phones.getByRole('cell').last().innerText()).toMatch(/\+40721111111\s+\+40722222222/);
    expect(await table.getByRole('row', { name: /Tags/ }).getByRole('cell').last().innerText()).toMatch(/vip[\s\S]*fair/);
    await screenshot(page, 'merge-preview');

    await group.getByRole('button', { name: 'Merge 2 people' }).click();
    const confirm = page.getByRole('dialog', { name: 'Merge into Ana Pop?' });
    await confirm.getByText('Ana P. will be deleted.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Merge people' }).click();
    // The group is gone, and with it the last duplicate.
    await page.getByRole('region', { name: 'No likely duplicates' }).waitFor();
    expect(await group.count()).toBe(0);
    await screenshot(page, 'merge-done');

    // The kept person has both numbers, both tags and the other's history; the other is gone.
    const merged = await gql<{ contact: { fullName: string; phones: { number: string }[]; emails: { address: string }[]; tags: string[] } }>(
      `query($id: ID!) { contact(id: $id) { fullName phones { number } emails { address } tags } }`,
      { id: kept },
    );
    expect(merged.contact).toEqual({ fullName: 'Ana Pop', phones: [{ number: '+40721111111' }, { number: '+40722222222' }], emails: [{ address: 'ana.pop@example.com' }], tags: ['vip', 'fair'] });
    expect(errorCode(await suite.kontor.gql(`query($id: ID!) { contact(id: $id) { id } }`, { id: other }, owner.token))).toBe('NOT_FOUND');

    await page.goto(`${suite.kontor.url}/contacts/${kept}`);
    await page.getByRole('region', { name: 'History' }).getByText('Met her at the food fair.').waitFor();
    await page.getByRole('link', { name: '+40722222222' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
