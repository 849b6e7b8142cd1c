import type { TFunction } from 'i18next';
import type { CreateCustomFieldInput, CustomFieldEntity, CustomFieldOptionInput, CustomFieldType, UpdateCustomFieldInput } from '../../../gql/graphql.js';
import { required } from '../../../lib/validators.js';
import { keyError, keyFromLabel, LABEL_MAX, MAX_OPTIONS, uniqueKey } from './custom-field-key.js';
import { isSelectable, type CustomFieldDef } from './custom-values.js';

export const FIELD_TYPES: CustomFieldType[] = ['TEXT', 'NUMBER', 'DECIMAL', 'DATE', 'BOOLEAN', 'SELECT', 'MULTI_SELECT'];

export function isFieldType(value: string | null): value is CustomFieldType {
  return FIELD_TYPES.some((type) => type === value);
}

export interface OptionRow {
  /** Identifies the row while it is edited (rows move and go). */
  row: string;
  /** The stored key of an existing option; '' for a new one (made from its label on save). */
  key: string;
  label: string;
}

/** What the field dialog edits; names match the API's input, so its errors land on the right field. */
export interface FieldFormValues {
  label: string;
  key: string;
  /** The key was typed: it no longer follows the label. */
  keyTyped: boolean;
  type: CustomFieldType;
  required: boolean;
  options: OptionRow[];
}

let rows = 0;
export function optionRow(key = '', label = ''): OptionRow {
  rows += 1;
  return { row: `option-${rows}`, key, label };
}

export function emptyField(): FieldFormValues {
  return { label: '', key: '', keyTyped: false, type: 'TEXT', required: false, options: [optionRow()] };
}

export function fieldFormValues(field: CustomFieldDef): FieldFormValues {
  return { label: field.label, key: field.key, keyTyped: true, type: field.type, required: field.required, options: field.options.map((option) => optionRow(option.key, option.label)) };
}

/** The API's checks, before a round trip; `taken` are the keys of the record type's other fields. */
export function validateField(t: TFunction, values: FieldFormValues, creating: boolean, taken: ReadonlySet<string>): Record<string, string | null> {
  const errors: Record<string, string | null> = { label: required(t, LABEL_MAX)(values.label) };
  if (creating) {
    const key = values.key.trim();
    errors.key = keyError(t, key) ?? (taken.has(key) ? t('fields.errors.keyTaken') : null);
  }
  if (isSelectable(values.type)) {
    const filled = values.options.filter((option) => option.label.trim() !== '' || option.key !== '');
    errors.options = filled.length === 0 ? t('fields.errors.noOptions') : filled.length > MAX_OPTIONS ? t('errors.reason.TOO_MANY', { max: MAX_OPTIONS }) : null;
    const labels = new Set<string>();
    values.options.forEach((option, index) => {
      const label = option.label.trim().toLowerCase();
      const empty = option.label.trim() === '';
      // An empty new row is left out; an existing option keeps a label.
      errors[`options.${index}.label`] = empty && option.key === '' ? null : required(t, LABEL_MAX)(option.label) ?? (labels.has(label) ? t('fields.errors.optionTwice') : null);
      labels.add(label);
    });
  }
  return errors;
}

/** The options as the API takes them: empty new rows dropped, new ones keyed from their label. */
export function optionsInput(options: OptionRow[]): CustomFieldOptionInput[] {
  const kept = options.filter((option) => option.key !== '' || option.label.trim() !== '');
  const taken = new Set(kept.map((option) => option.key).filter((key) => key !== ''));
  return kept.map((option) => {
    if (option.key !== '') return { key: option.key, label: option.label.trim() };
    const key = uniqueKey(keyFromLabel(option.label, 'option') || 'option', taken);
    taken.add(key);
    return { key, label: option.label.trim() };
  });
}

/**
 * Where the API's `options.N…` errors land: the sent options skip empty new rows, the form's do not.
 */
export function optionErrorPaths(options: OptionRow[]): Record<string, string> {
  const paths: Record<string, string> = {};
  let sent = 0;
  options.forEach((option, index) => {
    if (option.key === '' && option.label.trim() === '') return;
    paths[`options.${sent}`] = `options.${index}`;
    sent += 1;
  });
  return paths;
}

export function createFieldInput(entity: CustomFieldEntity, values: FieldFormValues): CreateCustomFieldInput {
  const input: CreateCustomFieldInput = { entity, key: values.key.trim(), label: values.label.trim(), type: values.type, required: values.required };
  if (isSelectable(values.type)) input.options = optionsInput(values.options);
  return input;
}

/** Only what changed; null when nothing did. */
export function changedFieldInput(field: CustomFieldDef, values: FieldFormValues): UpdateCustomFieldInput | null {
  const input: UpdateCustomFieldInput = { id: field.id };
  let changed = false;
  if (values.label.trim() !== field.label) {
    input.label = values.label.trim();
    changed = true;
  }
  if (values.required !== field.required) {
    input.required = values.required;
    changed = true;
  }
  if (isSelectable(field.type)) {
    const options = optionsInput(values.options);
    if (JSON.stringify(options) !== JSON.stringify(field.options.map((option) => ({ key: option.key, label: option.label })))) {
      input.options = options;
      changed = true;
    }
  }
  return changed ? input : null;
}

/** The options of a field that an edit removes (what IN_USE is about). */
export function removedOptions(field: CustomFieldDef, values: FieldFormValues): string[] {
  const kept = new Set(values.options.map((option) => option.key));
  return field.options.filter((option) => !kept.has(option.key)).map((option) => option.label);
}

/**
 * The position changes that move one field up or down: the fields are numbered 0, 1, 2… in their new
 * order and only those whose number changes are sent (usually two).
 */
export function movePositions(fields: CustomFieldDef[], index: number, by: -1 | 1): { id: string; position: number }[] {
  const target = index + by;
  if (target < 0 || target >= fields.length) return [];
  const order = [...fields];
  const [moved] = order.splice(index, 1);
  if (!moved) return [];
  order.splice(target, 0, moved);
  return order.flatMap((field, position) => (field.position === position ? [] : [{ id: field.id, position }]));
}
