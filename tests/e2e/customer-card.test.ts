import { describe, expect, it } from 'vitest';
import { ok, signUp, uniqueEmail } from '../support/harness.js';
import { browserSuite, chooseOption, openPage, pageErrors, screenshot } from './support/browser.js';

const VALID_IBAN = 'RO49 AAAA 1B31 0075 9384 0000';
/** The same IBAN with one digit changed: its check digits no longer fit. */
const INVALID_IBAN = 'RO49 AAAA 1B31 0075 9384 0001';

interface SavedCustomer {
  kind: string;
  name: string;
  lifecycleStage: string;
  owner: { email: string } | null;
  address: { line1: string | null; city: string | null; postalCode: string | null; country: string | null };
  source: { channel: string | null };
  tags: string[];
  counterparties: { legalName: string; taxId: string | null; registrationNumber: string | null; validFrom: string | null; current: boolean; bankAccounts: { iban: string; bic: string | null; currency: string | null }[] }[];
  contacts: {
    edges: {
      node: {
        fullName: string;
        emails: { address: string; type: string }[];
        position: { name: string } | null;
        emailConsent: string;
        smsConsent: string;
        consentHistory: { channel: string; status: string; source: string; recordedBy: { email: string } | null }[];
      };
    }[];
  };
}

const CUSTOMER = `query($id: ID!) { customer(id: $id) {
  kind name lifecycleStage owner { email } address { line1 city postalCode country } source { channel } tags
  counterparties { legalName taxId registrationNumber validFrom current bankAccounts { iban bic currency } }
  contacts(first: 10) { edges { node { fullName emails { address type } position { name } emailConsent smsConsent consentHistory { channel status source recordedBy { email } } } } }
} }`;

describe('a customer’s card in the browser', () => {
  const suite = browserSuite({ workers: false });

  it('a customer with address and tags, a counterparty with a bank account, a person with two emails, a new position and consent: all on the card', async () => {
    const owner = await signUp(suite.kontor, { email: uniqueEmail('customer-card') });
    const page = await openPage(suite.browser, { token: owner.token });

    // An empty list says what customers are and offers the first one.
    await page.goto(`${suite.kontor.url}/customers`);
    await page.getByRole('heading', { name: 'Add your first customer' }).waitFor();
    await page.getByRole('link', { name: 'Add a customer' }).click();
    await page.getByRole('heading', { level: 1, name: 'New customer' }).waitFor();

    // The customer: an organization, a prospect, with its address, where it came from and two tags.
    await page.getByLabel('Organization name').fill('Acme Furniture SRL');
    await chooseOption(page, page, 'Stage', 'Prospect');
    await page.getByLabel('Website domain').fill('https://www.acme-furniture.test/about');
    await page.getByLabel('Street and number').fill('Strada Lalelelor 5');
    await page.getByLabel('City').fill('Cluj-Napoca');
    await page.getByLabel('Postal code').fill('4000');
    await chooseOption(page, page, 'Country', 'Romania', 'roman');
    await chooseOption(page, page, 'Channel', 'Event');
    const tags = page.getByRole('combobox', { name: 'Tags', exact: true });
    await tags.fill('VIP');
    await tags.press('Enter');
    await tags.fill('Wholesale');
    await tags.press('Enter');
    // A Romanian postal code has six digits: said on its field before any request.
    await page.getByRole('button', { name: 'Add customer' }).click();
    const postal = page.getByLabel('Postal code');
    await expect.poll(() => postal.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('This is not a postal code of the chosen country.').waitFor();
    await screenshot(page, 'customer-form-postal-refused');
    await postal.fill('400001');
    await page.getByRole('button', { name: 'Add customer' }).click();

    await page.getByRole('heading', { level: 1, name: 'Acme Furniture SRL' }).waitFor();
    await page.waitForURL(/\/customers\/[^/]+$/);
    const customerUrl = page.url();
    const customerId = customerUrl.split('/').pop() ?? '';
    const address = page.getByRole('region', { name: 'Address' });
    await address.getByText('Strada Lalelelor 5').waitFor();
    await address.getByText('400001 Cluj-Napoca').waitFor();
    await address.getByText('Romania').waitFor();
    await page.getByRole('list', { name: 'Tags' }).first().getByText('Wholesale').waitFor();

    // A counterparty with a bank account: a mistyped IBAN is shown on its field first.
    const counterparties = page.getByRole('region', { name: 'Counterparties' });
    await counterparties.getByText('No legal entity yet').waitFor();
    await counterparties.getByRole('button', { name: 'Add a counterparty' }).click();
    const dialog = page.getByRole('dialog', { name: 'New counterparty' });
    await dialog.getByLabel('Legal name').fill('Acme Furniture SRL');
    await dialog.getByLabel('Tax id (VAT number)').fill('RO12345678');
    await dialog.getByLabel('Trade register number').fill('J12/345/2020');
    await dialog.getByLabel('Valid from').fill('2024-01-01');
    await dialog.getByRole('button', { name: 'Add a bank account' }).click();
    const account = dialog.getByRole('group', { name: 'Bank account 1' });
    const iban = account.getByLabel('IBAN');
    await iban.fill(INVALID_IBAN);
    await account.getByLabel('BIC (SWIFT)').fill('RZBRROBU');
    await chooseOption(page, account, 'Currency', /^RON/, 'RON');
    await dialog.getByRole('button', { name: 'Add counterparty' }).click();
    await expect.poll(() => iban.getAttribute('aria-invalid')).toBe('true');
    await dialog.getByText('Enter a valid IBAN, such as RO49 AAAA 1B31 0075 9384 0000.').waitFor();
    await screenshot(page, 'customer-card-iban-refused');
    await iban.fill(VALID_IBAN);
    await dialog.getByRole('button', { name: 'Add counterparty' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const entity = counterparties.getByRole('listitem', { name: 'Acme Furniture SRL' });
    await entity.getByText('Current').waitFor();
    await entity.getByText(VALID_IBAN).waitFor();
    await entity.getByText('Tax id RO12345678 · Reg. no. J12/345/2020').waitFor();

    // A person at the customer: two email addresses and a position created in the form itself.
    await page.getByRole('region', { name: 'People' }).getByRole('link', { name: 'Add a person' }).click();
    await page.getByRole('heading', { level: 1, name: 'New person' }).waitFor();
    // Started from the customer's card, the customer is chosen already.
    await expect.poll(() => page.getByRole('combobox', { name: 'Customer', exact: true }).inputValue()).toBe('Acme Furniture SRL');
    await page.getByLabel('First name').fill('Maria');
    await page.getByLabel('Last name').fill('Ionescu');
    await page.getByLabel('Email address 1', { exact: true }).fill('maria@acme-furniture.test');
    await page.getByRole('button', { name: 'Add an email address' }).click();
    await page.getByLabel('Email address 2', { exact: true }).fill('maria.ionescu@home.test');
    await chooseOption(page, page, 'Type of email address 2', 'Home');
    await chooseOption(page, page, 'Position', 'Create position “Head of purchasing”', 'Head of purchasing');
    await page.getByText('The position Head of purchasing was added.').waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: 'Position', exact: true }).inputValue()).toBe('Head of purchasing');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Ionescu' }).waitFor();

    // Her card: the customer, the position, both addresses; consent not asked yet.
    const details = page.getByRole('region', { name: 'Details' });
    await details.getByRole('link', { name: 'Acme Furniture SRL' }).waitFor();
    await details.getByText('Head of purchasing').waitFor();
    await details.getByRole('link', { name: 'maria@acme-furniture.test' }).waitFor();
    await details.getByRole('link', { name: 'maria.ionescu@home.test' }).waitFor();
    const consent = page.getByRole('region', { name: 'Consent' });
    await consent.getByText('No change recorded yet.').waitFor();

    // She agrees to emails: the change is recorded with how it was given.
    await consent.getByRole('button', { name: 'Change consent' }).click();
    const change = page.getByRole('dialog', { name: 'Change the consent of Maria Ionescu' });
    await change.getByRole('radio', { name: 'Email' }).check();
    await change.getByRole('radio', { name: 'Granted' }).check();
    // Without its source the change is refused, before any request.
    await change.getByRole('button', { name: 'Record the change' }).click();
    await change.getByText('This field is required.').waitFor();
    await change.getByLabel('How it was given').fill('Signed form at the furniture fair');
    await change.getByRole('button', { name: 'Record the change' }).click();
    await change.waitFor({ state: 'hidden' });
    const history = consent.getByRole('list', { name: 'Consent history' });
    await history.getByText('Email consent granted').waitFor();
    await history.getByText('Source: Signed form at the furniture fair').waitFor();
    await expect.poll(() => consent.getByText('Granted', { exact: true }).count()).toBe(1);
    await screenshot(page, 'customer-card-person');

    // Back on the customer's card: the person with her position and main email.
    await details.getByRole('link', { name: 'Acme Furniture SRL' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme Furniture SRL' }).waitFor();
    const people = page.getByRole('region', { name: 'People' });
    const maria = people.getByRole('listitem').filter({ hasText: 'Maria Ionescu' });
    await maria.getByText('Head of purchasing').waitFor();
    await maria.getByRole('link', { name: 'maria@acme-furniture.test' }).waitFor();
    await screenshot(page, 'customer-card');

    // What the browser sent is what the API keeps.
    const saved = ok(await suite.kontor.gql<{ customer: SavedCustomer }>(CUSTOMER, { id: customerId }, owner.token)).customer;
    expect(saved).toMatchObject({
      kind: 'ORGANIZATION',
      name: 'Acme Furniture SRL',
      lifecycleStage: 'PROSPECT',
      owner: { email: owner.email },
      address: { line1: 'Strada Lalelelor 5', city: 'Cluj-Napoca', postalCode: '400001', country: 'RO' },
      source: { channel: 'EVENT' },
      tags: ['VIP', 'Wholesale'],
      counterparties: [
        {
          legalName: 'Acme Furniture SRL',
          taxId: 'RO12345678',
          registrationNumber: 'J12/345/2020',
          validFrom: '2024-01-01',
          current: true,
          bankAccounts: [{ iban: VALID_IBAN.replace(/\s/g, ''), bic: 'RZBRROBU', currency: 'RON' }],
        },
      ],
    });
    expect(saved.contacts.edges.map((edge) => edge.node)).toEqual([
      {
        fullName: 'Maria Ionescu',
        emails: [
          { address: 'maria@acme-furniture.test', type: 'WORK' },
          { address: 'maria.ionescu@home.test', type: 'HOME' },
        ],
        position: { name: 'Head of purchasing' },
        emailConsent: 'GRANTED',
        smsConsent: 'UNKNOWN',
        consentHistory: [{ channel: 'EMAIL', status: 'GRANTED', source: 'Signed form at the furniture fair', recordedBy: { email: owner.email } }],
      },
    ]);

    // The list: filters live in the address; the customer is the viewer's ("Mine"), a prospect, in Cluj-Napoca.
    await page.goto(`${suite.kontor.url}/customers?owner=me&stage=PROSPECT&tag=VIP`);
    const row = page.getByRole('table', { name: 'Customers' }).getByRole('row').filter({ hasText: 'Acme Furniture SRL' });
    await row.getByText('Prospect').waitFor();
    await row.getByText('Cluj-Napoca, Romania').waitFor();
    await page.getByText('1 customer', { exact: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: 'Mine' }).isChecked()).toBe(true);
    await screenshot(page, 'customers-list');
    await page.goto(`${suite.kontor.url}/customers?stage=LEAD`);
    await page.getByRole('heading', { name: 'No customer matches' }).waitFor();

    // The positions directory: how many hold each, decision makers, renaming, adding and deleting.
    await page.goto(`${suite.kontor.url}/contacts`);
    await page.getByRole('link', { name: 'Positions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Positions' }).waitFor();
    const purchasing = page.getByRole('listitem', { name: 'Head of purchasing' });
    await purchasing.getByRole('link', { name: '1 person' }).waitFor();
    const decides = purchasing.getByRole('switch', { name: 'Head of purchasing decides on purchases' });
    await decides.click({ force: true });
    await expect.poll(() => decides.isChecked()).toBe(true);
    await purchasing.getByRole('button', { name: 'Rename Head of purchasing' }).click();
    await page.getByLabel('New name of Head of purchasing').fill('Purchasing director');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('listitem', { name: 'Purchasing director' }).getByRole('link', { name: '1 person' }).waitFor();
    await page.getByLabel('New position').fill('Managing director');
    await page.getByRole('button', { name: 'Add position' }).click();
    const managing = page.getByRole('listitem', { name: 'Managing director' });
    await managing.getByText('Nobody yet').waitFor();
    await screenshot(page, 'positions');
    await managing.getByRole('button', { name: 'Delete Managing director' }).click();
    await page.getByRole('dialog', { name: 'Delete the position Managing director?' }).getByRole('button', { name: 'Delete position' }).click();
    await expect.poll(() => page.getByRole('listitem', { name: 'Managing director' }).count()).toBe(0);
    const positions = ok(await suite.kontor.gql<{ positions: { name: string; decisionMaker: boolean; contactCount: number }[] }>(`{ positions { name decisionMaker contactCount } }`, {}, owner.token)).positions;
    expect(positions).toEqual([{ name: 'Purchasing director', decisionMaker: true, contactCount: 1 }]);

    // A link from before customers (an emailed /companies/… address) opens the same card.
    await page.goto(`${suite.kontor.url}/companies/${customerId}`);
    await page.waitForURL(customerUrl);
    await page.getByRole('heading', { level: 1, name: 'Acme Furniture SRL' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
