import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, chooseOption, openPage, pageErrors, screenshot } from './support/browser.js';

const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const SEGMENTS = `query { segments(entity: CONTACT) { id name filter count } }`;

interface SavedSegment {
  id: string;
  name: string;
  filter: Record<string, unknown>;
  count: number;
}

describe('saved views of people in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('saves a filtered list as a view, counts it live, opens it from the Views menu after a reload and narrows its conditions', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('segments') });
    const segments = async () => ok(await suite.kontor.gql<{ segments: SavedSegment[] }>(SEGMENTS, {}, owner.token)).segments;
    // Three people: two VIPs, one of whom agreed to emails.
    for (const input of [
      { firstName: 'Ana', lastName: 'Vip', tags: ['vip'], emailConsent: 'GRANTED', consentSource: 'Signed form' },
      { firstName: 'Bogdan', lastName: 'Vip', tags: ['vip'] },
      { firstName: 'Cora', lastName: 'Plain' },
    ]) {
      ok(await suite.kontor.gql(CREATE_CONTACT, { input }, owner.token));
    }
    const page = await openPage(suite.browser, { token: owner.token });

    // The people list, filtered by a tag.
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByText('3 people').waitFor();
    await chooseOption(page, page, 'Tag', 'vip', 'vip');
    await page.waitForURL(/tag=vip/);
    await page.getByText('2 people').waitFor();

    // Saved as a view: the list now shows the view, its filter moved into it.
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save filters as a view…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as a view' });
    await dialog.getByLabel('Name of the view').fill('VIP people');
    await dialog.getByRole('button', { name: 'Save view' }).click();
    await page.getByText('The view VIP people was saved.').waitFor();
    await page.waitForURL(/segment=/);
    expect(page.url()).not.toMatch(/tag=vip/);
    await page.getByRole('button', { name: 'View: VIP people' }).waitFor();
    await page.getByText('2 people').waitFor();
    const [saved] = await segments();
    expect(saved).toMatchObject({ name: 'VIP people', filter: { tags: ['vip'] }, count: 2 });

    // After a reload of the whole list, the Views menu has it with its live count; choosing it filters the list.
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByText('3 people').waitFor();
    await page.getByRole('button', { name: 'Views' }).click();
    const item = page.getByRole('menuitem', { name: /VIP people/ });
    await expect.poll(() => item.innerText()).toMatch(/VIP people\s*2/);
    await screenshot(page, 'views-menu');
    await item.click();
    await page.waitForURL(new RegExp(`segment=${encodeURIComponent(saved?.id ?? '')}`));
    await page.getByText('2 people').waitFor();
    const table = page.getByRole('table', { name: 'People' });
    await table.getByRole('link', { name: 'Ana Vip' }).waitFor();
    await table.getByRole('link', { name: 'Bogdan Vip' }).waitFor();
    expect(await table.getByRole('link', { name: 'Cora Plain' }).count()).toBe(0);

    // Its page: the count and the members; the conditions edited with a live count.
    await page.getByRole('button', { name: 'View: VIP people' }).click();
    await page.getByRole('menuitem', { name: 'Open VIP people' }).click();
    await page.getByRole('heading', { level: 1, name: 'VIP people' }).waitFor();
    await expect.poll(() => page.getByTestId('segment-count').innerText()).toBe('2 people');
    await page.getByRole('button', { name: 'Edit conditions' }).click();
    const editor = page.getByRole('region', { name: 'Conditions' });
    const live = editor.getByTestId('live-count');
    await expect.poll(() => live.innerText()).toBe('2 people');
    await expect.poll(() => editor.getByRole('combobox', { name: 'Tags of the person' }).isVisible()).toBe(true);
    await chooseOption(page, editor, 'Email consent', 'Granted');
    await expect.poll(() => live.innerText()).toBe('1 person');
    // Nobody who never had an interaction logged is left out yet: everyone is new.
    await chooseOption(page, editor, 'History', 'Never any interaction');
    await expect.poll(() => live.innerText()).toBe('1 person');
    await screenshot(page, 'segment-editor-live-count');
    await editor.getByRole('button', { name: 'Save conditions' }).click();
    await page.getByText('The view VIP people was saved.').waitFor();
    await expect.poll(() => page.getByTestId('segment-count').innerText()).toBe('1 person');
    await page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Ana Vip' }).waitFor();
    expect(await page.getByRole('table', { name: 'People' }).getByRole('link', { name: 'Bogdan Vip' }).count()).toBe(0);
    const [changed] = await segments();
    expect(changed).toMatchObject({ name: 'VIP people', filter: { tags: ['vip'], emailConsent: 'GRANTED', hasInteractions: false }, count: 1 });

    // The Views menu counts it anew.
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByRole('button', { name: 'Views' }).click();
    await expect.poll(() => page.getByRole('menuitem', { name: /VIP people/ }).innerText()).toMatch(/VIP people\s*1/);

    expect(pageErrors(page)).toEqual([]);
  });
});
