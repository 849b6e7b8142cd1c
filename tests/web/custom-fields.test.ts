import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { isKey, keyFromLabel, uniqueKey } from '../../web/src/modules/crm/fields/custom-field-key.js';
import { readCustomSort } from '../../web/src/modules/crm/fields/custom-sort.js';
import {
  changedCustomFieldInputs,
  createCustomFieldInputs,
  customFieldErrorPaths,
  customFormValues,
  validateCustomValues,
  type CustomFieldDef,
} from '../../web/src/modules/crm/fields/custom-values.js';
import { changedFieldInput, fieldFormValues, movePositions, optionErrorPaths, optionRow, optionsInput } from '../../web/src/modules/crm/fields/field-form.js';
import { cleanConditions, conditionWith, effectiveFilter, operatorOf, otherConditions, setMember } from '../../web/src/modules/crm/segments/segment-conditions.js';
import { mergeFilters, usesCustomField, withoutSegment } from '../../web/src/modules/crm/segments/segment-filter.js';

/** The key itself, so a test reads which message a check chose. */
const t = ((key: string) => key) as unknown as TFunction;

function field(key: string, type: CustomFieldDef['type'], extra: Partial<CustomFieldDef> = {}): CustomFieldDef {
  return { id: `id-${key}`, entity: 'CONTACT', key, label: key, type, required: false, position: 0, options: [], ...extra };
}

const SEGMENT = field('segment', 'SELECT', { options: [{ key: 'retail', label: 'Retail' }, { key: 'wholesale', label: 'Wholesale' }] });
const EMPLOYEES = field('employees', 'NUMBER', { required: true });
const BUDGET = field('budget', 'DECIMAL');
const SINCE = field('since', 'DATE');
const NEWSLETTER = field('newsletter', 'BOOLEAN', { required: true });
const TAGS = field('channels', 'MULTI_SELECT', { options: [{ key: 'web', label: 'Web' }, { key: 'shop', label: 'Shop' }] });
const FIELDS = [SEGMENT, EMPLOYEES, BUDGET, SINCE, NEWSLETTER, TAGS];

describe('custom field keys', () => {
  it('are made from labels as the API wants them', () => {
    expect(keyFromLabel('Annual budget (€)')).toBe('annual_budget');
    expect(keyFromLabel('Città di nascită')).toBe('citta_di_nascita');
    expect(keyFromLabel('2nd phone')).toBe('field_2nd_phone');
    expect(keyFromLabel('Ελληνικά')).toBe('');
    expect(keyFromLabel('x'.repeat(60))).toHaveLength(40);
    expect(isKey(keyFromLabel('A very long label that goes on and on beyond forty characters'))).toBe(true);
    expect(uniqueKey('retail', new Set(['retail', 'retail_2']))).toBe('retail_3');
  });
});

describe('custom values in forms', () => {
  it('start empty (a required yes/no at no) and read a record’s values', () => {
    expect(customFormValues(FIELDS)).toEqual({ segment: null, employees: '', budget: '', since: '', newsletter: false, channels: [] });
    expect(
      customFormValues(FIELDS, [
        { key: 'segment', type: 'SELECT', options: ['retail'] },
        { key: 'employees', type: 'NUMBER', number: '12', options: [] },
        { key: 'channels', type: 'MULTI_SELECT', options: ['web', 'shop'] },
      ]),
    ).toEqual({ segment: 'retail', employees: '12', budget: '', since: '', newsletter: null, channels: ['web', 'shop'] });
  });

  it('are checked like the API: whole numbers, decimals, dates, required ones on a new record', () => {
    const errors = validateCustomValues(t, FIELDS, { segment: null, employees: '12.5', budget: '1.2.3', since: '2025-02-30', newsletter: false, channels: [] }, { creating: true });
    expect(errors).toEqual({
      'customFields.segment': null,
      'customFields.employees': 'fields.errors.wholeNumber',
      'customFields.budget': 'fields.errors.decimal',
      'customFields.since': 'fields.errors.date',
      'customFields.newsletter': null,
      'customFields.channels': null,
    });
    expect(validateCustomValues(t, [EMPLOYEES], { employees: '' }, { creating: true })['customFields.employees']).toBe('errors.reason.REQUIRED');
    // An edit needs only the required fields it changes.
    expect(validateCustomValues(t, [EMPLOYEES], { employees: '' }, { creating: false, initial: { employees: '' } })['customFields.employees']).toBeNull();
    expect(validateCustomValues(t, [EMPLOYEES], { employees: '' }, { creating: false, initial: { employees: '4' } })['customFields.employees']).toBe('errors.reason.REQUIRED');
    expect(validateCustomValues(t, [BUDGET], { budget: '1 250,75' }, { creating: true })['customFields.budget']).toBeNull();
  });

  it('send what a new record has, and only what an edit changed (an emptied field clears)', () => {
    const values = { segment: 'wholesale', employees: ' 120 ', budget: '1 250,5', since: '2025-03-01', newsletter: false, channels: ['shop'] };
    expect(createCustomFieldInputs(FIELDS, values)).toEqual([
      { key: 'segment', options: ['wholesale'] },
      { key: 'employees', number: '120' },
      { key: 'budget', number: '1250.5' },
      { key: 'since', date: '2025-03-01' },
      { key: 'newsletter', boolean: false },
      { key: 'channels', options: ['shop'] },
    ]);
    const initial = { ...values, channels: ['shop', 'web'], budget: '1250.5' };
    const edited = { ...values, channels: ['web', 'shop'], employees: '', budget: '1250,50' };
    expect(changedCustomFieldInputs(FIELDS, initial, { ...edited })).toEqual([{ key: 'employees' }, { key: 'budget', number: '1250.50' }]);
    // A refused value lands on its own input: the API counts the sent list.
    expect(customFieldErrorPaths([{ key: 'employees' }, { key: 'budget' }])).toEqual({ 'customFields.0': 'customFields.employees', 'customFields.1': 'customFields.budget' });
  });
});

describe('the field dialog', () => {
  it('keys new options from their labels, keeps existing keys, and sends only what changed', () => {
    const values = fieldFormValues(SEGMENT);
    // Retail removed and typed again: the same key, so records holding it keep it.
    values.options = [values.options[1] ?? optionRow(), optionRow('', 'Online shop'), optionRow('', ''), optionRow('', 'Retail'), optionRow('', 'Wholesale!')];
    expect(optionsInput(values.options)).toEqual([
      { key: 'wholesale', label: 'Wholesale' },
      { key: 'online_shop', label: 'Online shop' },
      { key: 'retail', label: 'Retail' },
      { key: 'wholesale_2', label: 'Wholesale!' },
    ]);
    expect(optionErrorPaths(values.options)).toEqual({ 'options.0': 'options.0', 'options.1': 'options.1', 'options.2': 'options.3', 'options.3': 'options.4' });
    expect(changedFieldInput(SEGMENT, fieldFormValues(SEGMENT))).toBeNull();
    expect(changedFieldInput(SEGMENT, { ...fieldFormValues(SEGMENT), label: 'Market', required: true })).toEqual({ id: 'id-segment', label: 'Market', required: true });
  });

  it('moves a field by renumbering only what changes', () => {
    const list = [field('a', 'TEXT', { position: 0 }), field('b', 'TEXT', { position: 1 }), field('c', 'TEXT', { position: 2 })];
    expect(movePositions(list, 2, -1)).toEqual([
      { id: 'id-c', position: 1 },
      { id: 'id-b', position: 2 },
    ]);
    expect(movePositions(list, 0, -1)).toEqual([]);
    // Gaps left by deleted fields are closed on the way.
    expect(movePositions([field('a', 'TEXT', { position: 3 }), field('b', 'TEXT', { position: 7 })], 0, 1)).toEqual([
      { id: 'id-b', position: 0 },
      { id: 'id-a', position: 1 },
    ]);
  });
});

describe('saved views', () => {
  it('merge a view with the list’s filters: tags and custom conditions add up, the rest replaces', () => {
    expect(
      mergeFilters(
        { tags: ['vip'], emailConsent: 'GRANTED', customFields: [{ key: 'employees', min: '10' }], customer: { tags: ['b2b'] } },
        { tags: ['VIP', 'new'], emailConsent: 'DENIED', customFields: [{ key: 'segment', in: ['retail'] }], customer: { lifecycleStages: ['LEAD'] }, search: '' },
      ),
    ).toEqual({
      tags: ['vip', 'new'],
      emailConsent: 'DENIED',
      customFields: [
        { key: 'employees', min: '10' },
        { key: 'segment', in: ['retail'] },
      ],
      customer: { tags: ['b2b'], lifecycleStages: ['LEAD'] },
    });
    expect(withoutSegment({ segmentId: 'x', tags: ['a'] })).toEqual({ tags: ['a'] });
    expect(usesCustomField({ customer: { customFields: [{ key: 'budget', isSet: true }] } }, 'budget')).toBe(true);
    expect(usesCustomField({ customFields: [{ key: 'budget', isSet: true }] }, 'other')).toBe(false);
  });

  it('edit conditions: incomplete ones are not sent, numbers use a dot, unknown conditions are kept apart', () => {
    const draft = setMember(setMember({}, ['customFields'], [conditionWith('budget', 'between'), { key: 'budget', min: '1,5', max: '' }, conditionWith('segment', 'in')]), ['customer', 'tags'], ['b2b']);
    expect(effectiveFilter(draft, [BUDGET, SEGMENT], [])).toEqual({ customFields: [{ key: 'budget', min: '1.5' }], customer: { tags: ['b2b'] } });
    expect(cleanConditions([{ key: 'newsletter', equals: 'false' }], new Map())).toEqual([{ key: 'newsletter', equals: 'false' }]);
    expect(operatorOf({ key: 'newsletter', equals: 'false' }, 'BOOLEAN')).toBe('no');
    expect(operatorOf({ key: 'segment', isSet: false }, 'SELECT')).toBe('empty');
    expect(otherConditions('CONTACT', { search: 'ana', tags: ['vip'], customer: { kinds: ['PERSON'], tags: ['x'] } }).map((other) => other.name)).toEqual(['search', 'customer.kinds']);
    expect(setMember({ tags: ['vip'], hasInteractions: true }, ['hasInteractions'], null)).toEqual({ tags: ['vip'] });
  });

  it('read a custom field sort from the address', () => {
    expect(readCustomSort(new URLSearchParams('sort=cf.employees&dir=desc'), 'CUSTOM_FIELD')).toEqual({ key: 'cf.employees', field: 'CUSTOM_FIELD', direction: 'DESC', customFieldKey: 'employees' });
    expect(readCustomSort(new URLSearchParams('sort=cf.Bad-Key'), 'CUSTOM_FIELD')).toBeNull();
    expect(readCustomSort(new URLSearchParams('sort=name'), 'CUSTOM_FIELD')).toBeNull();
  });
});
