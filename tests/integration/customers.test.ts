import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join, recordingMailbox } from '../support/members.js';

// ---------------------------------------------------------------------------------------------
// Documents and shapes

interface AddressView {
  country: string | null;
  region: string | null;
  city: string | null;
  postalCode: string | null;
  line1: string | null;
  line2: string | null;
}
interface CustomerView {
  id: string;
  kind: string;
  name: string;
  lifecycleStage: string;
  domain: string | null;
  email: string | null;
  phone: string | null;
  owner: { id: string; email: string } | null;
  address: AddressView;
  source: { channel: string | null; utmSource: string | null; utmMedium: string | null; utmCampaign: string | null; referredBy: { id: string; name: string } | null };
  tags: string[];
}
interface CounterpartyView {
  id: string;
  customerId: string;
  legalName: string;
  taxId: string | null;
  registrationNumber: string | null;
  legalAddress: AddressView;
  bankAccounts: { iban: string; bic: string | null; bankName: string | null; currency: string | null }[];
  validFrom: string | null;
  validTo: string | null;
  current: boolean;
}
interface ContactView {
  id: string;
  firstName: string;
  email: string | null;
  phone: string | null;
  emails: { address: string; type: string }[];
  phones: { number: string; type: string }[];
  address: AddressView;
  emailConsent: string;
  smsConsent: string;
  tags: string[];
  position: { id: string; name: string } | null;
  consentHistory: { channel: string; status: string; source: string; occurredAt: string; recordedBy: { email: string } | null }[];
}

const ADDRESS = 'country region city postalCode line1 line2';
const CUSTOMER_FIELDS = `id kind name lifecycleStage domain email phone owner { id email } address { ${ADDRESS} }
  source { channel utmSource utmMedium utmCampaign referredBy { id name } } tags`;
const COUNTERPARTY_FIELDS = `id customerId legalName taxId registrationNumber legalAddress { ${ADDRESS} } bankAccounts { iban bic bankName currency } validFrom validTo current`;
const CONTACT_FIELDS = `id firstName email phone emails { address type } phones { number type } address { ${ADDRESS} } emailConsent smsConsent tags
  position { id name } consentHistory { channel status source occurredAt recordedBy { email } }`;

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { ${CUSTOMER_FIELDS} } }`;
const UPDATE_CUSTOMER = `mutation($input: UpdateCustomerInput!) { updateCustomer(input: $input) { ${CUSTOMER_FIELDS} } }`;
const CUSTOMERS = `query($filter: CustomerFilter, $first: Int) { customers(filter: $filter, first: $first) { totalCount edges { node { id name } } } }`;
const CREATE_COUNTERPARTY = `mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { ${COUNTERPARTY_FIELDS} } }`;
const UPDATE_COUNTERPARTY = `mutation($input: UpdateCounterpartyInput!) { updateCounterparty(input: $input) { ${COUNTERPARTY_FIELDS} } }`;
const COUNTERPARTIES = `query($filter: CounterpartyFilter) { counterparties(filter: $filter) { totalCount edges { node { id legalName } } } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { ${CONTACT_FIELDS} } }`;
const UPDATE_CONTACT = `mutation($input: UpdateContactInput!) { updateContact(input: $input) { ${CONTACT_FIELDS} } }`;
const CONTACT = `query($id: ID!) { contact(id: $id) { ${CONTACT_FIELDS} } }`;
const CONTACTS = `query($filter: ContactFilter) { contacts(filter: $filter, first: 200) { totalCount edges { node { id firstName } } } }`;
const SET_CONSENT = `mutation($input: SetContactConsentInput!) { setContactConsent(input: $input) { ${CONTACT_FIELDS} } }`;
const POSITIONS = `{ positions { id name decisionMaker contactCount } }`;

interface Problem {
  code: unknown;
  path: unknown;
  reason: unknown;
  params: unknown;
}

function problem(result: GqlResult<unknown>): Problem {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason, params: extensions.params };
}

const EMPTY_ADDRESS: AddressView = { country: null, region: null, city: null, postalCode: null, line1: null, line2: null };

describe('CRM customers, counterparties, positions, contact points and consent', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  const { workers: recordingWorkers, mailText } = recordingMailbox();

  const customer = async (input: Record<string, unknown>, token = owner.token): Promise<CustomerView> => ok(await kontor.gql<{ createCustomer: CustomerView }>(CREATE_CUSTOMER, { input }, token)).createCustomer;
  const contact = async (input: Record<string, unknown>, token = owner.token): Promise<ContactView> => ok(await kontor.gql<{ createContact: ContactView }>(CREATE_CONTACT, { input }, token)).createContact;
  const names = async (query: string, filter: Record<string, unknown>, field: 'customers' | 'contacts' | 'counterparties', token = owner.token): Promise<string[]> => {
    const data = ok(await kontor.gql<Record<string, { totalCount: number; edges: { node: { name?: string; firstName?: string; legalName?: string } }[] }>>(query, { filter }, token));
    const connection = data[field];
    if (!connection) throw new Error(`no ${field}`);
    const found = connection.edges.map((e) => e.node.name ?? e.node.firstName ?? e.node.legalName ?? '');
    expect(connection.totalCount).toBe(found.length);
    return found.sort();
  };

  beforeAll(async () => {
    // Only the mailing queue is worked: invitations carry their link.
    kontor = await startKontor({ workers: recordingWorkers });
    owner = await signUp(kontor);
  });
  afterAll(() => kontor.close());

  describe('customers', () => {
    it('creates an organization with everything, the creator as owner; a private person; LEAD by default', async () => {
      const referrer = await customer({ name: 'Old Friend SRL' });
      const acme = await customer({
        name: '  Acme SRL ',
        domain: 'Acme.RO',
        email: 'Office@Acme.ro',
        phone: '+40212345678',
        lifecycleStage: 'PROSPECT',
        address: { country: 'ro', region: 'Cluj', city: ' Cluj-Napoca ', postalCode: '400001', line1: 'Strada Memorandumului 28', line2: '' },
        source: { channel: 'REFERRAL', utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'spring-2026', referredById: referrer.id },
        tags: [' VIP ', 'wholesale', 'vip', '', 'Wholesale  Export'],
      });
      expect(acme).toMatchObject({
        kind: 'ORGANIZATION',
        name: 'Acme SRL',
        lifecycleStage: 'PROSPECT',
        domain: 'acme.ro',
        email: 'office@acme.ro',
        owner: { id: owner.userId },
        address: { country: 'RO', region: 'Cluj', city: 'Cluj-Napoca', postalCode: '400001', line1: 'Strada Memorandumului 28', line2: null },
        source: { channel: 'REFERRAL', utmSource: 'newsletter', utmMedium: 'email', utmCampaign: 'spring-2026', referredBy: { id: referrer.id, name: 'Old Friend SRL' } },
        // Trimmed, inner spaces collapsed, repeats ignoring case merged (the first spelling wins).
        tags: ['VIP', 'wholesale', 'Wholesale Export'],
      });
      expect(ok(await kontor.gql<{ customer: CustomerView }>(`query($id: ID!) { customer(id: $id) { ${CUSTOMER_FIELDS} } }`, { id: acme.id }, owner.token)).customer).toEqual(acme);

      const person = await customer({ kind: 'PERSON', name: 'Ioana Marin', ownerId: null });
      expect(person).toMatchObject({ kind: 'PERSON', lifecycleStage: 'LEAD', owner: null, address: EMPTY_ADDRESS, source: { channel: null, referredBy: null }, tags: [] });
    });

    it('refuses bad input field by field, with the reason, and writes nothing', async () => {
      const tenant = await signUp(kontor);
      const stranger = await signUp(kontor);
      const self = await customer({ name: 'Self' }, tenant.token);
      const cases: [Record<string, unknown>, string[], string][] = [
        [{ name: ' ' }, ['input', 'name'], 'REQUIRED'],
        [{ name: 'X', address: { country: 'XX' } }, ['input', 'address', 'country'], 'INVALID_COUNTRY'],
        [{ name: 'X', address: { city: 'Oslo' } }, ['input', 'address', 'country'], 'REQUIRED'],
        [{ name: 'X', address: { country: 'NO', postalCode: '12345' } }, ['input', 'address', 'postalCode'], 'INVALID_POSTAL_CODE'],
        [{ name: 'X', address: { country: 'RO', line1: 'x'.repeat(301) } }, ['input', 'address', 'line1'], 'TOO_LONG'],
        [{ name: 'X', tags: ['ok', 't'.repeat(51)] }, ['input', 'tags', '1'], 'TOO_LONG'],
        [{ name: 'X', tags: Array.from({ length: 51 }, (_, i) => `tag ${i}`) }, ['input', 'tags'], 'TOO_MANY'],
        [{ name: 'X', ownerId: stranger.userId }, ['input', 'ownerId'], 'NOT_A_MEMBER'],
        [{ name: 'X', source: { utmCampaign: 'c'.repeat(201) } }, ['input', 'source', 'utmCampaign'], 'TOO_LONG'],
      ];
      for (const [input, path, reason] of cases) {
        expect(problem(await kontor.gql(CREATE_CUSTOMER, { input }, tenant.token)), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
      }
      expect(problem(await kontor.gql(UPDATE_CUSTOMER, { input: { id: self.id, source: { referredById: self.id } } }, tenant.token))).toMatchObject({ path: ['input', 'source', 'referredById'], reason: 'INVALID' });
      // A referrer of another tenant does not exist here.
      const theirs = await customer({ name: 'Theirs' }, stranger.token);
      expect(errorCode(await kontor.gql(CREATE_CUSTOMER, { input: { name: 'X', source: { referredById: theirs.id } } }, tenant.token))).toBe('NOT_FOUND');
      expect(await names(CUSTOMERS, {}, 'customers', tenant.token)).toEqual(['Self']);
      // A postal code of a country without a known format is kept as typed.
      expect((await customer({ name: 'Far away', address: { country: 'AE', postalCode: 'P.O. 1234' } }, tenant.token)).address.postalCode).toBe('P.O. 1234');
    });

    it('updates only what is given; address and source are replaced whole; null clears', async () => {
      const beta = await customer({ name: 'Beta', address: { country: 'NO', city: 'Oslo', postalCode: '0150' }, source: { channel: 'EVENT', utmSource: 'fair' }, tags: ['a'] });
      const renamed = ok(await kontor.gql<{ updateCustomer: CustomerView }>(UPDATE_CUSTOMER, { input: { id: beta.id, name: 'Beta AS', lifecycleStage: 'CUSTOMER' } }, owner.token)).updateCustomer;
      expect(renamed).toMatchObject({ name: 'Beta AS', lifecycleStage: 'CUSTOMER', address: { country: 'NO', city: 'Oslo', postalCode: '0150' }, source: { channel: 'EVENT', utmSource: 'fair' }, tags: ['a'] });
      const replaced = ok(await kontor.gql<{ updateCustomer: CustomerView }>(UPDATE_CUSTOMER, { input: { id: beta.id, address: { country: 'SE', city: 'Malmö' }, source: { channel: 'DIRECT' }, tags: null, ownerId: null } }, owner.token)).updateCustomer;
      expect(replaced).toMatchObject({ address: { ...EMPTY_ADDRESS, country: 'SE', city: 'Malmö' }, source: { channel: 'DIRECT', utmSource: null }, tags: [], owner: null });
      const cleared = ok(await kontor.gql<{ updateCustomer: CustomerView }>(UPDATE_CUSTOMER, { input: { id: beta.id, address: null, source: null } }, owner.token)).updateCustomer;
      expect(cleared).toMatchObject({ address: EMPTY_ADDRESS, source: { channel: null } });
      for (const field of ['name', 'kind', 'lifecycleStage']) {
        expect(problem(await kontor.gql(UPDATE_CUSTOMER, { input: { id: beta.id, [field]: null } }, owner.token)), field).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', field], reason: 'REQUIRED' });
      }
    });

    it('filters by kind, stage, owner, tags (ignoring case), source channel and country; crmTags lists what is in use', async () => {
      const tenant = await signUp(kontor);
      const colleague = await join(kontor, tenant, 'AGENT', mailText);
      await customer({ name: 'Org Lead', tags: ['Export', 'VIP'], source: { channel: 'PAID_SEARCH' }, address: { country: 'RO' } }, tenant.token);
      await customer({ name: 'Org Customer', lifecycleStage: 'CUSTOMER', tags: ['export'], ownerId: colleague.userId, address: { country: 'NO' } }, tenant.token);
      await customer({ kind: 'PERSON', name: 'Private Former', lifecycleStage: 'FORMER', ownerId: null, source: { channel: 'PAID_SEARCH' } }, tenant.token);
      expect(await names(CUSTOMERS, { kinds: ['PERSON'] }, 'customers', tenant.token)).toEqual(['Private Former']);
      expect(await names(CUSTOMERS, { lifecycleStages: ['LEAD', 'CUSTOMER'] }, 'customers', tenant.token)).toEqual(['Org Customer', 'Org Lead']);
      expect(await names(CUSTOMERS, { ownerId: colleague.userId }, 'customers', tenant.token)).toEqual(['Org Customer']);
      expect(await names(CUSTOMERS, { ownerId: tenant.userId }, 'customers', tenant.token)).toEqual(['Org Lead']);
      expect(await names(CUSTOMERS, { unowned: true }, 'customers', tenant.token)).toEqual(['Private Former']);
      expect(await names(CUSTOMERS, { tags: ['EXPORT'] }, 'customers', tenant.token)).toEqual(['Org Customer', 'Org Lead']);
      expect(await names(CUSTOMERS, { tags: ['export', 'vip'] }, 'customers', tenant.token)).toEqual(['Org Lead']);
      expect(await names(CUSTOMERS, { sourceChannels: ['PAID_SEARCH'] }, 'customers', tenant.token)).toEqual(['Org Lead', 'Private Former']);
      expect(await names(CUSTOMERS, { country: 'no' }, 'customers', tenant.token)).toEqual(['Org Customer']);
      expect(await names(CUSTOMERS, { search: 'org', lifecycleStages: ['CUSTOMER'] }, 'customers', tenant.token)).toEqual(['Org Customer']);
      await contact({ firstName: 'Tagged', tags: ['Newsletter', 'vip'] }, tenant.token);
      // Most used first; one spelling per tag.
      expect(ok(await kontor.gql<{ crmTags: string[] }>(`{ crmTags }`, {}, tenant.token)).crmTags).toEqual(['Export', 'VIP', 'Newsletter']);
      // Another tenant's tags never show.
      expect(ok(await kontor.gql<{ crmTags: string[] }>(`{ crmTags }`, {}, (await signUp(kontor)).token)).crmTags).toEqual([]);
    });

    it('deleting a customer keeps its people (without a customer) and removes its counterparties', async () => {
      const gone = await customer({ name: 'Gone Ltd' });
      const staff = await contact({ firstName: 'Staff', customerId: gone.id });
      const legal = ok(await kontor.gql<{ createCounterparty: CounterpartyView }>(CREATE_COUNTERPARTY, { input: { customerId: gone.id, legalName: 'Gone Ltd', taxId: 'GB 123' } }, owner.token)).createCounterparty;
      ok(await kontor.gql(`mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) }`, { input: { id: gone.id } }, owner.token));
      const after = ok(await kontor.gql<{ contact: { firstName: string; customer: null } }>(`query($id: ID!) { contact(id: $id) { firstName customer { id } } }`, { id: staff.id }, owner.token)).contact;
      expect(after).toEqual({ firstName: 'Staff', customer: null });
      expect(await names(COUNTERPARTIES, { taxId: legal.taxId }, 'counterparties')).toEqual([]);
    });
  });

  describe('counterparties', () => {
    it('keeps legal entities over time: checked bank accounts, tax id found in any spelling, current first', async () => {
      const gamma = await customer({ name: 'Gamma' });
      const old = ok(
        await kontor.gql<{ createCounterparty: CounterpartyView }>(
          CREATE_COUNTERPARTY,
          { input: { customerId: gamma.id, legalName: 'Gamma Trading SRL', taxId: 'ro 1234567', registrationNumber: 'J12/34/2010', validFrom: '2010-03-01', validTo: '2023-12-31' } },
          owner.token,
        ),
      ).createCounterparty;
      expect(old).toMatchObject({ customerId: gamma.id, taxId: 'RO1234567', validFrom: '2010-03-01', validTo: '2023-12-31', current: false, bankAccounts: [], legalAddress: EMPTY_ADDRESS });
      const now = ok(
        await kontor.gql<{ createCounterparty: CounterpartyView }>(
          CREATE_COUNTERPARTY,
          {
            input: {
              customerId: gamma.id,
              legalName: 'Gamma Group SA',
              taxId: 'RO7654321',
              legalAddress: { country: 'RO', city: 'București', postalCode: '010011', line1: 'Calea Victoriei 1' },
              bankAccounts: [{ iban: 'ro49 aaaa 1b31 0075 9384 0000', bic: 'rzbr robu', bankName: 'Raiffeisen', currency: 'RON' }],
              validFrom: '2024-01-01',
            },
          },
          owner.token,
        ),
      ).createCounterparty;
      expect(now).toMatchObject({ current: true, bankAccounts: [{ iban: 'RO49AAAA1B31007593840000', bic: 'RZBRROBU', bankName: 'Raiffeisen', currency: 'RON' }] });
      const listed = ok(await kontor.gql<{ customer: { counterparties: CounterpartyView[] } }>(`query($id: ID!) { customer(id: $id) { counterparties { ${COUNTERPARTY_FIELDS} } } }`, { id: gamma.id }, owner.token));
      expect(listed.customer.counterparties.map((c) => c.legalName)).toEqual(['Gamma Group SA', 'Gamma Trading SRL']);
      expect(await names(COUNTERPARTIES, { taxId: 'RO 1234567' }, 'counterparties')).toEqual(['Gamma Trading SRL']);
      expect(await names(COUNTERPARTIES, { customerId: gamma.id, current: false }, 'counterparties')).toEqual(['Gamma Trading SRL']);
      expect(await names(COUNTERPARTIES, { search: 'j12/34' }, 'counterparties')).toEqual(['Gamma Trading SRL']);

      const ended = ok(await kontor.gql<{ updateCounterparty: CounterpartyView }>(UPDATE_COUNTERPARTY, { input: { id: now.id, validTo: '2024-06-30', bankAccounts: null } }, owner.token)).updateCounterparty;
      expect(ended).toMatchObject({ legalName: 'Gamma Group SA', validTo: '2024-06-30', current: false, bankAccounts: [], legalAddress: { city: 'București' } });
    });

    it('refuses a bad IBAN, BIC, period or date with the field, and keeps what was there', async () => {
      const delta = await customer({ name: 'Delta' });
      const base = { customerId: delta.id, legalName: 'Delta SRL' };
      const cases: [Record<string, unknown>, string[], string][] = [
        [{ ...base, legalName: '' }, ['input', 'legalName'], 'REQUIRED'],
        [{ ...base, bankAccounts: [{ iban: 'RO49AAAA1B31007593840000' }, { iban: 'RO00 1234' }] }, ['input', 'bankAccounts', '1', 'iban'], 'INVALID_IBAN'],
        [{ ...base, bankAccounts: [{ iban: 'RO49AAAA1B31007593840000', bic: 'NOPE' }] }, ['input', 'bankAccounts', '0', 'bic'], 'INVALID_BIC'],
        [{ ...base, validFrom: '2024-05-01', validTo: '2024-04-30' }, ['input', 'validTo'], 'INVALID_DATE_RANGE'],
        [{ ...base, legalAddress: { country: 'RO', postalCode: '12' } }, ['input', 'legalAddress', 'postalCode'], 'INVALID_POSTAL_CODE'],
      ];
      for (const [input, path, reason] of cases) {
        expect(problem(await kontor.gql(CREATE_COUNTERPARTY, { input }, owner.token)), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
      }
      // Not a calendar date: refused by the LocalDate scalar, as input.
      const notADate = await kontor.gql(CREATE_COUNTERPARTY, { input: { ...base, validFrom: '2024-02-30' } }, owner.token);
      expect(errorCode(notADate)).toBe('BAD_USER_INPUT');
      expect(notADate.status).toBe(400);
      expect(await names(COUNTERPARTIES, { customerId: delta.id }, 'counterparties')).toEqual([]);
      const kept = ok(await kontor.gql<{ createCounterparty: CounterpartyView }>(CREATE_COUNTERPARTY, { input: { ...base, validFrom: '2024-05-01' } }, owner.token)).createCounterparty;
      // An update that would end before it starts is refused whole.
      expect(problem(await kontor.gql(UPDATE_COUNTERPARTY, { input: { id: kept.id, legalName: 'Renamed', validTo: '2024-01-01' } }, owner.token))).toMatchObject({ reason: 'INVALID_DATE_RANGE' });
      expect(await names(COUNTERPARTIES, { customerId: delta.id }, 'counterparties')).toEqual(['Delta SRL']);
    });
  });

  describe('positions', () => {
    it('is a directory: unique names ignoring case, counts, rename reaches people, delete clears them', async () => {
      const tenant = await signUp(kontor);
      const create = (input: Record<string, unknown>) => kontor.gql<{ createPosition: { id: string; name: string; decisionMaker: boolean } }>(`mutation($input: CreatePositionInput!) { createPosition(input: $input) { id name decisionMaker } }`, { input }, tenant.token);
      const director = ok(await create({ name: ' Director ', decisionMaker: true })).createPosition;
      expect(director).toMatchObject({ name: 'Director', decisionMaker: true });
      expect(problem(await create({ name: 'DIRECTOR' }))).toMatchObject({ code: 'CONFLICT', path: ['input', 'name'], reason: 'ALREADY_EXISTS' });
      expect(problem(await create({ name: '' }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'REQUIRED' });
      const buyer = ok(await create({ name: 'buyer' })).createPosition;
      const ana = await contact({ firstName: 'Ana', positionId: director.id }, tenant.token);
      await contact({ firstName: 'Ion', positionId: director.id }, tenant.token);
      expect(ok(await kontor.gql<{ positions: unknown[] }>(POSITIONS, {}, tenant.token)).positions).toEqual([
        { id: buyer.id, name: 'buyer', decisionMaker: false, contactCount: 0 },
        { id: director.id, name: 'Director', decisionMaker: true, contactCount: 2 },
      ]);
      ok(await kontor.gql(`mutation($input: UpdatePositionInput!) { updatePosition(input: $input) { id } }`, { input: { id: director.id, name: 'Managing director' } }, tenant.token));
      expect(problem(await kontor.gql(`mutation($input: UpdatePositionInput!) { updatePosition(input: $input) { id } }`, { input: { id: buyer.id, name: 'managing DIRECTOR' } }, tenant.token))).toMatchObject({ code: 'CONFLICT' });
      expect(ok(await kontor.gql<{ contact: ContactView }>(CONTACT, { id: ana.id }, tenant.token)).contact.position).toEqual({ id: director.id, name: 'Managing director' });
      expect(await names(CONTACTS, { positionId: director.id }, 'contacts', tenant.token)).toEqual(['Ana', 'Ion']);
      ok(await kontor.gql(`mutation($input: DeletePositionInput!) { deletePosition(input: $input) }`, { input: { id: director.id } }, tenant.token));
      expect(ok(await kontor.gql<{ contact: ContactView }>(CONTACT, { id: ana.id }, tenant.token)).contact).toMatchObject({ firstName: 'Ana', position: null });
    });
  });

  describe('several emails and phones', () => {
    it('keeps every address and number with its type, the first as the main one', async () => {
      const mira = await contact({
        firstName: 'Mira',
        emails: [{ address: 'Mira@Work.example', type: 'WORK' }, { address: 'mira@home.example', type: 'HOME' }, { address: 'MIRA@work.example' }],
        phones: [{ number: '+40721000001', type: 'MOBILE' }, { number: '+40212000002' }],
      });
      expect(mira).toMatchObject({
        email: 'mira@work.example',
        phone: '+40721000001',
        emails: [{ address: 'mira@work.example', type: 'WORK' }, { address: 'mira@home.example', type: 'HOME' }],
        phones: [{ number: '+40721000001', type: 'MOBILE' }, { number: '+40212000002', type: 'WORK' }],
      });
      // `email` replaces the main one and keeps the others (and its type); `phones` replaces them all.
      const changed = ok(await kontor.gql<{ updateContact: ContactView }>(UPDATE_CONTACT, { input: { id: mira.id, email: 'mira@new.example', phones: [] } }, owner.token)).updateContact;
      expect(changed).toMatchObject({ email: 'mira@new.example', phone: null, emails: [{ address: 'mira@new.example', type: 'WORK' }, { address: 'mira@home.example', type: 'HOME' }], phones: [] });
      // Found by any of the addresses, the list searches the main one.
      expect(await names(CONTACTS, { email: 'MIRA@home.example' }, 'contacts')).toEqual(['Mira']);
      const dropped = ok(await kontor.gql<{ updateContact: ContactView }>(UPDATE_CONTACT, { input: { id: mira.id, email: null } }, owner.token)).updateContact;
      expect(dropped).toMatchObject({ email: 'mira@home.example', emails: [{ address: 'mira@home.example', type: 'HOME' }] });
    });

    it('refuses both forms at once and more than ten, and changes nothing', async () => {
      const leo = await contact({ firstName: 'Leo', email: 'leo@example.test' });
      expect(problem(await kontor.gql(UPDATE_CONTACT, { input: { id: leo.id, email: 'x@example.test', emails: [] } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'email'] });
      const eleven = Array.from({ length: 11 }, (_, i) => ({ address: `leo${i}@example.test` }));
      expect(problem(await kontor.gql(UPDATE_CONTACT, { input: { id: leo.id, emails: eleven } }, owner.token))).toMatchObject({ path: ['input', 'emails'], reason: 'TOO_MANY', params: { max: 10 } });
      expect(problem(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'Bad', phones: [{ number: '0721' }] } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(ok(await kontor.gql<{ contact: ContactView }>(CONTACT, { id: leo.id }, owner.token)).contact).toMatchObject({ email: 'leo@example.test', emails: [{ address: 'leo@example.test', type: 'WORK' }] });
    });

    it('keeps a structured address on a person', async () => {
      const nora = await contact({ firstName: 'Nora', address: { country: 'NO', city: 'Bergen', postalCode: '5003', line1: 'Bryggen 1' } });
      expect(nora.address).toEqual({ ...EMPTY_ADDRESS, country: 'NO', city: 'Bergen', postalCode: '5003', line1: 'Bryggen 1' });
      expect(problem(await kontor.gql(UPDATE_CONTACT, { input: { id: nora.id, address: { country: 'NO', postalCode: 'ABC' } } }, owner.token))).toMatchObject({ path: ['input', 'address', 'postalCode'], reason: 'INVALID_POSTAL_CODE' });
    });
  });

  describe('consent', () => {
    it('records consent per channel with its source and who recorded it; filters by it', async () => {
      const tenant = await signUp(kontor);
      expect(problem(await kontor.gql(CREATE_CONTACT, { input: { firstName: 'No proof', emailConsent: 'GRANTED' } }, tenant.token))).toMatchObject({ path: ['input', 'consentSource'], reason: 'REQUIRED' });
      const ana = await contact({ firstName: 'Ana', email: 'ana@example.test', emailConsent: 'GRANTED', smsConsent: 'DENIED', consentSource: 'signed form' }, tenant.token);
      expect(ana).toMatchObject({ emailConsent: 'GRANTED', smsConsent: 'DENIED' });
      expect(ana.consentHistory.map((e) => [e.channel, e.status, e.source, e.recordedBy?.email]).sort()).toEqual([
        ['EMAIL', 'GRANTED', 'signed form', tenant.email],
        ['SMS', 'DENIED', 'signed form', tenant.email],
      ]);
      const ion = await contact({ firstName: 'Ion' }, tenant.token);
      expect(ion).toMatchObject({ emailConsent: 'UNKNOWN', smsConsent: 'UNKNOWN', consentHistory: [] });

      const changed = ok(await kontor.gql<{ setContactConsent: ContactView }>(SET_CONSENT, { input: { contactId: ana.id, channel: 'EMAIL', status: 'DENIED', source: 'phone call' } }, tenant.token)).setContactConsent;
      expect(changed.emailConsent).toBe('DENIED');
      expect(changed.consentHistory[0]).toMatchObject({ channel: 'EMAIL', status: 'DENIED', source: 'phone call' });
      expect(changed.consentHistory).toHaveLength(3);
      expect(problem(await kontor.gql(SET_CONSENT, { input: { contactId: ana.id, channel: 'SMS', status: 'GRANTED', source: '  ' } }, tenant.token))).toMatchObject({ path: ['input', 'source'], reason: 'REQUIRED' });
      expect(ok(await kontor.gql<{ contact: ContactView }>(CONTACT, { id: ana.id }, tenant.token)).contact.smsConsent).toBe('DENIED');

      expect(await names(CONTACTS, { emailConsent: 'DENIED' }, 'contacts', tenant.token)).toEqual(['Ana']);
      expect(await names(CONTACTS, { emailConsent: 'UNKNOWN' }, 'contacts', tenant.token)).toEqual(['Ion']);
      // A read-only key reads consent but cannot change it.
      const key = ok(await kontor.gql<{ createApiKey: { secret: string } }>(`mutation { createApiKey(input: { name: "ro", modules: [CRM], access: READ }) { secret } }`, {}, tenant.token)).createApiKey.secret;
      expect(errorCode(await kontor.gql(SET_CONSENT, { input: { contactId: ion.id, channel: 'SMS', status: 'GRANTED', source: 'x' } }, key))).toBe('FORBIDDEN');
      // Deleting the person removes their consent history with them.
      ok(await kontor.gql(`mutation($input: DeleteContactInput!) { deleteContact(input: $input) }`, { input: { id: ana.id } }, tenant.token));
      // Counted as the owner, whom row-level security does not restrict: an honest zero.
      const ownerDb = new pg.Client({ connectionString: inject('ownerUrl') });
      await ownerDb.connect();
      try {
        const count = async (contactId: string) =>
          (await ownerDb.query<{ n: number }>('select count(*)::int as n from crm_consent_events where contact_id = $1', [fromGlobalId('Contact', contactId, ['id'])])).rows[0]?.n;
        expect(await count(ana.id)).toBe(0);
        expect(await count(ion.id)).toBe(0);
        ok(await kontor.gql(SET_CONSENT, { input: { contactId: ion.id, channel: 'SMS', status: 'GRANTED', source: 'call' } }, tenant.token));
        expect(await count(ion.id)).toBe(1);
      } finally {
        await ownerDb.end();
      }
    });
  });
});
