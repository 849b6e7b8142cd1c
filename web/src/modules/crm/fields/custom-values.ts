import type { TFunction } from 'i18next';
import type { CustomFieldType, CustomFieldValueInput, CustomFieldsQuery } from '../../../gql/graphql.js';

/** One definition as the forms, cards and lists use it. */
export type CustomFieldDef = CustomFieldsQuery['customFields'][number];

/** A record's stored value of one field, as the API reads it (`customFields { key type text number date boolean options }`). */
export interface CustomFieldValueData {
  key: string;
  type: CustomFieldType;
  text?: string | null;
  number?: string | null;
  date?: string | null;
  boolean?: boolean | null;
  options: string[];
}

/**
 * One field while it is edited: text for TEXT, NUMBER, DECIMAL and DATE (YYYY-MM-DD; '' is none),
 * true/false for BOOLEAN (null: not set), an option key for SELECT (null: none), option keys for
 * MULTI_SELECT.
 */
export type CustomValue = string | boolean | string[] | null;

/** A form's custom values by field key. */
export type CustomValues = Record<string, CustomValue>;

/** The API's limits. */
export const TEXT_MAX = 2000;
export const DECIMAL_DIGITS = 30;
const WHOLE = /^-?\d+$/;
const DECIMAL = /^-?(\d+([.,]\d*)?|[.,]\d+)$/;

export function isSelectable(type: CustomFieldType): boolean {
  return type === 'SELECT' || type === 'MULTI_SELECT';
}

/** The value of a field nobody filled in. A required yes/no field starts at "no", so a new record has it. */
export function emptyCustomValue(field: Pick<CustomFieldDef, 'type' | 'required'>, creating = false): CustomValue {
  switch (field.type) {
    case 'BOOLEAN':
      return creating && field.required ? false : null;
    case 'SELECT':
      return null;
    case 'MULTI_SELECT':
      return [];
    default:
      return '';
  }
}

/** A stored value as the form edits it. */
export function customValueOf(field: Pick<CustomFieldDef, 'type' | 'required'>, stored: CustomFieldValueData | undefined): CustomValue {
  if (!stored) return emptyCustomValue(field);
  switch (field.type) {
    case 'TEXT':
      return stored.text ?? '';
    case 'NUMBER':
    case 'DECIMAL':
      return stored.number ?? '';
    case 'DATE':
      return stored.date ?? '';
    case 'BOOLEAN':
      return stored.boolean ?? null;
    case 'SELECT':
      return stored.options[0] ?? null;
    case 'MULTI_SELECT':
      return stored.options;
  }
}

/** The form's values for a record (its stored values), or for a new one (no `stored`). */
export function customFormValues(fields: CustomFieldDef[], stored?: CustomFieldValueData[] | null): CustomValues {
  const values: CustomValues = {};
  for (const field of fields) {
    values[field.key] = stored ? customValueOf(field, stored.find((value) => value.key === field.key)) : emptyCustomValue(field, true);
  }
  return values;
}

function text(value: CustomValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A number as typed ("1 250,5") as the API writes it ("1250.5"). */
export function normaliseNumber(value: string): string {
  let compact = value.replace(/[\s\u00a0\u202f']/g, '').replace(',', '.');
  if (compact.startsWith('.')) compact = `0${compact}`;
  if (compact.startsWith('-.')) compact = `-0${compact.slice(1)}`;
  return compact.endsWith('.') ? compact.slice(0, -1) : compact;
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

/** Whether the field has no value. */
export function isEmptyCustomValue(value: CustomValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** The API's check of one value, in the user's language; null when it is fine. */
export function customValueError(t: TFunction, field: CustomFieldDef, value: CustomValue | undefined, requireIt: boolean): string | null {
  if (isEmptyCustomValue(value)) return requireIt && field.required ? t('errors.reason.REQUIRED') : null;
  const typed = text(value);
  switch (field.type) {
    case 'TEXT':
      return typed.length > TEXT_MAX ? t('errors.reason.TOO_LONG', { max: TEXT_MAX }) : null;
    case 'NUMBER': {
      const number = normaliseNumber(typed);
      return WHOLE.test(number) && Math.abs(Number(number)) <= Number.MAX_SAFE_INTEGER ? null : t('fields.errors.wholeNumber');
    }
    case 'DECIMAL': {
      const number = normaliseNumber(typed);
      if (!DECIMAL.test(typed.replace(/[\s\u00a0\u202f']/g, '')) || number === '' || number === '-') return t('fields.errors.decimal');
      const digits = number.replace(/^-/, '').replace('.', '').replace(/^0+(?=\d)/, '').length;
      return digits > DECIMAL_DIGITS ? t('fields.errors.decimalDigits', { max: DECIMAL_DIGITS }) : null;
    }
    case 'DATE':
      return isCalendarDate(typed) ? null : t('fields.errors.date');
    case 'SELECT':
      return typeof value === 'string' && field.options.some((option) => option.key === value) ? null : t('errors.reason.INVALID_OPTION');
    case 'MULTI_SELECT':
      return Array.isArray(value) && value.every((key) => field.options.some((option) => option.key === key)) ? null : t('errors.reason.INVALID_OPTION');
    case 'BOOLEAN':
      return null;
  }
}

/**
 * The checks of every custom field, keyed by form path (`customFields.<key>`). As the API: a new
 * record needs every required field; an edit needs the required fields it changes.
 */
export function validateCustomValues(
  t: TFunction,
  fields: CustomFieldDef[],
  values: CustomValues,
  options: { creating: boolean; initial?: CustomValues; prefix?: string },
): Record<string, string | null> {
  const prefix = options.prefix ?? 'customFields';
  const errors: Record<string, string | null> = {};
  for (const field of fields) {
    const value = values[field.key];
    const touched = options.creating || !sameCustomValue(field, options.initial?.[field.key], value);
    errors[`${prefix}.${field.key}`] = customValueError(t, field, value, touched);
  }
  return errors;
}

/** The value as the API takes it: `{ key }` alone clears the field. */
export function customValueInput(field: CustomFieldDef, value: CustomValue | undefined): CustomFieldValueInput {
  const input: CustomFieldValueInput = { key: field.key };
  if (isEmptyCustomValue(value)) return input;
  switch (field.type) {
    case 'TEXT':
      input.text = text(value);
      break;
    case 'NUMBER':
    case 'DECIMAL':
      input.number = normaliseNumber(text(value));
      break;
    case 'DATE':
      input.date = text(value);
      break;
    case 'BOOLEAN':
      input.boolean = value === true;
      break;
    case 'SELECT':
      input.options = typeof value === 'string' ? [value] : [];
      break;
    case 'MULTI_SELECT':
      input.options = Array.isArray(value) ? value : [];
      break;
  }
  return input;
}

/** Two values of a field mean the same (spaces, "1,5" and "1.5", option order aside). */
export function sameCustomValue(field: CustomFieldDef, a: CustomValue | undefined, b: CustomValue | undefined): boolean {
  const left = customValueInput(field, a);
  const right = customValueInput(field, b);
  if (field.type === 'MULTI_SELECT') return JSON.stringify([...(left.options ?? [])].sort()) === JSON.stringify([...(right.options ?? [])].sort());
  return JSON.stringify(left) === JSON.stringify(right);
}

/** A new record's values: the fields that have one. */
export function createCustomFieldInputs(fields: CustomFieldDef[], values: CustomValues): CustomFieldValueInput[] {
  return fields.filter((field) => !isEmptyCustomValue(values[field.key])).map((field) => customValueInput(field, values[field.key]));
}

/** An edit's values: only the fields that changed (an emptied one is cleared); the others stay as they are. */
export function changedCustomFieldInputs(fields: CustomFieldDef[], initial: CustomValues, values: CustomValues): CustomFieldValueInput[] {
  return fields.filter((field) => !sameCustomValue(field, initial[field.key], values[field.key])).map((field) => customValueInput(field, values[field.key]));
}

/**
 * Where the API's `customFields.N…` errors land in the form: `{ 'customFields.0': 'customFields.budget' }`
 * for the inputs that were sent, so a refused value shows on its own field.
 */
export function customFieldErrorPaths(sent: CustomFieldValueInput[] | null | undefined, prefix = 'customFields'): Record<string, string> {
  const paths: Record<string, string> = {};
  (sent ?? []).forEach((input, index) => {
    paths[`customFields.${index}`] = `${prefix}.${input.key}`;
  });
  return paths;
}
