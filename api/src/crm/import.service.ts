import countries from 'i18n-iso-countries';
import { isSupportedCountry } from 'libphonenumber-js/max';
import type { CustomField } from '../../../schema/crm/custom-field.entity.js';
import { Import, ImportEntity, ImportStatus, type ImportColumnMapping, type ImportOptions, type ImportRowError } from '../../../schema/crm/import.entity.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { rowDate, rowText, type Row } from '../graphql/keyset.js';
import { decodeCursor, encodeCursor, lazy, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { featureOn, requireFeature } from '../platform/modules/feature-switch.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import { customFieldDefinitions } from './custom-field.service.js';
import { parseCsv, SAMPLE_ROWS } from './import-csv.js';
import { CUSTOM_FIELD_ENTITY, ENTITY_FIELDS, featuresOf, ImportDedupeKey, ImportDuplicateAction, ImportField, suggestMapping } from './import-fields.js';
import { IMPORT_QUEUE, importJobId, type ImportJob } from './import-runner.service.js';
import type { ImportColumnMappingNode, ImportNode, ImportRowErrorNode, RunImportInput } from './import.types.js';

const MAX_FILE_NAME = 255;

const COLUMNS = `t.id, t.entity, t.file_name, t.delimiter, t.headers, t.sample_rows, t.status, t.dry_run, t.mapping, t.options, t.total,
  t.processed, t.created, t.updated, t.skipped, t.failed, t.error_count, t.failure_message, t.created_by_id, t.created_at, t.queued_at,
  t.started_at, t.finished_at, ${USER_COLUMNS}`;
// The uploader, only while still a member (as customer owners).
const JOINS = `left join memberships m on m.tenant_id = t.tenant_id and m.user_id = t.created_by_id left join users u on u.id = m.user_id`;

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => String(v ?? '')) : [];
}

function mappingOf(value: unknown): ImportColumnMappingNode[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record: Record<string, unknown> = { ...entry };
    if (typeof record.column !== 'number' || typeof record.field !== 'string') return [];
    return [{ column: record.column, field: record.field as ImportField, customFieldKey: typeof record.customFieldKey === 'string' ? record.customFieldKey : null }];
  });
}

function optionsOf(value: unknown): ImportOptions {
  const record: Record<string, unknown> = typeof value === 'object' && value !== null ? { ...value } : {};
  return {
    dedupeBy: stringList(record.dedupeBy),
    onDuplicate: record.onDuplicate === ImportDuplicateAction.UPDATE ? ImportDuplicateAction.UPDATE : ImportDuplicateAction.SKIP,
    defaultCountry: typeof record.defaultCountry === 'string' ? record.defaultCountry : null,
    consentSource: typeof record.consentSource === 'string' ? record.consentSource : null,
  };
}

/** Refused values as stored (jsonb), never trusted blindly. */
export function rowErrorsOf(value: unknown): ImportRowError[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record: Record<string, unknown> = { ...entry };
    return [
      {
        row: Number(record.row ?? 0),
        column: typeof record.column === 'number' ? record.column : null,
        field: typeof record.field === 'string' ? record.field : null,
        customFieldKey: typeof record.customFieldKey === 'string' ? record.customFieldKey : null,
        path: stringList(record.path),
        reason: String(record.reason ?? 'INVALID'),
        message: String(record.message ?? ''),
      },
    ];
  });
}

function nullableDate(value: unknown): Date | null {
  return value === null || value === undefined ? null : rowDate(value);
}

function importNodeFromRow(row: Row): ImportNode {
  const options = optionsOf(row.options);
  return {
    id: toGlobalId('Import', String(row.id)),
    uuid: String(row.id),
    rowErrors: row.errors === undefined ? null : rowErrorsOf(row.errors),
    createdByUuid: rowText(row.created_by_id),
    entity: String(row.entity) as ImportEntity,
    fileName: String(row.file_name),
    delimiter: String(row.delimiter),
    headers: stringList(row.headers),
    sampleRows: Array.isArray(row.sample_rows) ? row.sample_rows.map(stringList) : [],
    status: String(row.status) as ImportStatus,
    dryRun: row.dry_run === true,
    mapping: mappingOf(row.mapping),
    dedupeBy: options.dedupeBy.filter((key): key is ImportDedupeKey => (Object.values(ImportDedupeKey) as string[]).includes(key)),
    onDuplicate: options.onDuplicate as ImportDuplicateAction,
    defaultCountry: options.defaultCountry,
    consentSource: options.consentSource,
    total: Number(row.total ?? 0),
    processed: Number(row.processed ?? 0),
    created: Number(row.created ?? 0),
    updated: Number(row.updated ?? 0),
    skipped: Number(row.skipped ?? 0),
    failed: Number(row.failed ?? 0),
    errorCount: Number(row.error_count ?? 0),
    failureMessage: rowText(row.failure_message),
    createdBy: userFromRow(row),
    createdAt: rowDate(row.created_at),
    queuedAt: nullableDate(row.queued_at),
    startedAt: nullableDate(row.started_at),
    finishedAt: nullableDate(row.finished_at),
  };
}

/**
 * Stores an uploaded file as a DRAFT import: parsed once here, so a file that is not CSV is refused
 * (and nothing stored) before anyone maps it. Returns the import's global id.
 */
export async function createImport(ctx: ServiceContext, entity: ImportEntity, fileName: string, text: string): Promise<string> {
  const name = checkText(fileName, ['name'], MAX_FILE_NAME);
  const parsed = parseCsv(text);
  const em = await ctx.em();
  const entry = em.create(Import, {
    tenantId: ctx.tenantId,
    entity,
    fileName: name,
    csvText: text,
    delimiter: parsed.delimiter,
    headers: parsed.headers,
    sampleRows: parsed.rows.slice(0, SAMPLE_ROWS).map((row) => row.cells),
    total: parsed.rows.length,
    createdById: ctx.principal?.userId ?? null,
    createdByApiKeyId: ctx.principal?.apiKeyId ?? null,
  });
  em.persist(entry);
  await em.flush();
  return toGlobalId('Import', entry.id);
}

export async function getImport(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<ImportNode> {
  const id = fromGlobalId('Import', globalId, path);
  const rows = await (await ctx.em()).execute<Row[]>(`select ${COLUMNS}, t.errors from crm_imports t ${JOINS} where t.tenant_id = ? and t.id = ?`, [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Import');
  return importNodeFromRow(row);
}

const ORDER = 'CREATED_AT:DESC';
// Sessions run in UTC, so keys end in +00 (as the list cursors of keyset.ts).
const TIMESTAMP_KEY = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** The company's imports, newest first. A list leaves out the refused values (`errors` reads them when asked). */
export async function listImports(ctx: ServiceContext, args: { first?: number | null; after?: string | null }): Promise<ConnectionResult<ImportNode>> {
  const first = pageSize(args.first);
  const em = await ctx.em();
  const params: unknown[] = [ctx.tenantId];
  let keyset = '';
  if (args.after) {
    const cursor = decodeCursor(args.after, ['after'], ORDER, TIMESTAMP_KEY);
    keyset = 'and (t.created_at, t.id) < (?::timestamptz, ?::uuid)';
    params.push(cursor.key, cursor.id);
  }
  const rows = await em.execute<Row[]>(
    `select ${COLUMNS}, t.created_at::text as __sort_key from crm_imports t ${JOINS}
      where t.tenant_id = ? ${keyset} order by t.created_at desc, t.id desc limit ?`,
    [...params, first + 1],
  );
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor({ order: ORDER, key: String(row.__sort_key), id: String(row.id) }), node: importNodeFromRow(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: !!args.after, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: lazy(async () => Number((await em.execute<Row[]>('select count(*)::int as n from crm_imports where tenant_id = ?', [ctx.tenantId]))[0]?.n ?? 0)),
  };
}

/** The custom fields a file of `entity` may fill in; none while the feature is off. */
export async function importableCustomFields(ctx: ServiceContext, entity: ImportEntity): Promise<CustomField[]> {
  return featureOn(ctx, 'CRM.customFields') ? customFieldDefinitions(ctx, CUSTOM_FIELD_ENTITY[entity]) : [];
}

export async function suggestedMapping(ctx: ServiceContext, node: ImportNode): Promise<ImportColumnMappingNode[]> {
  return suggestMapping(node.entity, node.headers, await importableCustomFields(ctx, node.entity)).map((m) => ({ ...m, field: m.field as ImportField }));
}

/** A run's refused values as a connection; the cursor is the position in the kept list. */
export async function importErrors(ctx: ServiceContext, node: ImportNode, args: { first?: number | null; after?: string | null }): Promise<ConnectionResult<ImportRowErrorNode>> {
  const first = pageSize(args.first);
  let errors = node.rowErrors;
  if (errors === null) {
    const rows = await (await ctx.em()).execute<Row[]>('select errors from crm_imports where tenant_id = ? and id = ?', [ctx.tenantId, node.uuid]);
    errors = rowErrorsOf(rows[0]?.errors);
  }
  let start = 0;
  if (args.after) start = Number(decodeCursor(args.after, ['after'], 'ERRORS', /^\d{1,7}$/).key) + 1;
  const page = errors.slice(start, start + first);
  const edges = page.map((error, i) => ({
    cursor: encodeCursor({ order: 'ERRORS', key: String(start + i), id: node.uuid }),
    node: { ...error, field: error.field as ImportField | null, columnName: error.column === null ? null : (node.headers[error.column] ?? null) },
  }));
  const all = errors;
  return {
    edges,
    pageInfo: { hasNextPage: start + first < all.length, hasPreviousPage: start > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: lazy(async () => all.length),
  };
}

// ---------------------------------------------------------------------------------------------
// Running

function problem(path: string[], message: string, reason: Parameters<typeof BadUserInputError.field>[2], params?: Record<string, string | number>): BadUserInputError {
  return BadUserInputError.field(path, message, reason, params);
}

/**
 * The mapping of a run, checked against the file and the company's fields: known columns, fields of
 * the file's entity, no column or field twice, the required fields there, custom fields that exist.
 */
async function checkMapping(ctx: ServiceContext, entity: ImportEntity, headers: string[], input: RunImportInput): Promise<ImportColumnMapping[]> {
  const allowed = ENTITY_FIELDS[entity];
  const definitions = input.mapping.some((m) => m.field === ImportField.CUSTOM_FIELD) ? await importableCustomFields(ctx, entity) : [];
  const columns = new Set<number>();
  const fields = new Set<string>();
  const mapping = input.mapping.map((entry, i): ImportColumnMapping => {
    const at = ['input', 'mapping', String(i)];
    if (!Number.isInteger(entry.column) || entry.column < 0 || entry.column >= headers.length) {
      throw problem([...at, 'column'], `the file has columns 0 to ${headers.length - 1}`, 'UNKNOWN_COLUMN', { max: headers.length - 1 });
    }
    if (columns.has(entry.column)) throw problem([...at, 'column'], `column ${entry.column} is mapped twice`, 'MAPPED_TWICE');
    columns.add(entry.column);
    if (!allowed.includes(entry.field)) throw problem([...at, 'field'], `${entry.field} is not a field of a ${entity.toLowerCase()}`, 'INVALID');
    let key: string | null = null;
    if (entry.field === ImportField.CUSTOM_FIELD) {
      requireFeature(ctx, 'CRM.customFields');
      key = entry.customFieldKey?.trim() || null;
      if (!key) throw problem([...at, 'customFieldKey'], 'name the custom field this column fills in', 'REQUIRED');
      if (!definitions.some((d) => d.key === key)) throw problem([...at, 'customFieldKey'], `no ${entity.toLowerCase()} field has the key ${key}`, 'UNKNOWN_FIELD');
    } else if (entry.customFieldKey) {
      throw problem([...at, 'customFieldKey'], 'only CUSTOM_FIELD takes a custom field key', 'INVALID');
    }
    const id = key ? `${entry.field}:${key}` : entry.field;
    if (fields.has(id)) throw problem([...at, 'field'], `${key ?? entry.field} is mapped twice`, 'MAPPED_TWICE');
    fields.add(id);
    return { column: entry.column, field: entry.field, customFieldKey: key };
  });
  const has = (field: ImportField): boolean => fields.has(field);
  if (entity === ImportEntity.CONTACT) {
    if (!has(ImportField.FIRST_NAME) && !has(ImportField.FULL_NAME)) throw problem(['input', 'mapping'], 'map a column to FIRST_NAME or FULL_NAME', 'REQUIRED', { field: ImportField.FIRST_NAME });
    if (has(ImportField.FULL_NAME) && (has(ImportField.FIRST_NAME) || has(ImportField.LAST_NAME))) {
      const index = input.mapping.findIndex((m) => m.field === ImportField.FULL_NAME);
      throw problem(['input', 'mapping', String(index), 'field'], 'FULL_NAME is split into first and last name: map it alone, or FIRST_NAME and LAST_NAME', 'INVALID');
    }
  } else if (!has(ImportField.NAME)) {
    throw problem(['input', 'mapping'], 'map a column to NAME', 'REQUIRED', { field: ImportField.NAME });
  }
  for (const feature of featuresOf(mapping)) requireFeature(ctx, feature);
  return mapping;
}

function checkOptions(entity: ImportEntity, mapping: ImportColumnMapping[], input: RunImportInput): ImportOptions {
  const mapped = (...fields: ImportField[]): boolean => mapping.some((m) => (fields as string[]).includes(m.field));
  const dedupeBy = [...new Set(input.dedupeBy)];
  dedupeBy.forEach((key, i) => {
    const at = ['input', 'dedupeBy', String(i)];
    if (key === ImportDedupeKey.TAX_ID && entity !== ImportEntity.CUSTOMER) throw problem(at, 'people are matched by email or phone', 'INVALID');
    const needs = key === ImportDedupeKey.EMAIL ? [ImportField.EMAIL, ImportField.EMAIL_2] : key === ImportDedupeKey.PHONE ? [ImportField.PHONE, ImportField.PHONE_2] : [ImportField.TAX_ID];
    if (!mapped(...needs)) throw problem(at, `map a column to ${needs.join(' or ')} to match rows by it`, 'REQUIRED', { field: needs[0] ?? key });
  });
  const defaultCountry = input.defaultCountry?.trim().toUpperCase() || null;
  if (defaultCountry !== null && !(countries.isValid(defaultCountry) && isSupportedCountry(defaultCountry))) {
    throw problem(['input', 'defaultCountry'], 'is not an ISO 3166-1 alpha-2 country code such as RO', 'INVALID_COUNTRY');
  }
  const consentSource = checkOptionalText(input.consentSource, ['input', 'consentSource'], 200);
  if (mapped(ImportField.EMAIL_CONSENT, ImportField.SMS_CONSENT) && !consentSource) {
    throw problem(['input', 'consentSource'], 'say how the consent in the file was given', 'REQUIRED');
  }
  return { dedupeBy, onDuplicate: input.onDuplicate, defaultCountry, consentSource };
}

/**
 * Starts a run: the mapping and options are checked and kept, the counts start from zero, and a job
 * on the `import` queue does the work once this request commits. A run already under way is a
 * CONFLICT; so is a file already imported for real (a DONE dry run may be run again, for real).
 */
export async function runImport(ctx: RequestContext, input: RunImportInput): Promise<ImportNode> {
  const id = fromGlobalId('Import', input.id, ['input', 'id']);
  const em = await ctx.em();
  // Locked: two runImport calls at once cannot both start a run.
  const rows = await em.execute<Row[]>('select entity, status, dry_run, processed, headers, run from crm_imports where tenant_id = ? and id = ? for update', [ctx.tenantId, id]);
  const current = rows[0];
  if (!current) throw new NotFoundError('Import');
  const status = String(current.status) as ImportStatus;
  if (status === ImportStatus.QUEUED || status === ImportStatus.RUNNING) throw new ConflictError('This import is already running', ['input', 'id'], 'IMPORT_RUNNING');
  // A real run that wrote rows is not started over: it would write them again.
  if (current.dry_run !== true && (status === ImportStatus.DONE || (status === ImportStatus.FAILED && Number(current.processed) > 0))) {
    throw new ConflictError('This file was already imported; upload it again to import it once more', ['input', 'id'], 'ALREADY_IMPORTED');
  }
  const entity = String(current.entity) as ImportEntity;
  const mapping = await checkMapping(ctx, entity, stringList(current.headers), input);
  const options = checkOptions(entity, mapping, input);
  const run = Number(current.run ?? 0) + 1;
  await em.execute(
    `update crm_imports set status = ?, dry_run = ?, mapping = ?::jsonb, options = ?::jsonb, run = ?, processed = 0, created = 0, updated = 0,
       skipped = 0, failed = 0, error_count = 0, errors = '[]'::jsonb, failure_message = null, run_by_id = ?, run_by_api_key_id = ?,
       queued_at = now(), started_at = null, finished_at = null, updated_at = now()
     where tenant_id = ? and id = ?`,
    [ImportStatus.QUEUED, input.dryRun, JSON.stringify(mapping), JSON.stringify(options), run, ctx.principal?.userId ?? null, ctx.principal?.apiKeyId ?? null, ctx.tenantId, id],
  );
  const job: ImportJob = { tenantId: ctx.tenantId, importId: id, run };
  ctx.afterCommit(async () => {
    await ctx.app.jobs.add(IMPORT_QUEUE, 'import', job, { jobId: importJobId(id, run) });
  });
  return getImport(ctx, input.id, ['input', 'id']);
}
