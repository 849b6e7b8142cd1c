import DataLoader from 'dataloader';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import { Counterparty, type BankAccount } from '../../../schema/crm/counterparty.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, likePattern, placeholders, rowDate, rowText, type Row, type SqlCondition } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { addressFromRow, checkAddress } from '../platform/address/address.service.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { getCustomerEntity } from './customer.service.js';
import type { BankAccountInput, CounterpartyFilter, CounterpartyNode, CreateCounterpartyInput, UpdateCounterpartyInput } from './counterparty.types.js';

const MAX_BANK_ACCOUNTS = 20;

const CURRENT = `(coalesce(t.valid_from, current_date) <= current_date and coalesce(t.valid_to, current_date) >= current_date)`;
/** Dates come back as text so no time zone can shift them. */
const EXTRA_COLUMNS = `t.valid_from::text as valid_from_text, t.valid_to::text as valid_to_text, ${CURRENT} as is_current`;
const SELECT = `select t.*, ${EXTRA_COLUMNS} from crm_counterparties t`;

/** Tax ids are compared without spaces and case: "RO 123" and "ro123" are one firm. */
export function normaliseTaxId(value: string): string {
  return value.replace(/\s/g, '').toUpperCase();
}

function isBankAccount(value: unknown): value is BankAccount {
  return typeof value === 'object' && value !== null && 'iban' in value && typeof value.iban === 'string';
}

function counterpartyNodeFromRow(row: Row): CounterpartyNode {
  const accounts = Array.isArray(row.bank_accounts) ? row.bank_accounts.filter(isBankAccount) : [];
  return {
    id: toGlobalId('Counterparty', String(row.id)),
    customerId: toGlobalId('Customer', String(row.customer_id)),
    legalName: String(row.legal_name),
    taxId: rowText(row.tax_id),
    registrationNumber: rowText(row.registration_number),
    legalAddress: addressFromRow(row, 'legal_address_'),
    bankAccounts: accounts.map((a) => ({ iban: a.iban, bic: a.bic ?? null, bankName: a.bankName ?? null, currency: a.currency ?? null })),
    validFrom: rowText(row.valid_from_text),
    validTo: rowText(row.valid_to_text),
    current: row.is_current === true,
    createdAt: rowDate(row.created_at),
  };
}

function checkBankAccounts(accounts: BankAccountInput[] | null | undefined, path: string[]): BankAccount[] {
  const list = accounts ?? [];
  if (list.length > MAX_BANK_ACCOUNTS) throw BadUserInputError.field(path, `must be at most ${MAX_BANK_ACCOUNTS} accounts`, 'TOO_MANY', { max: MAX_BANK_ACCOUNTS });
  return list.map((account, index) => {
    const at = [...path, String(index)];
    const iban = electronicFormatIBAN(account.iban) ?? '';
    if (!isValidIBAN(iban)) throw BadUserInputError.field([...at, 'iban'], 'is not a valid IBAN', 'INVALID_IBAN');
    const bic = account.bic?.replace(/\s/g, '').toUpperCase() || null;
    if (bic !== null && !isValidBIC(bic)) throw BadUserInputError.field([...at, 'bic'], 'is not a valid BIC', 'INVALID_BIC');
    return { iban, bic, bankName: checkOptionalText(account.bankName, [...at, 'bankName'], 200), currency: account.currency ?? null };
  });
}

function optionalTaxId(value: string | null | undefined): string | null {
  const text = checkOptionalText(value, ['input', 'taxId'], 50);
  return text === null ? null : normaliseTaxId(text);
}

function checkPeriod(validFrom: string | null | undefined, validTo: string | null | undefined): void {
  if (validFrom && validTo && validTo < validFrom) throw BadUserInputError.field(['input', 'validTo'], 'must not be before validFrom', 'INVALID_DATE_RANGE');
}

async function getCounterpartyEntity(ctx: ServiceContext, globalId: string): Promise<Counterparty> {
  const id = fromGlobalId('Counterparty', globalId, ['input', 'id']);
  const counterparty = await (await ctx.em()).findOne(Counterparty, { tenantId: ctx.tenantId, id });
  if (!counterparty) throw new NotFoundError('Counterparty');
  return counterparty;
}

async function counterpartyNode(ctx: ServiceContext, id: string): Promise<CounterpartyNode> {
  const rows = await (await ctx.em()).execute<Row[]>(`${SELECT} where t.tenant_id = ? and t.id = ?`, [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Counterparty');
  return counterpartyNodeFromRow(row);
}

export async function listCounterparties(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter?: CounterpartyFilter | null },
): Promise<ConnectionResult<CounterpartyNode>> {
  const conditions: SqlCondition[] = [];
  const filter = args.filter;
  const search = filter?.search?.trim();
  if (search) conditions.push({ sql: `(t.legal_name || ' ' || coalesce(t.tax_id, '') || ' ' || coalesce(t.registration_number, '')) ilike ?`, params: [likePattern(search)] });
  if (filter?.taxId) conditions.push({ sql: 't.tax_id = ?', params: [normaliseTaxId(filter.taxId)] });
  if (filter?.customerId) conditions.push({ sql: 't.customer_id = ?', params: [fromGlobalId('Customer', filter.customerId, ['filter', 'customerId'])] });
  if (filter?.current === true) conditions.push({ sql: CURRENT, params: [] });
  if (filter?.current === false) conditions.push({ sql: `not ${CURRENT}`, params: [] });
  return keysetPage(await ctx.em(), {
    table: 'crm_counterparties',
    extraColumns: EXTRA_COLUMNS,
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'LEGAL_NAME', expr: 'lower(t.legal_name)', cast: 'text' },
    direction: OrderDirection.ASC,
    first: pageSize(args.first),
    after: args.after,
    toNode: counterpartyNodeFromRow,
  });
}

export async function createCounterparty(ctx: ServiceContext, input: CreateCounterpartyInput): Promise<CounterpartyNode> {
  const customer = await getCustomerEntity(ctx, input.customerId, ['input', 'customerId']);
  checkPeriod(input.validFrom, input.validTo);
  const em = await ctx.em();
  const counterparty = em.create(Counterparty, {
    tenantId: ctx.tenantId,
    customerId: customer.id,
    legalName: checkText(input.legalName, ['input', 'legalName'], 300),
    taxId: optionalTaxId(input.taxId),
    registrationNumber: checkOptionalText(input.registrationNumber, ['input', 'registrationNumber'], 50),
    legalAddress: checkAddress(input.legalAddress ?? null, ['input', 'legalAddress']),
    bankAccounts: checkBankAccounts(input.bankAccounts, ['input', 'bankAccounts']),
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
  });
  em.persist(counterparty);
  await em.flush();
  return counterpartyNode(ctx, counterparty.id);
}

export async function updateCounterparty(ctx: ServiceContext, input: UpdateCounterpartyInput): Promise<CounterpartyNode> {
  const counterparty = await getCounterpartyEntity(ctx, input.id);
  if (input.legalName !== undefined) {
    if (input.legalName === null) throw BadUserInputError.field(['input', 'legalName'], 'must not be empty', 'REQUIRED');
    counterparty.legalName = checkText(input.legalName, ['input', 'legalName'], 300);
  }
  if (input.taxId !== undefined) counterparty.taxId = optionalTaxId(input.taxId);
  if (input.registrationNumber !== undefined) counterparty.registrationNumber = checkOptionalText(input.registrationNumber, ['input', 'registrationNumber'], 50);
  if (input.legalAddress !== undefined) counterparty.legalAddress = checkAddress(input.legalAddress, ['input', 'legalAddress']);
  if (input.bankAccounts !== undefined) counterparty.bankAccounts = checkBankAccounts(input.bankAccounts, ['input', 'bankAccounts']);
  if (input.validFrom !== undefined) counterparty.validFrom = input.validFrom;
  if (input.validTo !== undefined) counterparty.validTo = input.validTo;
  checkPeriod(counterparty.validFrom, counterparty.validTo);
  await (await ctx.em()).flush();
  return counterpartyNode(ctx, counterparty.id);
}

export async function deleteCounterparty(ctx: ServiceContext, globalId: string): Promise<string> {
  const counterparty = await getCounterpartyEntity(ctx, globalId);
  const em = await ctx.em();
  em.remove(counterparty);
  await em.flush();
  return globalId;
}

/** `customer.counterparties` for every customer of a response in one query: current first, then newest. */
export function counterpartiesLoader(ctx: RequestContext): DataLoader<string, CounterpartyNode[]> {
  return ctx.loader('crm.counterparties', () =>
    new DataLoader<string, CounterpartyNode[]>(async (customerIds) => {
      const rows = await (await ctx.em()).execute<Row[]>(
        `${SELECT} where t.tenant_id = ? and t.customer_id in (${placeholders(customerIds.length)})
          order by t.valid_to is null desc, t.valid_from desc nulls last, t.created_at desc`,
        [ctx.tenantId, ...customerIds],
      );
      const byCustomer = new Map<string, CounterpartyNode[]>(customerIds.map((id) => [id, []]));
      for (const row of rows) byCustomer.get(String(row.customer_id))?.push(counterpartyNodeFromRow(row));
      return customerIds.map((id) => byCustomer.get(id) ?? []);
    }),
  );
}
