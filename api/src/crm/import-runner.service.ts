import { DriverException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { electronicFormatIBAN } from 'ibantools';
import { ConsentChannel, type ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { ContactPointType } from '../../../schema/crm/contact-point.entity.js';
import { CustomerKind } from '../../../schema/crm/customer.entity.js';
import { ImportEntity, ImportStatus, type ImportColumnMapping, type ImportOptions, type ImportRowError } from '../../../schema/crm/import.entity.js';
import type { TenantJobData } from '../../../workers/queues.js';
import { AppError, type FieldProblem } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { placeholders, type Row } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import type { AddressNode } from '../platform/address/address.types.js';
import { ActorGoneError, JobContext, type JobActor } from '../platform/context/job-context.js';
import { inTenant, TenantScope } from '../platform/context/tenant-scope.js';
import { contactPointsOf } from './contact-point.service.js';
import { createContact, getContact, setContactConsent, toContactNode, updateContact } from './contact.service.js';
import type { CreateContactInput, UpdateContactInput } from './contact.types.js';
import { createCounterparty, updateCounterparty } from './counterparty.service.js';
import type { BankAccountInput, UpdateCounterpartyInput } from './counterparty.types.js';
import { customFieldDefinitions } from './custom-field.service.js';
import type { CustomFieldValueInput } from './custom-field.types.js';
import { createCustomer, getCustomer, updateCustomer } from './customer.service.js';
import type { CreateCustomerInput, CustomerSourceInput, UpdateCustomerInput } from './customer.types.js';
import { cell, parseCsv, type CsvRow } from './import-csv.js';
import { CUSTOM_FIELD_ENTITY, featuresOf, ImportDedupeKey, ImportDuplicateAction, ImportField } from './import-fields.js';
import {
  CellProblem,
  readConsent,
  readCountry,
  readCustomValue,
  readDomain,
  readEmail,
  readKind,
  readLifecycleStage,
  readPhone,
  readSourceChannel,
  splitFullName,
  splitList,
} from './import-values.js';
import { createPosition } from './position.service.js';

/** The CRM's queue of imports (declared in its manifest, so runs wait while the CRM is off). */
export const IMPORT_QUEUE = 'import';
/** Rows per transaction: progress is committed, and a crashed run resumes, batch by batch. */
export const IMPORT_BATCH_SIZE = 200;
/** At most this many refused values are kept per run (the count goes on). */
const MAX_KEPT_ERRORS = 1_000;

export interface ImportJob extends TenantJobData {
  tenantId: string;
  importId: string;
  /** The run this job is for; a job of an earlier run finds another number and does nothing. */
  run: number;
}

/** One job per run: queued twice (a retried request), it still runs once. */
export function importJobId(importId: string, run: number): string {
  return `import-${importId}-${run}`;
}

/** Jobs are data from the queue store, not trusted types. */
export function isImportJob(data: TenantJobData): data is ImportJob {
  const record: Record<string, unknown> = { ...data };
  return typeof record.tenantId === 'string' && typeof record.importId === 'string' && typeof record.run === 'number';
}

/** done: every row handled. stale: the job's run is not the import's current one. paused: the CRM (or a mapped feature) is off. failed: see failureMessage. */
export type ImportOutcome = 'done' | 'stale' | 'paused' | 'failed';

export interface ImportRunHooks {
  /** After each batch's progress is committed (tests stop a run here, as a crash would). */
  afterBatch?(progress: { processed: number; total: number }): Promise<void> | void;
}

/** The run stops for a reason that is not one row's; the import becomes FAILED with this message. */
class RunStopped extends Error {}

// ---------------------------------------------------------------------------------------------
// Rows: what a refused row reports

/** Where a problem lands in the file: a column (and the field it was mapped to), or the row as a whole. */
interface Target {
  column: number | null;
  field: ImportField | null;
  customFieldKey: string | null;
}

const NO_TARGET: Target = { column: null, field: null, customFieldKey: null };

/** A service's input path (or its start) and the column it was read from. */
type PathTargets = [string[], Target][];

/** Every refused value of a row; nothing of the row is written. */
class RowRefused extends Error {
  constructor(readonly problems: Omit<ImportRowError, 'row'>[]) {
    super(problems[0]?.message ?? 'refused');
  }
}

function targetOf(targets: PathTargets, path: string[]): Target {
  let best: [string[], Target] | null = null;
  for (const entry of targets) {
    const [prefix] = entry;
    if (prefix.length <= path.length && prefix.every((part, i) => path[i] === part) && (!best || prefix.length > best[0].length)) best = entry;
  }
  return best?.[1] ?? NO_TARGET;
}

function problemsOf(error: AppError): FieldProblem[] {
  const listed = error.extensions.problems;
  if (Array.isArray(listed)) return listed as FieldProblem[];
  const path = Array.isArray(error.extensions.path) ? (error.extensions.path as string[]) : [];
  const reason = typeof error.extensions.reason === 'string' ? error.extensions.reason : error.code;
  return [{ path, message: error.message, reason: reason as FieldProblem['reason'] }];
}

/** Data the database refuses (a constraint, a value it cannot store): the row's problem, not the run's. */
function databaseRefusal(error: unknown): boolean {
  return error instanceof DriverException && typeof error.code === 'string' && (/^2[23]/.test(error.code) || error.code === '54000');
}

/**
 * Runs one service call of a row: a refusal becomes the row's problems, each on the column its path
 * names (a required custom field names its key in `params.field`).
 */
async function mapped<T>(targets: PathTargets, customTargets: Map<string, Target>, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AppError) {
      throw new RowRefused(
        problemsOf(error).map((p) => {
          const custom = typeof p.params?.field === 'string' ? customTargets.get(p.params.field) : undefined;
          return { ...(custom ?? targetOf(targets, p.path)), path: p.path, reason: p.reason, message: p.message };
        }),
      );
    }
    if (databaseRefusal(error)) {
      throw new RowRefused([{ ...targetOf(targets, []), path: [], reason: 'INVALID', message: 'The database refused the row' }]);
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a row

interface Plan {
  importId: string;
  tenantId: string;
  run: number;
  entity: ImportEntity;
  dryRun: boolean;
  mapping: ImportColumnMapping[];
  options: ImportOptions;
  actor: JobActor;
}

/** One row's cells by field, read and checked; every unreadable cell is collected before the row is refused. */
class RowReader {
  readonly problems: Omit<ImportRowError, 'row'>[] = [];
  private readonly byField = new Map<string, ImportColumnMapping>();

  constructor(
    readonly plan: Plan,
    readonly row: CsvRow,
  ) {
    for (const entry of plan.mapping) if (entry.field !== ImportField.CUSTOM_FIELD) this.byField.set(entry.field, entry);
  }

  target(field: ImportField): Target {
    const entry = this.byField.get(field);
    return entry ? { column: entry.column, field, customFieldKey: null } : NO_TARGET;
  }

  /** The first mapped field's target (a path naming several columns lands on the first that is there). */
  firstTarget(...fields: ImportField[]): Target {
    for (const field of fields) if (this.byField.has(field)) return this.target(field);
    return NO_TARGET;
  }

  /** The trimmed cell of a field; null when the field is not mapped or the cell is empty. */
  text(field: ImportField): string | null {
    const entry = this.byField.get(field);
    if (!entry) return null;
    const value = cell(this.row, entry.column);
    return value === '' ? null : value;
  }

  /** Reads a cell with `read`; an unreadable one is noted as a problem and reads as null. */
  read<T>(field: ImportField, read: (text: string) => T, path: string[]): T | null {
    const text = this.text(field);
    if (text === null) return null;
    try {
      return read(text);
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      this.problems.push({ ...this.target(field), path, reason: error.reason, message: error.message });
      return null;
    }
  }

  /** Custom values of the row, non-empty ones only, with the columns they came from. */
  async customValues(ctx: JobContext, targets: PathTargets, customTargets: Map<string, Target>): Promise<CustomFieldValueInput[]> {
    const custom = this.plan.mapping.filter((m) => m.field === ImportField.CUSTOM_FIELD && m.customFieldKey);
    if (custom.length === 0) return [];
    const definitions = await customFieldDefinitions(ctx, CUSTOM_FIELD_ENTITY[this.plan.entity]);
    const values: CustomFieldValueInput[] = [];
    for (const entry of custom) {
      const target: Target = { column: entry.column, field: ImportField.CUSTOM_FIELD, customFieldKey: entry.customFieldKey };
      customTargets.set(entry.customFieldKey ?? '', target);
      const text = cell(this.row, entry.column);
      const definition = definitions.find((d) => d.key === entry.customFieldKey);
      if (text === '' || !definition) continue;
      const path = ['input', 'customFields', String(values.length)];
      try {
        targets.push([path, target]);
        values.push(readCustomValue(definition, text));
      } catch (error) {
        if (!(error instanceof CellProblem)) throw error;
        targets.pop();
        this.problems.push({ ...target, path, reason: error.reason, message: error.message });
      }
    }
    return values;
  }

  /** The address parts given (country names read as codes); null when none is. */
  address(targets: PathTargets, current: AddressNode | null): AddressNode | null {
    const parts: [keyof AddressNode, ImportField][] = [
      ['country', ImportField.ADDRESS_COUNTRY],
      ['region', ImportField.ADDRESS_REGION],
      ['city', ImportField.ADDRESS_CITY],
      ['postalCode', ImportField.ADDRESS_POSTAL_CODE],
      ['line1', ImportField.ADDRESS_LINE1],
      ['line2', ImportField.ADDRESS_LINE2],
    ];
    const given = parts.filter(([, field]) => this.text(field) !== null);
    if (given.length === 0) return null;
    // The address as a whole (a country missing for the rest) lands on the country column, else the first address column.
    targets.push([['input', 'address'], this.firstTarget(...parts.map(([, field]) => field))]);
    for (const [part, field] of parts) if (this.byField.has(field)) targets.push([['input', 'address', part], this.target(field)]);
    const address: AddressNode = { country: null, region: null, city: null, postalCode: null, line1: null, line2: null, ...current };
    for (const [part, field] of given) address[part] = part === 'country' ? readCountry(this.text(field) ?? '') : this.text(field);
    return address;
  }

  /** Refuses the row with everything found so far. */
  check(): void {
    if (this.problems.length > 0) throw new RowRefused(this.problems);
  }
}

interface Point<T> {
  value: T;
  column: Target;
}

/** The row's emails and phones, in column order, read and checked. */
function contactPoints(reader: RowReader): { emails: Point<string>[]; phones: Point<{ number: string; type: ContactPointType }>[] } {
  const emails: Point<string>[] = [];
  const phones: Point<{ number: string; type: ContactPointType }>[] = [];
  for (const field of [ImportField.EMAIL, ImportField.EMAIL_2]) {
    const value = reader.read(field, readEmail, ['input', 'emails', String(emails.length), 'address']);
    if (value !== null) emails.push({ value: value.toLowerCase(), column: reader.target(field) });
  }
  for (const field of [ImportField.PHONE, ImportField.PHONE_2]) {
    const value = reader.read(field, (text) => readPhone(text, reader.plan.options.defaultCountry), ['input', 'phones', String(phones.length), 'number']);
    if (value !== null) phones.push({ value, column: reader.target(field) });
  }
  return { emails, phones };
}

// ---------------------------------------------------------------------------------------------
// Finding duplicates

async function firstId(em: EntityManager, sql: string, params: unknown[]): Promise<string | null> {
  const rows = await em.execute<Row[]>(sql, params);
  return rows[0] ? String(rows[0].id) : null;
}

/** The oldest person holding any of the row's emails (or phones), by the keys in the order given. */
async function findContact(ctx: JobContext, dedupeBy: string[], emails: string[], phones: string[]): Promise<string | null> {
  const em = await ctx.em();
  for (const key of dedupeBy) {
    const values = key === ImportDedupeKey.EMAIL ? emails : key === ImportDedupeKey.PHONE ? phones : [];
    if (values.length === 0) continue;
    const id = await firstId(
      em,
      `select c.id from crm_contact_points p join crm_contacts c on c.tenant_id = p.tenant_id and c.id = p.contact_id
        where p.tenant_id = ? and p.channel = ? and p.value in (${placeholders(values.length)}) order by c.created_at, c.id limit 1`,
      [ctx.tenantId, key, ...values],
    );
    if (id) return id;
  }
  return null;
}

/** The oldest customer with the row's tax id (on a counterparty), email or phone, by the keys in the order given. */
async function findCustomer(ctx: JobContext, dedupeBy: string[], keys: { taxId: string | null; email: string | null; phone: string | null }): Promise<string | null> {
  const em = await ctx.em();
  for (const key of dedupeBy) {
    let id: string | null = null;
    if (key === ImportDedupeKey.TAX_ID && keys.taxId) {
      id = await firstId(em, 'select customer_id as id from crm_counterparties where tenant_id = ? and tax_id = ? order by created_at, id limit 1', [ctx.tenantId, keys.taxId.replace(/\s/g, '').toUpperCase()]);
    } else if (key === ImportDedupeKey.EMAIL && keys.email) {
      id = await firstId(em, 'select id from crm_customers where tenant_id = ? and email = ? order by created_at, id limit 1', [ctx.tenantId, keys.email.toLowerCase()]);
    } else if (key === ImportDedupeKey.PHONE && keys.phone) {
      id = await firstId(em, 'select id from crm_customers where tenant_id = ? and phone = ? order by created_at, id limit 1', [ctx.tenantId, keys.phone]);
    }
    if (id) return id;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Writing a person

type RowOutcome = 'created' | 'updated' | 'skipped';

/** The position of that name (ignoring case), added to the directory when it is new. */
async function positionFor(ctx: JobContext, reader: RowReader, name: string): Promise<string> {
  const found = await firstId(await ctx.em(), 'select id from crm_positions where tenant_id = ? and lower(name) = lower(?) limit 1', [ctx.tenantId, name]);
  if (found) return toGlobalId('Position', found);
  const target = reader.target(ImportField.POSITION);
  return (await mapped([[[], target]], new Map(), () => createPosition(ctx, { name, decisionMaker: false }))).id;
}

/** The customer of that name (ignoring case, the oldest), or a new organization. */
async function customerFor(ctx: JobContext, reader: RowReader, name: string): Promise<string> {
  const found = await firstId(await ctx.em(), 'select id from crm_customers where tenant_id = ? and lower(name) = lower(?) order by created_at, id limit 1', [ctx.tenantId, name]);
  if (found) return toGlobalId('Customer', found);
  const target = reader.target(ImportField.CUSTOMER);
  return (await mapped([[[], target]], new Map(), () => createCustomer(ctx, { kind: CustomerKind.ORGANIZATION, name }))).id;
}

async function writeContact(ctx: JobContext, plan: Plan, row: CsvRow): Promise<RowOutcome> {
  const reader = new RowReader(plan, row);
  const targets: PathTargets = [];
  const customTargets = new Map<string, Target>();
  const full = reader.text(ImportField.FULL_NAME);
  const names = full !== null ? splitFullName(full) : { firstName: reader.text(ImportField.FIRST_NAME), lastName: reader.text(ImportField.LAST_NAME) };
  targets.push([['input', 'firstName'], reader.firstTarget(ImportField.FIRST_NAME, ImportField.FULL_NAME)], [['input', 'lastName'], reader.firstTarget(ImportField.LAST_NAME, ImportField.FULL_NAME)]);
  const { emails, phones } = contactPoints(reader);
  const consent = {
    email: reader.read(ImportField.EMAIL_CONSENT, readConsent, ['input', 'emailConsent']),
    sms: reader.read(ImportField.SMS_CONSENT, readConsent, ['input', 'smsConsent']),
  };
  const tags = reader.text(ImportField.TAGS);
  const positionName = reader.text(ImportField.POSITION);
  const customerName = reader.text(ImportField.CUSTOMER);
  const customFields = await reader.customValues(ctx, targets, customTargets);
  reader.check();
  targets.push(
    [['input', 'emails'], reader.firstTarget(ImportField.EMAIL, ImportField.EMAIL_2)],
    [['input', 'phones'], reader.firstTarget(ImportField.PHONE, ImportField.PHONE_2)],
    [['input', 'tags'], reader.target(ImportField.TAGS)],
    [['input', 'positionId'], reader.target(ImportField.POSITION)],
    [['input', 'customerId'], reader.target(ImportField.CUSTOMER)],
    [['input', 'customFields'], NO_TARGET],
    [['input', 'emailConsent'], reader.target(ImportField.EMAIL_CONSENT)],
    [['input', 'smsConsent'], reader.target(ImportField.SMS_CONSENT)],
    [['input', 'consentSource'], reader.firstTarget(ImportField.EMAIL_CONSENT, ImportField.SMS_CONSENT)],
    [['input', 'source'], reader.firstTarget(ImportField.EMAIL_CONSENT, ImportField.SMS_CONSENT)],
  );

  const existing = await findContact(
    ctx,
    plan.options.dedupeBy,
    emails.map((e) => e.value),
    phones.map((p) => p.value.number),
  );
  if (existing && plan.options.onDuplicate === ImportDuplicateAction.SKIP) return 'skipped';
  const positionId = positionName ? await positionFor(ctx, reader, positionName) : undefined;
  const customerId = customerName ? await customerFor(ctx, reader, customerName) : undefined;

  if (!existing) {
    emails.forEach((email, i) => targets.push([['input', 'emails', String(i)], email.column]));
    phones.forEach((phone, i) => targets.push([['input', 'phones', String(i)], phone.column]));
    const input: CreateContactInput = {
      // Left to the service's check when empty: REQUIRED on the name column.
      firstName: names.firstName ?? '',
      lastName: names.lastName,
      positionId,
      customerId,
      tags: tags === null ? undefined : splitList(tags),
      customFields: customFields.length > 0 ? customFields : undefined,
      emailConsent: consent.email,
      smsConsent: consent.sms,
      consentSource: consent.email || consent.sms ? plan.options.consentSource : undefined,
    };
    const address = reader.address(targets, null);
    if (address) input.address = address;
    if (emails.length > 0) input.emails = emails.map((e) => ({ address: e.value, type: ContactPointType.WORK }));
    if (phones.length > 0) input.phones = phones.map((p) => ({ number: p.value.number, type: p.value.type }));
    await mapped(targets, customTargets, () => createContact(ctx, input));
    return 'created';
  }

  // UPDATE: only the row's non-empty values; emails, phones and tags are added to the person's.
  const globalId = toGlobalId('Contact', existing);
  const current = toContactNode(await getContact(ctx, globalId));
  const points = await contactPointsOf(ctx, existing);
  const input: UpdateContactInput = { id: globalId };
  if (names.firstName) input.firstName = names.firstName;
  if (names.lastName) input.lastName = names.lastName;
  if (positionId) input.positionId = positionId;
  if (customerId) input.customerId = customerId;
  const newEmails = emails.filter((e) => !points.emails.some((p) => p.value === e.value));
  if (newEmails.length > 0) {
    newEmails.forEach((email, i) => targets.push([['input', 'emails', String(points.emails.length + i)], email.column]));
    input.emails = [...points.emails.map((p) => ({ address: p.value, type: p.type })), ...newEmails.map((e) => ({ address: e.value, type: ContactPointType.WORK }))];
  }
  const newPhones = phones.filter((p) => !points.phones.some((q) => q.value === p.value.number));
  if (newPhones.length > 0) {
    newPhones.forEach((phone, i) => targets.push([['input', 'phones', String(points.phones.length + i)], phone.column]));
    input.phones = [...points.phones.map((p) => ({ number: p.value, type: p.type })), ...newPhones.map((p) => ({ number: p.value.number, type: p.value.type }))];
  }
  if (tags !== null) input.tags = [...current.tags, ...splitList(tags)];
  const address = reader.address(targets, current.address);
  if (address) input.address = address;
  if (customFields.length > 0) input.customFields = customFields;
  await mapped(targets, customTargets, () => updateContact(ctx, input));
  const changes: [ConsentChannel, ConsentStatus | null, ConsentStatus][] = [
    [ConsentChannel.EMAIL, consent.email, current.emailConsent],
    [ConsentChannel.SMS, consent.sms, current.smsConsent],
  ];
  for (const [channel, status, was] of changes) {
    if (status && status !== was) {
      await mapped(targets, customTargets, () => setContactConsent(ctx, { contactId: globalId, channel, status, source: plan.options.consentSource ?? '' }));
    }
  }
  return 'updated';
}

// ---------------------------------------------------------------------------------------------
// Writing a customer

interface CounterpartyValues {
  legalName: string | null;
  taxId: string | null;
  registrationNumber: string | null;
  iban: string | null;
}

/** The counterparty the row describes: a new one, or (updating) the customer's one with that tax id, else its current one. */
async function applyCounterparty(ctx: JobContext, reader: RowReader, customerId: string, customerName: string, values: CounterpartyValues, updating: boolean): Promise<void> {
  if (!Object.values(values).some((v) => v !== null)) return;
  const targets: PathTargets = [
    [['input', 'legalName'], reader.firstTarget(ImportField.LEGAL_NAME, ImportField.NAME)],
    [['input', 'taxId'], reader.target(ImportField.TAX_ID)],
    [['input', 'registrationNumber'], reader.target(ImportField.REGISTRATION_NUMBER)],
    [['input', 'bankAccounts'], reader.target(ImportField.IBAN)],
    [['input', 'customerId'], reader.target(ImportField.NAME)],
  ];
  const em = await ctx.em();
  let existing: Row | undefined;
  if (updating) {
    const customerUuid = fromGlobalId('Customer', customerId, ['input', 'customerId']);
    const taxId = values.taxId?.replace(/\s/g, '').toUpperCase() ?? null;
    const rows = await em.execute<Row[]>(
      `select id, bank_accounts from crm_counterparties where tenant_id = ? and customer_id = ? ${taxId ? 'and tax_id = ?' : ''}
        order by (valid_to is null) desc, valid_from desc nulls last, created_at desc limit 1`,
      taxId ? [ctx.tenantId, customerUuid, taxId] : [ctx.tenantId, customerUuid],
    );
    existing = rows[0];
  }
  if (!existing) {
    await mapped(targets, new Map(), () =>
      createCounterparty(ctx, {
        customerId,
        legalName: values.legalName ?? customerName,
        taxId: values.taxId,
        registrationNumber: values.registrationNumber,
        bankAccounts: values.iban ? [{ iban: values.iban }] : [],
      }),
    );
    return;
  }
  const accounts: BankAccountInput[] = Array.isArray(existing.bank_accounts) ? (existing.bank_accounts as BankAccountInput[]) : [];
  const input: UpdateCounterpartyInput = { id: toGlobalId('Counterparty', String(existing.id)) };
  if (values.legalName) input.legalName = values.legalName;
  if (values.registrationNumber) input.registrationNumber = values.registrationNumber;
  if (values.iban && !accounts.some((a) => a.iban === electronicFormatIBAN(values.iban ?? ''))) {
    input.bankAccounts = [...accounts.map((a) => ({ iban: a.iban, bic: a.bic ?? null, bankName: a.bankName ?? null, currency: a.currency ?? null })), { iban: values.iban }];
  }
  await mapped(targets, new Map(), () => updateCounterparty(ctx, input));
}

async function writeCustomer(ctx: JobContext, plan: Plan, row: CsvRow): Promise<RowOutcome> {
  const reader = new RowReader(plan, row);
  const targets: PathTargets = [];
  const customTargets = new Map<string, Target>();
  const name = reader.text(ImportField.NAME);
  const kind = reader.read(ImportField.KIND, readKind, ['input', 'kind']);
  const lifecycleStage = reader.read(ImportField.LIFECYCLE_STAGE, readLifecycleStage, ['input', 'lifecycleStage']);
  const email = reader.read(ImportField.EMAIL, readEmail, ['input', 'email']);
  const phone = reader.read(ImportField.PHONE, (text) => readPhone(text, plan.options.defaultCountry).number, ['input', 'phone']);
  const channel = reader.read(ImportField.SOURCE_CHANNEL, readSourceChannel, ['input', 'source', 'channel']);
  const customFields = await reader.customValues(ctx, targets, customTargets);
  reader.check();
  const domain = reader.text(ImportField.DOMAIN);
  const tags = reader.text(ImportField.TAGS);
  const utm = { utmSource: reader.text(ImportField.UTM_SOURCE), utmMedium: reader.text(ImportField.UTM_MEDIUM), utmCampaign: reader.text(ImportField.UTM_CAMPAIGN) };
  const counterparty: CounterpartyValues = {
    legalName: reader.text(ImportField.LEGAL_NAME),
    taxId: reader.text(ImportField.TAX_ID),
    registrationNumber: reader.text(ImportField.REGISTRATION_NUMBER),
    iban: reader.text(ImportField.IBAN),
  };
  const fields: [string, ImportField][] = [
    ['name', ImportField.NAME],
    ['kind', ImportField.KIND],
    ['lifecycleStage', ImportField.LIFECYCLE_STAGE],
    ['domain', ImportField.DOMAIN],
    ['email', ImportField.EMAIL],
    ['phone', ImportField.PHONE],
    ['tags', ImportField.TAGS],
  ];
  for (const [part, field] of fields) targets.push([['input', part], reader.target(field)]);
  targets.push(
    [['input', 'source'], reader.firstTarget(ImportField.SOURCE_CHANNEL, ImportField.UTM_SOURCE, ImportField.UTM_MEDIUM, ImportField.UTM_CAMPAIGN)],
    [['input', 'source', 'channel'], reader.target(ImportField.SOURCE_CHANNEL)],
    [['input', 'source', 'utmSource'], reader.target(ImportField.UTM_SOURCE)],
    [['input', 'source', 'utmMedium'], reader.target(ImportField.UTM_MEDIUM)],
    [['input', 'source', 'utmCampaign'], reader.target(ImportField.UTM_CAMPAIGN)],
    [['input', 'customFields'], NO_TARGET],
  );
  const sourceGiven = channel !== null || Object.values(utm).some((v) => v !== null);

  const existing = await findCustomer(ctx, plan.options.dedupeBy, { taxId: counterparty.taxId, email, phone });
  if (existing && plan.options.onDuplicate === ImportDuplicateAction.SKIP) return 'skipped';

  if (!existing) {
    const input: CreateCustomerInput = {
      kind: kind ?? CustomerKind.ORGANIZATION,
      // Left to the service's check when empty: REQUIRED on the name column.
      name: name ?? '',
      lifecycleStage,
      domain: domain === null ? null : readDomain(domain),
      email,
      phone,
      tags: tags === null ? undefined : splitList(tags),
      customFields: customFields.length > 0 ? customFields : undefined,
    };
    const address = reader.address(targets, null);
    if (address) input.address = address;
    if (sourceGiven) input.source = { channel, ...utm };
    const created = await mapped(targets, customTargets, () => createCustomer(ctx, input));
    await applyCounterparty(ctx, reader, created.id, created.name, counterparty, false);
    return 'created';
  }

  const globalId = toGlobalId('Customer', existing);
  const current = await getCustomer(ctx, globalId);
  const input: UpdateCustomerInput = { id: globalId };
  if (name) input.name = name;
  if (kind) input.kind = kind;
  if (lifecycleStage) input.lifecycleStage = lifecycleStage;
  if (domain) input.domain = readDomain(domain);
  if (email) input.email = email;
  if (phone) input.phone = phone;
  if (tags !== null) input.tags = [...current.tags, ...splitList(tags)];
  const address = reader.address(targets, current.address);
  if (address) input.address = address;
  if (sourceGiven) {
    // The source is replaced whole by the service: the parts the row leaves empty stay as they were.
    const source: CustomerSourceInput = {
      channel: channel ?? current.source.channel,
      utmSource: utm.utmSource ?? current.source.utmSource,
      utmMedium: utm.utmMedium ?? current.source.utmMedium,
      utmCampaign: utm.utmCampaign ?? current.source.utmCampaign,
      referredById: current.source.referredBy?.id ?? null,
    };
    input.source = source;
  }
  if (customFields.length > 0) input.customFields = customFields;
  const updated = await mapped(targets, customTargets, () => updateCustomer(ctx, input));
  await applyCounterparty(ctx, reader, updated.id, updated.name, counterparty, true);
  return 'updated';
}

// ---------------------------------------------------------------------------------------------
// Batches

interface Tally {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  errorCount: number;
  errors: ImportRowError[];
}

function emptyTally(): Tally {
  return { created: 0, updated: 0, skipped: 0, failed: 0, errorCount: 0, errors: [] };
}

/**
 * Writes each row in a savepoint through the same services as the API. A refused row is rolled back
 * to its savepoint and its unflushed entities are dropped from the EntityManager, so nothing of it
 * reaches the database, not even with a later row's flush. Deferred constraints are checked at the
 * end of each row, so a row the database would refuse at commit is refused on its own.
 */
async function writeRows(ctx: JobContext, plan: Plan, rows: CsvRow[]): Promise<Tally> {
  const em = await ctx.em();
  const tally = emptyTally();
  const write = plan.entity === ImportEntity.CONTACT ? writeContact : writeCustomer;
  for (const row of rows) {
    await em.execute('savepoint crm_import_row');
    try {
      const outcome = await write(ctx, plan, row);
      await em.execute('set constraints all immediate');
      await em.execute('set constraints all deferred');
      await em.execute('release savepoint crm_import_row');
      // Everything of the row is flushed: an empty identity map keeps each flush as cheap as the first.
      em.clear();
      tally[outcome] += 1;
    } catch (error) {
      await em.execute('rollback to savepoint crm_import_row');
      await em.execute('set constraints all deferred');
      em.clear();
      let problems: Omit<ImportRowError, 'row'>[];
      if (error instanceof RowRefused) problems = error.problems;
      else if (databaseRefusal(error)) problems = [{ ...NO_TARGET, path: [], reason: 'INVALID', message: 'The database refused the row' }];
      else throw error;
      tally.failed += 1;
      tally.errorCount += problems.length;
      tally.errors.push(...problems.map((p) => ({ row: row.line, ...p })));
    }
  }
  return tally;
}

/** Adds a batch to the import's counts (keeping the first 1,000 errors); false when the run is no longer current. */
async function saveProgress(em: EntityManager, plan: Plan, processed: number, tally: Tally): Promise<boolean> {
  const rows = await em.execute<Row[]>(
    `update crm_imports set processed = ?, created = created + ?, updated = updated + ?, skipped = skipped + ?, failed = failed + ?,
       error_count = error_count + ?,
       errors = (select coalesce(jsonb_agg(x.e order by x.n), '[]'::jsonb) from jsonb_array_elements(crm_imports.errors || ?::jsonb) with ordinality as x(e, n) where x.n <= ?),
       updated_at = now()
     where tenant_id = ? and id = ? and run = ? and status = ? returning id`,
    [processed, tally.created, tally.updated, tally.skipped, tally.failed, tally.errorCount, JSON.stringify(tally.errors.slice(0, MAX_KEPT_ERRORS)), MAX_KEPT_ERRORS, plan.tenantId, plan.importId, plan.run, ImportStatus.RUNNING],
  );
  return rows.length > 0;
}

/** The job context of a batch; the run waits while the CRM or a feature the mapping needs is off, and stops when its starter may no longer write. */
async function batchContext(app: App, em: EntityManager, plan: Plan, jobId: string): Promise<JobContext | 'paused'> {
  const ctx = await JobContext.open(app, em, plan.tenantId, plan.actor, jobId);
  if (!ctx.modules.isEnabled('CRM') || featuresOf(plan.mapping).some((feature) => !ctx.modules.isFeatureEnabled(feature))) return 'paused';
  if (!ctx.can('CRM:write')) throw new RunStopped('The member who started the import may no longer change the CRM');
  return ctx;
}

/**
 * A real run: each batch in its own tenant transaction, its rows and its progress committed
 * together. The batch starts where the committed progress says, so a run resumed after a crash
 * (or a second worker on the same job) never writes a row twice and never skips one. Batches of all
 * the company's imports take turns (an advisory lock), so two files deduplicate against each other.
 */
async function realRun(app: App, plan: Plan, rows: CsvRow[], jobId: string, hooks: ImportRunHooks): Promise<ImportOutcome> {
  for (;;) {
    const step = await inTenant(app.orm, plan.tenantId, null, async (em): Promise<{ kind: 'done' | 'stale' | 'paused' } | { kind: 'batch'; processed: number }> => {
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`crm-import:${plan.tenantId}`]);
      const state = (await em.execute<Row[]>('select status, run, processed from crm_imports where tenant_id = ? and id = ? for update', [plan.tenantId, plan.importId]))[0];
      if (!state || state.status !== ImportStatus.RUNNING || Number(state.run) !== plan.run) return { kind: 'stale' };
      const from = Number(state.processed);
      if (from >= rows.length) return { kind: 'done' };
      const ctx = await batchContext(app, em, plan, jobId);
      if (ctx === 'paused') return { kind: 'paused' };
      const batch = rows.slice(from, from + IMPORT_BATCH_SIZE);
      const tally = await writeRows(ctx, plan, batch);
      await saveProgress(em, plan, from + batch.length, tally);
      return { kind: 'batch', processed: from + batch.length };
    });
    if (step.kind !== 'batch') return step.kind;
    await hooks.afterBatch?.({ processed: step.processed, total: rows.length });
  }
}

/**
 * A dry run: every row goes through exactly what a real run does (services, savepoints, constraints,
 * duplicates against the rows before it) in one transaction that is rolled back at the end, so the
 * counts say what a real run would do and nothing is kept. Progress is committed beside it, batch by
 * batch. A dry run that crashed starts over: what it wrote went with its transaction.
 */
async function dryRun(app: App, plan: Plan, rows: CsvRow[], jobId: string, hooks: ImportRunHooks): Promise<ImportOutcome> {
  const scope = await TenantScope.open(app.orm, plan.tenantId, null);
  try {
    const ctx = await batchContext(app, scope.em, plan, jobId);
    if (ctx === 'paused') return 'paused';
    for (let from = 0; from < rows.length; from += IMPORT_BATCH_SIZE) {
      const batch = rows.slice(from, from + IMPORT_BATCH_SIZE);
      const tally = await writeRows(ctx, plan, batch);
      const current = await inTenant(app.orm, plan.tenantId, null, (em) => saveProgress(em, plan, from + batch.length, tally));
      if (!current) return 'stale';
      await hooks.afterBatch?.({ processed: from + batch.length, total: rows.length });
    }
    return 'done';
  } finally {
    await scope.rollback();
  }
}

function mappingOf(value: unknown): ImportColumnMapping[] {
  return Array.isArray(value) ? (value as ImportColumnMapping[]) : [];
}

function optionsOf(value: unknown): ImportOptions {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Partial<ImportOptions>;
  return { dedupeBy: record.dedupeBy ?? [], onDuplicate: record.onDuplicate ?? ImportDuplicateAction.SKIP, defaultCountry: record.defaultCountry ?? null, consentSource: record.consentSource ?? null };
}

/** Ends the run (DONE or FAILED) when it is still the current one. */
async function finishRun(app: App, job: ImportJob, status: ImportStatus.DONE | ImportStatus.FAILED, message: string | null): Promise<void> {
  await inTenant(app.orm, job.tenantId, null, (em) =>
    em.execute(
      `update crm_imports set status = ?, failure_message = ?, finished_at = now(), updated_at = now()
        where tenant_id = ? and id = ? and run = ? and status in (?, ?)`,
      [status, message, job.tenantId, job.importId, job.run, ImportStatus.QUEUED, ImportStatus.RUNNING],
    ),
  );
}

/** Marks the run FAILED (the job's last attempt failed); rows of committed batches stay. */
export function failImport(app: App, job: ImportJob, message: string): Promise<void> {
  return finishRun(app, job, ImportStatus.FAILED, message);
}

/**
 * Runs (or resumes) one import run: QUEUED becomes RUNNING, then batches until every row is handled.
 * A stale job (its run is over, or another started) does nothing; 'paused' asks the caller to
 * postpone the job while the CRM (or a feature the mapping needs) is off.
 */
export async function runImportJob(app: App, job: ImportJob, jobId: string, hooks: ImportRunHooks = {}): Promise<ImportOutcome> {
  const start = await inTenant(app.orm, job.tenantId, null, async (em) => {
    const row = (
      await em.execute<Row[]>(
        `select status, run, dry_run, entity, mapping, options, delimiter, run_by_id, run_by_api_key_id, csv_text
           from crm_imports where tenant_id = ? and id = ? for update`,
        [job.tenantId, job.importId],
      )
    )[0];
    if (!row || Number(row.run) !== job.run) return null;
    if (row.status === ImportStatus.QUEUED) {
      await em.execute('update crm_imports set status = ?, started_at = now(), updated_at = now() where tenant_id = ? and id = ?', [ImportStatus.RUNNING, job.tenantId, job.importId]);
    } else if (row.status === ImportStatus.RUNNING) {
      // Resumed. A dry run starts over (its writes went with its transaction); a real run goes on from `processed`.
      if (row.dry_run === true) {
        await em.execute(
          `update crm_imports set processed = 0, created = 0, updated = 0, skipped = 0, failed = 0, error_count = 0, errors = '[]'::jsonb, updated_at = now() where tenant_id = ? and id = ?`,
          [job.tenantId, job.importId],
        );
      }
    } else {
      return null;
    }
    const userId = row.run_by_id === null ? null : String(row.run_by_id);
    const apiKeyId = row.run_by_api_key_id === null ? null : String(row.run_by_api_key_id);
    const plan: Plan = {
      importId: job.importId,
      tenantId: job.tenantId,
      run: job.run,
      entity: String(row.entity) as ImportEntity,
      dryRun: row.dry_run === true,
      mapping: mappingOf(row.mapping),
      options: optionsOf(row.options),
      actor: userId ? { userId } : { apiKeyId: apiKeyId ?? '' },
    };
    return { plan, text: String(row.csv_text), delimiter: String(row.delimiter) };
  });
  if (!start) return 'stale';
  try {
    // Parsed at upload already: the same text parses the same way.
    const rows = parseCsv(start.text, start.delimiter).rows;
    const outcome = start.plan.dryRun ? await dryRun(app, start.plan, rows, jobId, hooks) : await realRun(app, start.plan, rows, jobId, hooks);
    if (outcome === 'done') await finishRun(app, job, ImportStatus.DONE, null);
    return outcome;
  } catch (error) {
    if (error instanceof ActorGoneError || error instanceof RunStopped) {
      await finishRun(app, job, ImportStatus.FAILED, error.message);
      return 'failed';
    }
    throw error;
  }
}

