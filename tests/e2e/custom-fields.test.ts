import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, chooseOption, openPage, pageErrors, screenshot } from './support/browser.js';

const FIELDS = `query { customFields(entity: CONTACT) { key label type required position options { key label } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const PERSON = `query($id: ID!) { contact(id: $id) { fullName customFields { key type number options } } }`;

interface Field {
  key: string;
  label: string;
  type: string;
  required: boolean;
  position: number;
  options: { key: string; label: string }[];
}

describe('custom fields in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('defines a select and a number field for people, fills them in (a wrong number refused on its field), shows them on the card and as a sortable list column', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('custom-fields') });
    const page = await openPage(suite.browser, { token: owner.token });
    const fields = async () => ok(await suite.kontor.gql<{ customFields: Field[] }>(FIELDS, {}, owner.token)).customFields;

    // Settings → Custom fields, the people's tab: nothing yet.
    await page.goto(`${suite.kontor.url}/settings`);
    await page.getByRole('link', { name: 'Custom fields' }).click();
    await page.getByRole('heading', { level: 1, name: 'Custom fields' }).waitFor();
    await page.getByRole('tab', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'No person fields yet' }).waitFor();

    // A choice of one option: the key follows the label; the options are typed in order.
    await page.getByRole('button', { name: 'Add a person field' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New field' });
    await dialog.getByLabel('Label').fill('Industry segment');
    await expect.poll(() => dialog.getByLabel('Key').inputValue()).toBe('industry_segment');
    await chooseOption(page, dialog, 'Type', 'One of a list');
    // Without any option the field is refused before any request.
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.getByText('Add at least one option.').waitFor();
    await dialog.getByLabel('Option 1', { exact: true }).fill('Retail');
    await dialog.getByRole('button', { name: 'Add an option' }).click();
    await dialog.getByLabel('Option 2', { exact: true }).fill('Wholesale');
    await screenshot(page, 'custom-field-select-dialog');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const list = page.getByRole('list', { name: 'Fields of a person' });
    await list.getByRole('listitem', { name: 'Industry segment' }).waitFor();

    // A whole number; its key typed by hand.
    await page.getByRole('button', { name: 'Add a person field' }).click();
    await dialog.getByLabel('Label').fill('Employees');
    await dialog.getByLabel('Key').fill('employees');
    await chooseOption(page, dialog, 'Type', 'Whole number');
    await dialog.getByRole('button', { name: 'Add field' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await list.getByRole('listitem', { name: 'Employees' }).waitFor();
    expect(await fields()).toEqual([
      { key: 'industry_segment', label: 'Industry segment', type: 'SELECT', required: false, position: 0, options: [{ key: 'retail', label: 'Retail' }, { key: 'wholesale', label: 'Wholesale' }] },
      { key: 'employees', label: 'Employees', type: 'NUMBER', required: false, position: 1, options: [] },
    ]);

    // Employees first: forms and cards follow the order.
    await list.getByRole('button', { name: 'Move Employees up' }).click();
    await page.getByText('Employees moved up.').waitFor();
    await expect.poll(async () => (await fields()).map((field) => field.key)).toEqual(['employees', 'industry_segment']);
    await expect.poll(() => list.getByRole('listitem').first().getAttribute('aria-label')).toBe('Employees');
    await screenshot(page, 'custom-fields-settings');

    // The person form has both; a number with decimals is refused on its field, before any request.
    await page.goto(`${suite.kontor.url}/contacts/new`);
    await page.getByRole('heading', { level: 1, name: 'New person' }).waitFor();
    await page.getByLabel('First name').fill('Ana');
    await page.getByLabel('Last name').fill('Pop');
    await chooseOption(page, page, 'Industry segment', 'Wholesale');
    const employees = page.getByLabel('Employees', { exact: true });
    await employees.fill('12.5');
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect.poll(() => employees.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Enter a whole number, such as 12.').waitFor();
    await screenshot(page, 'custom-field-number-refused');
    await employees.fill('120');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ana Pop' }).waitFor();
    const anaId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const ana = ok(await suite.kontor.gql<{ contact: { customFields: { key: string; type: string; number: string | null; options: string[] }[] } }>(PERSON, { id: anaId }, owner.token)).contact;
    expect(ana.customFields).toEqual([
      { key: 'employees', type: 'NUMBER', number: '120', options: [] },
      { key: 'industry_segment', type: 'SELECT', number: null, options: ['wholesale'] },
    ]);

    // On her card, with the other details.
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByText('Wholesale').waitFor();
    await details.getByText('120', { exact: true }).waitFor();

    // Two more people, through the API.
    for (const [firstName, count] of [
      ['Bogdan', '5'],
      ['Cora', '40'],
    ] as const) {
      ok(await suite.kontor.gql(CREATE_CONTACT, { input: { firstName, customFields: [{ key: 'employees', number: count }] } }, owner.token));
    }

    // The list gets an Employees column from the column chooser; kept after a reload.
    await page.goto(`${suite.kontor.url}/contacts`);
    const table = page.getByRole('table', { name: 'People' });
    await table.getByRole('link', { name: 'Cora' }).waitFor();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Employees' }).check();
    await page.keyboard.press('Escape');
    const header = table.getByRole('columnheader', { name: 'Employees' });
    await header.waitFor();
    await page.reload();
    await header.waitFor();
    await table.getByRole('cell', { name: '120', exact: true }).waitFor();

    // Its heading sorts by it: fewest employees first, then most.
    const names = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => row.querySelector('a')?.textContent ?? ''));
    await header.getByRole('button').click();
    await page.waitForURL(/sort=cf\.employees&dir=asc/);
    await expect.poll(names).toEqual(['Bogdan', 'Cora', 'Ana Pop']);
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('button').click();
    await page.waitForURL(/sort=cf\.employees&dir=desc/);
    await expect.poll(names).toEqual(['Ana Pop', 'Cora', 'Bogdan']);
    await screenshot(page, 'people-custom-column-sorted');

    expect(pageErrors(page)).toEqual([]);
  });
  it('says why an option in use or a field a view filters by cannot go; a person gets an owner; roles are limited to their own records', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('fields-in-use') });
    const page = await openPage(suite.browser, { token: owner.token });
    ok(
      await suite.kontor.gql(
        `mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id } }`,
        { input: { entity: 'CONTACT', key: 'market', label: 'Market', type: 'SELECT', options: [{ key: 'retail', label: 'Retail' }, { key: 'wholesale', label: 'Wholesale' }] } },
        owner.token,
      ),
    );
    ok(await suite.kontor.gql(CREATE_CONTACT, { input: { firstName: 'Dana', customFields: [{ key: 'market', options: ['retail'] }] } }, owner.token));
    ok(
      await suite.kontor.gql(
        `mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`,
        { input: { name: 'Retail people', entity: 'CONTACT', contactFilter: { customFields: [{ key: 'market', in: ['retail'] }] } } },
        owner.token,
      ),
    );

    // Removing the option a person holds is refused, in words, on the options.
    await page.goto(`${suite.kontor.url}/settings/fields?for=people`);
    const list = page.getByRole('list', { name: 'Fields of a person' });
    await list.getByRole('button', { name: 'Edit Market' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit Market' });
    await dialog.getByRole('button', { name: 'Remove Retail' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText('One record holds an option you removed (Retail). Change that record first, or keep the option.').waitFor();
    await screenshot(page, 'custom-field-option-in-use');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // A field a saved view filters by cannot be deleted: the view is named.
    await list.getByRole('button', { name: 'Delete Market' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the field Market?' });
    await confirm.getByText('Saved views filter by Market: remove those conditions (or the views) first.').waitFor();
    await confirm.getByRole('list', { name: 'Views that filter by this field' }).getByText('Retail people').waitFor();
    expect(await confirm.getByRole('button', { name: 'Delete field' }).isDisabled()).toBe(true);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    const still = ok(await suite.kontor.gql<{ customFields: Field[] }>(FIELDS, {}, owner.token)).customFields;
    expect(still.map((entry) => [entry.key, entry.options.length])).toEqual([['market', 2]]);

    // A person owned by nobody, chosen in the form.
    await page.goto(`${suite.kontor.url}/contacts/new`);
    await page.getByLabel('First name').fill('Emil');
    await chooseOption(page, page, 'Owner', 'Nobody');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Emil' }).waitFor();
    const emilId = new URL(page.url()).pathname.split('/').pop() ?? '';
    const emil = ok(await suite.kontor.gql<{ contact: { owner: { id: string } | null } }>(`query($id: ID!) { contact(id: $id) { owner { id } } }`, { id: emilId }, owner.token)).contact;
    expect(emil.owner).toBeNull();

    // Agents limited to their own records.
    await page.goto(`${suite.kontor.url}/settings/users`);
    const card = page.getByRole('region', { name: 'Who sees only their own records' });
    await card.getByRole('checkbox', { name: /Agent/ }).check();
    await card.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: who sees only their own records.').waitFor();
    const roles = ok(await suite.kontor.gql<{ me: { tenant: { settings: { ownRecordsOnlyRoles: string[] } } } }>(`query { me { tenant { settings { ownRecordsOnlyRoles } } } }`, {}, owner.token));
    expect(roles.me.tenant.settings.ownRecordsOnlyRoles).toEqual(['AGENT']);
    await screenshot(page, 'own-records-roles');

    expect(pageErrors(page)).toEqual([]);
  });
});
