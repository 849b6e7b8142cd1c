import { Decimal } from 'decimal.js';
import { CustomField, CustomFieldEntity, CustomFieldType, type CustomFieldOption } from '../../../schema/crm/custom-field.entity.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { likePattern, placeholders, type Row, type SqlCondition, type SortKey } from '../graphql/keyset.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { featureOn, requireFeature } from '../platform/modules/feature-switch.js';
import type {
  CreateCustomFieldInput,
  CustomFieldFilter,
  CustomFieldNode,
  CustomFieldOptionInput,
  CustomFieldValueInput,
  CustomFieldValueNode,
  UpdateCustomFieldInput,
} from './custom-field.types.js';

/** The table whose `custom_fields` column holds each entity's values. */
const TABLES: Record<CustomFieldEntity, string> = {
  [CustomFieldEntity.CUSTOMER]: 'crm_customers',
  [CustomFieldEntity.CONTACT]: 'crm_contacts',
  [CustomFieldEntity.DEAL]: 'crm_deals',
};

/** Keys are inlined in sort expressions, so they are held to this shape everywhere. */
const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_FIELDS = 100;
const MAX_OPTIONS = 200;
const TEXT_MAX = 2_000;
const DECIMAL_DIGITS = 30;

export type CustomValues = Record<string, unknown>;

/** Definitions are read once per request (or job) and forgotten when one changes. */
const definitionCache = new WeakMap<ServiceContext, Map<CustomFieldEntity, Promise<CustomField[]>>>();

export function customFieldDefinitions(ctx: ServiceContext, entity: CustomFieldEntity): Promise<CustomField[]> {
  let byEntity = definitionCache.get(ctx);
  if (!byEntity) definitionCache.set(ctx, (byEntity = new Map()));
  let found = byEntity.get(entity);
  if (!found) {
    found = ctx.em().then((em) => em.find(CustomField, { tenantId: ctx.tenantId, entity }, { orderBy: { position: 'asc', key: 'asc' } }));
    byEntity.set(entity, found);
  }
  return found;
}

function toNode(field: CustomField): CustomFieldNode {
  return {
    id: toGlobalId('CustomField', field.id),
    entity: field.entity,
    key: field.key,
    label: field.label,
    type: field.type,
    options: field.options,
    required: field.required,
    position: field.position,
  };
}

export async function listCustomFields(ctx: ServiceContext, entity: CustomFieldEntity | null | undefined): Promise<CustomFieldNode[]> {
  const entities = entity ? [entity] : Object.values(CustomFieldEntity);
  const lists = await Promise.all(entities.map((e) => customFieldDefinitions(ctx, e)));
  return lists.flat().map(toNode);
}

function checkKey(value: string, path: string[]): string {
  const key = value.trim();
  if (!KEY.test(key)) throw BadUserInputError.field(path, 'must be lower-case letters, digits and _, starting with a letter (at most 40)', 'INVALID');
  return key;
}

function checkOptions(type: CustomFieldType, options: CustomFieldOptionInput[] | null | undefined, path: string[]): CustomFieldOption[] {
  const selectable = type === CustomFieldType.SELECT || type === CustomFieldType.MULTI_SELECT;
  const list = options ?? [];
  if (!selectable) {
    if (list.length > 0) throw BadUserInputError.field(path, 'only SELECT and MULTI_SELECT fields have options', 'INVALID');
    return [];
  }
  if (list.length === 0) throw BadUserInputError.field(path, 'a choice needs at least one option', 'REQUIRED');
  if (list.length > MAX_OPTIONS) throw BadUserInputError.field(path, `must be at most ${MAX_OPTIONS} options`, 'TOO_MANY', { max: MAX_OPTIONS });
  const seen = new Set<string>();
  return list.map((option, i) => {
    const key = checkKey(option.key, [...path, String(i), 'key']);
    if (seen.has(key)) throw BadUserInputError.field([...path, String(i), 'key'], 'is used by another option', 'ALREADY_EXISTS');
    seen.add(key);
    return { key, label: checkText(option.label, [...path, String(i), 'label'], 100) };
  });
}

function forget(ctx: ServiceContext): void {
  definitionCache.delete(ctx);
}

export async function createCustomField(ctx: ServiceContext, input: CreateCustomFieldInput): Promise<CustomFieldNode> {
  const key = checkKey(input.key, ['input', 'key']);
  const label = checkText(input.label, ['input', 'label'], 100);
  const options = checkOptions(input.type, input.options, ['input', 'options']);
  const existing = await customFieldDefinitions(ctx, input.entity);
  if (existing.some((f) => f.key === key)) throw new ConflictError(`A ${input.entity.toLowerCase()} field with key ${key} exists`, ['input', 'key'], 'ALREADY_EXISTS');
  if (existing.length >= MAX_FIELDS) throw BadUserInputError.field(['input', 'key'], `at most ${MAX_FIELDS} fields per record type`, 'TOO_MANY', { max: MAX_FIELDS });
  const em = await ctx.em();
  const field = em.create(CustomField, {
    tenantId: ctx.tenantId,
    entity: input.entity,
    key,
    label,
    type: input.type,
    options,
    required: input.required,
    position: existing.reduce((max, f) => Math.max(max, f.position + 1), 0),
  });
  em.persist(field);
  await em.flush();
  forget(ctx);
  return toNode(field);
}

async function getField(ctx: ServiceContext, globalId: string): Promise<CustomField> {
  const id = fromGlobalId('CustomField', globalId, ['input', 'id']);
  const field = await (await ctx.em()).findOne(CustomField, { tenantId: ctx.tenantId, id });
  if (!field) throw new NotFoundError('CustomField');
  return field;
}

/** How many records of the field's entity hold one of `optionKeys`. */
async function recordsUsingOptions(ctx: ServiceContext, field: CustomField, optionKeys: string[]): Promise<number> {
  if (optionKeys.length === 0) return 0;
  const holder =
    field.type === CustomFieldType.SELECT
      ? `(custom_fields ->> ?) in (${placeholders(optionKeys.length)})`
      : `jsonb_exists_any(custom_fields -> ?, array[${placeholders(optionKeys.length)}]::text[])`;
  const rows = await (await ctx.em()).execute<Row[]>(`select count(*)::int as n from ${TABLES[field.entity]} where tenant_id = ? and ${holder}`, [ctx.tenantId, field.key, ...optionKeys]);
  return Number(rows[0]?.n ?? 0);
}

export async function updateCustomField(ctx: ServiceContext, input: UpdateCustomFieldInput): Promise<CustomFieldNode> {
  const field = await getField(ctx, input.id);
  if (input.label !== undefined && input.label !== null) field.label = checkText(input.label, ['input', 'label'], 100);
  if (input.options !== undefined && input.options !== null) {
    const options = checkOptions(field.type, input.options, ['input', 'options']);
    const removed = field.options.map((o) => o.key).filter((key) => !options.some((o) => o.key === key));
    const using = await recordsUsingOptions(ctx, field, removed);
    // Removing an option would silently empty the records holding it.
    if (using > 0) throw new ConflictError(`${using} records use the removed options ${removed.join(', ')}`, ['input', 'options'], 'IN_USE', { count: using });
    field.options = options;
  }
  if (input.required !== undefined && input.required !== null) field.required = input.required;
  if (input.position !== undefined && input.position !== null) field.position = input.position;
  await (await ctx.em()).flush();
  forget(ctx);
  return toNode(field);
}

/** Deletes the field and its values; refused while a saved segment filters by it. */
export async function deleteCustomField(ctx: ServiceContext, globalId: string): Promise<string> {
  const field = await getField(ctx, globalId);
  const em = await ctx.em();
  const segments = await em.execute<Row[]>(
    // Custom field conditions are the only objects with a "key" in a stored filter (jsonb prints `"key": "…"`);
    // a contact segment may hold its customer's conditions too, so any entity counts.
    `select name from crm_segments where tenant_id = ? and filter::text like ? order by lower(name) limit 5`,
    [ctx.tenantId, `%"key": ${JSON.stringify(field.key)}%`],
  );
  if (segments.length > 0) {
    throw new ConflictError(`Segments filter by this field: ${segments.map((s) => String(s.name)).join(', ')}`, ['input', 'id'], 'IN_USE', { count: segments.length });
  }
  await em.execute(`update ${TABLES[field.entity]} set custom_fields = custom_fields - ? where tenant_id = ? and custom_fields -> ? is not null`, [field.key, ctx.tenantId, field.key]);
  em.remove(field);
  await em.flush();
  forget(ctx);
  return globalId;
}

// ---------------------------------------------------------------------------------------------
// Values

/** Which input member a field type reads. */
const MEMBER: Record<CustomFieldType, keyof Omit<CustomFieldValueInput, 'key'>> = {
  [CustomFieldType.TEXT]: 'text',
  [CustomFieldType.NUMBER]: 'number',
  [CustomFieldType.DECIMAL]: 'number',
  [CustomFieldType.DATE]: 'date',
  [CustomFieldType.BOOLEAN]: 'boolean',
  [CustomFieldType.SELECT]: 'options',
  [CustomFieldType.MULTI_SELECT]: 'options',
};
const MEMBERS = ['text', 'number', 'date', 'boolean', 'options'] as const;

function checkOption(field: CustomField, key: string, path: string[]): string {
  if (!field.options.some((o) => o.key === key)) throw BadUserInputError.field(path, `is not an option of ${field.key}`, 'INVALID_OPTION');
  return key;
}

/** The stored form of one value, or undefined to clear it. */
function storedValue(field: CustomField, input: CustomFieldValueInput, path: string[]): unknown {
  const member = MEMBER[field.type];
  for (const other of MEMBERS) {
    if (other !== member && input[other] !== undefined && input[other] !== null) {
      throw BadUserInputError.field([...path, other], `${field.key} is a ${field.type} field: give \`${member}\``, 'INVALID');
    }
  }
  switch (field.type) {
    case CustomFieldType.TEXT:
      return checkOptionalText(input.text, [...path, 'text'], TEXT_MAX) ?? undefined;
    case CustomFieldType.NUMBER: {
      if (!input.number) return undefined;
      if (!input.number.isInteger() || input.number.abs().gt(Number.MAX_SAFE_INTEGER)) {
        throw BadUserInputError.field([...path, 'number'], `must be a whole number up to ${Number.MAX_SAFE_INTEGER}`, 'INVALID');
      }
      return input.number.toNumber();
    }
    case CustomFieldType.DECIMAL: {
      if (!input.number) return undefined;
      if (input.number.precision(true) > DECIMAL_DIGITS) throw BadUserInputError.field([...path, 'number'], `must have at most ${DECIMAL_DIGITS} digits`, 'INVALID');
      return input.number.toFixed();
    }
    case CustomFieldType.DATE:
      return input.date ?? undefined;
    case CustomFieldType.BOOLEAN:
      return input.boolean ?? undefined;
    case CustomFieldType.SELECT: {
      const options = input.options ?? [];
      if (options.length > 1) throw BadUserInputError.field([...path, 'options'], `${field.key} takes one option`, 'TOO_MANY', { max: 1 });
      return options[0] === undefined ? undefined : checkOption(field, options[0], [...path, 'options', '0']);
    }
    case CustomFieldType.MULTI_SELECT: {
      const options = [...new Set(input.options ?? [])];
      options.forEach((key, i) => checkOption(field, key, [...path, 'options', String(i)]));
      return options.length === 0 ? undefined : options;
    }
  }
}

/**
 * The record's custom values after `input`: only the keys given change; required fields must end
 * up with a value (on create every required field, on update the ones touched).
 */
export async function applyCustomValues(
  ctx: ServiceContext,
  entity: CustomFieldEntity,
  current: CustomValues,
  input: CustomFieldValueInput[] | null | undefined,
  creating: boolean,
  path: string[] = ['input', 'customFields'],
): Promise<CustomValues> {
  const definitions = await customFieldDefinitions(ctx, entity);
  const next: CustomValues = { ...current };
  const touched = new Set<string>();
  (input ?? []).forEach((value, i) => {
    const at = [...path, String(i)];
    const field = definitions.find((f) => f.key === value.key);
    if (!field) throw BadUserInputError.field([...at, 'key'], `no ${entity.toLowerCase()} field has the key ${value.key}`, 'UNKNOWN_FIELD');
    if (touched.has(field.key)) throw BadUserInputError.field([...at, 'key'], `${field.key} is given twice`, 'INVALID');
    touched.add(field.key);
    const stored = storedValue(field, value, at);
    if (stored === undefined) delete next[field.key];
    else next[field.key] = stored;
  });
  for (const field of definitions) {
    if (field.required && (creating || touched.has(field.key)) && next[field.key] === undefined) {
      const index = (input ?? []).findIndex((v) => v.key === field.key);
      throw BadUserInputError.field(index >= 0 ? [...path, String(index)] : path, `${field.label} is required`, 'REQUIRED', { field: field.key });
    }
  }
  return next;
}

/**
 * A record's custom values after a create or update input. With the feature switched off, giving
 * any is MODULE_DISABLED and nothing is required (the values stay for when it is back on).
 */
export async function customValuesFor(
  ctx: ServiceContext,
  entity: CustomFieldEntity,
  current: CustomValues,
  input: CustomFieldValueInput[] | null | undefined,
  creating: boolean,
): Promise<CustomValues> {
  if (input?.length) requireFeature(ctx, 'CRM.customFields');
  else if (!featureOn(ctx, 'CRM.customFields')) return current;
  return applyCustomValues(ctx, entity, current, input, creating);
}

/** The jsonb custom values of a row (pg parses jsonb), never null. */
export function customValuesOf(value: unknown): CustomValues {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as CustomValues) : {};
}

/** The values of a record as GraphQL nodes, in the fields' order; fields without a value are left out. */
export function customValueNodes(definitions: CustomField[], values: CustomValues): CustomFieldValueNode[] {
  return definitions.flatMap((field) => {
    const value = values[field.key];
    if (value === undefined || value === null) return [];
    const node: CustomFieldValueNode = { key: field.key, type: field.type, text: null, number: null, date: null, boolean: null, options: [] };
    switch (field.type) {
      case CustomFieldType.TEXT:
        node.text = String(value);
        break;
      case CustomFieldType.NUMBER:
      case CustomFieldType.DECIMAL:
        node.number = new Decimal(String(value));
        break;
      case CustomFieldType.DATE:
        node.date = String(value);
        break;
      case CustomFieldType.BOOLEAN:
        node.boolean = value === true;
        break;
      case CustomFieldType.SELECT:
        node.options = [String(value)];
        break;
      case CustomFieldType.MULTI_SELECT:
        node.options = Array.isArray(value) ? value.map(String) : [];
        break;
    }
    return [node];
  });
}

// ---------------------------------------------------------------------------------------------
// Filters and sort

function parseNumber(field: CustomField, text: string, path: string[]): string {
  try {
    const value = new Decimal(text.trim());
    if (!value.isFinite()) throw new Error('not finite');
    return value.toFixed();
  } catch {
    throw BadUserInputError.field(path, `${field.key} compares numbers: "${text}" is not one`, 'INVALID');
  }
}

function parseDate(field: CustomField, text: string, path: string[]): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.getUTCDate() !== Number(match[3])) throw BadUserInputError.field(path, `${field.key} compares dates written YYYY-MM-DD`, 'INVALID');
  return text.trim();
}

function typedValue(field: CustomField, text: string, path: string[]): string {
  switch (field.type) {
    case CustomFieldType.NUMBER:
    case CustomFieldType.DECIMAL:
      return parseNumber(field, text, path);
    case CustomFieldType.DATE:
      return parseDate(field, text, path);
    case CustomFieldType.BOOLEAN:
      if (text !== 'true' && text !== 'false') throw BadUserInputError.field(path, `${field.key} is true or false`, 'INVALID');
      return text;
    case CustomFieldType.SELECT:
    case CustomFieldType.MULTI_SELECT:
      return checkOption(field, text, path);
    case CustomFieldType.TEXT:
      return text;
  }
}

/** SQL conditions for `customFields` filters over the record alias `t`. */
export async function customFieldConditions(ctx: ServiceContext, entity: CustomFieldEntity, filters: CustomFieldFilter[], path: string[]): Promise<SqlCondition[]> {
  const definitions = await customFieldDefinitions(ctx, entity);
  const conditions: SqlCondition[] = [];
  filters.forEach((filter, i) => {
    const at = [...path, String(i)];
    const field = definitions.find((f) => f.key === filter.key);
    if (!field) throw BadUserInputError.field([...at, 'key'], `no ${entity.toLowerCase()} field has the key ${filter.key}`, 'UNKNOWN_FIELD');
    const key = field.key;
    const numeric = field.type === CustomFieldType.NUMBER || field.type === CustomFieldType.DECIMAL;
    const cast = numeric ? 'numeric' : 'date';
    if (filter.isSet === true) conditions.push({ sql: '(t.custom_fields -> ?) is not null', params: [key] });
    if (filter.isSet === false) conditions.push({ sql: '(t.custom_fields -> ?) is null', params: [key] });
    if (filter.equals !== undefined && filter.equals !== null) {
      const value = typedValue(field, filter.equals, [...at, 'equals']);
      if (field.type === CustomFieldType.TEXT) conditions.push({ sql: 'lower(t.custom_fields ->> ?) = lower(?)', params: [key, value] });
      else if (numeric || field.type === CustomFieldType.DATE) conditions.push({ sql: `(t.custom_fields ->> ?)::${cast} = ?::${cast}`, params: [key, value] });
      else if (field.type === CustomFieldType.BOOLEAN) conditions.push({ sql: '(t.custom_fields -> ?) = ?::jsonb', params: [key, value] });
      // Containment uses the GIN index.
      else conditions.push({ sql: 't.custom_fields @> ?::jsonb', params: [JSON.stringify({ [key]: field.type === CustomFieldType.MULTI_SELECT ? [value] : value })] });
    }
    if (filter.in?.length) {
      const values = filter.in.map((v, j) => typedValue(field, v, [...at, 'in', String(j)]));
      if (field.type === CustomFieldType.MULTI_SELECT) conditions.push({ sql: `jsonb_exists_any(t.custom_fields -> ?, array[${placeholders(values.length)}]::text[])`, params: [key, ...values] });
      else if (field.type === CustomFieldType.TEXT) conditions.push({ sql: `lower(t.custom_fields ->> ?) in (${values.map(() => 'lower(?)').join(', ')})`, params: [key, ...values] });
      else if (numeric || field.type === CustomFieldType.DATE) conditions.push({ sql: `(t.custom_fields ->> ?)::${cast} in (${values.map(() => `?::${cast}`).join(', ')})`, params: [key, ...values] });
      else conditions.push({ sql: `(t.custom_fields ->> ?) in (${placeholders(values.length)})`, params: [key, ...values] });
    }
    for (const bound of ['min', 'max'] as const) {
      const raw = filter[bound];
      if (raw === undefined || raw === null) continue;
      if (!numeric && field.type !== CustomFieldType.DATE) throw BadUserInputError.field([...at, bound], `${field.key} is not a number or a date`, 'INVALID');
      const value = typedValue(field, raw, [...at, bound]);
      conditions.push({ sql: `(t.custom_fields ->> ?)::${cast} ${bound === 'min' ? '>=' : '<='} ?::${cast}`, params: [key, value] });
    }
    if (filter.contains !== undefined && filter.contains !== null) {
      if (field.type !== CustomFieldType.TEXT) throw BadUserInputError.field([...at, 'contains'], `${field.key} is not a text field`, 'INVALID');
      conditions.push({ sql: '(t.custom_fields ->> ?) ilike ?', params: [key, likePattern(filter.contains)] });
    }
  });
  return conditions;
}

/** A keyset sort over one custom field; empty values come last when ascending. */
export async function customFieldSort(ctx: ServiceContext, entity: CustomFieldEntity, key: string | null | undefined, path: string[]): Promise<SortKey> {
  if (!key) throw BadUserInputError.field(path, 'name the custom field to sort by', 'REQUIRED');
  const field = (await customFieldDefinitions(ctx, entity)).find((f) => f.key === key);
  if (!field) throw BadUserInputError.field(path, `no ${entity.toLowerCase()} field has the key ${key}`, 'UNKNOWN_FIELD');
  // The key matched a stored definition, whose keys hold to KEY: safe to inline.
  const json = `t.custom_fields ->> '${field.key}'`;
  const name = `CF_${field.key}`;
  switch (field.type) {
    case CustomFieldType.NUMBER:
    case CustomFieldType.DECIMAL:
      return { name, expr: `coalesce((${json})::numeric, 'NaN')`, cast: 'numeric' };
    case CustomFieldType.DATE:
      return { name, expr: `coalesce((${json})::date, 'infinity')`, cast: 'date' };
    case CustomFieldType.MULTI_SELECT:
      throw BadUserInputError.field(path, 'a multi-select field cannot be sorted by', 'INVALID');
    default:
      return { name, expr: `lower(coalesce(${json}, ''))`, cast: 'text' };
  }
}
