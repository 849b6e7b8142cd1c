import type { CustomFieldFilter, CustomFieldType, SegmentEntity } from '../../../gql/graphql.js';
import { normaliseNumber } from '../fields/custom-values.js';
import { cleanFilter, type FilterObject } from './segment-filter.js';

/** A day typed in a date field (YYYY-MM-DD) as the instant it starts on this device. */
export function startOfDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).toISOString();
}

/** An instant as the day it falls on here (YYYY-MM-DD), for a date field; '' for none. */
export function dayOf(value: unknown): string {
  if (typeof value !== 'string') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The filter with one member set (or removed, for null, '', []) at `path`, e.g. ['customer', 'tags']. */
export function setMember(filter: FilterObject, path: string[], value: unknown): FilterObject {
  const [head, ...rest] = path;
  if (head === undefined) return filter;
  const next: FilterObject = { ...filter };
  if (rest.length === 0) next[head] = value;
  else {
    const inner = next[head];
    next[head] = setMember(typeof inner === 'object' && inner !== null && !Array.isArray(inner) ? (inner as FilterObject) : {}, rest, value);
  }
  return cleanFilter(next);
}

/** The member at `path`, or undefined. */
export function memberAt(filter: FilterObject, path: string[]): unknown {
  let node: unknown = filter;
  for (const part of path) {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
    node = (node as FilterObject)[part];
  }
  return node;
}

export function stringsAt(filter: FilterObject, path: string[]): string[] {
  const value = memberAt(filter, path);
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The conditions the editor shows, by record type (the person's customer's among a person's). */
const COVERED: Record<SegmentEntity, string[]> = {
  CONTACT: ['emailConsent', 'smsConsent', 'tags', 'customFields', 'lastInteractionAfter', 'lastInteractionBefore', 'hasInteractions', 'customer'],
  CUSTOMER: ['kinds', 'lifecycleStages', 'sourceChannels', 'tags', 'ownerId', 'unowned', 'country', 'customFields', 'lastInteractionAfter', 'lastInteractionBefore', 'hasInteractions'],
};
const COVERED_CUSTOMER_OF_CONTACT = ['lifecycleStages', 'sourceChannels', 'tags', 'customFields'];

/** A condition the editor has no control for (a search saved from a list, a chosen position…): shown, and removable. */
export interface OtherCondition {
  path: string[];
  /** The condition's name, e.g. "search" or "customer.kinds". */
  name: string;
  value: unknown;
}

export function otherConditions(entity: SegmentEntity, filter: FilterObject): OtherCondition[] {
  const out: OtherCondition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === 'segmentId') continue;
    if (!COVERED[entity].includes(key)) out.push({ path: [key], name: key, value });
  }
  const customer = filter.customer;
  if (entity === 'CONTACT' && typeof customer === 'object' && customer !== null && !Array.isArray(customer)) {
    for (const [key, value] of Object.entries(customer)) {
      if (!COVERED_CUSTOMER_OF_CONTACT.includes(key)) out.push({ path: ['customer', key], name: `customer.${key}`, value });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Custom field conditions

export type ConditionOperator = 'contains' | 'equals' | 'between' | 'yes' | 'no' | 'in' | 'set' | 'empty';

/** What each type of field can be asked; the first is the default. */
export const OPERATORS: Record<CustomFieldType, ConditionOperator[]> = {
  TEXT: ['contains', 'equals', 'set', 'empty'],
  NUMBER: ['between', 'equals', 'set', 'empty'],
  DECIMAL: ['between', 'equals', 'set', 'empty'],
  DATE: ['between', 'equals', 'set', 'empty'],
  BOOLEAN: ['yes', 'no', 'set', 'empty'],
  SELECT: ['in', 'set', 'empty'],
  MULTI_SELECT: ['in', 'set', 'empty'],
};

/** The operator a stored condition uses. */
export function operatorOf(condition: CustomFieldFilter, type: CustomFieldType): ConditionOperator {
  if (condition.isSet === true) return 'set';
  if (condition.isSet === false) return 'empty';
  if (condition.contains !== undefined && condition.contains !== null) return 'contains';
  if (condition.in) return 'in';
  if (condition.min !== undefined && condition.min !== null) return 'between';
  if (condition.max !== undefined && condition.max !== null) return 'between';
  if (condition.equals !== undefined && condition.equals !== null) {
    if (type === 'BOOLEAN') return condition.equals === 'false' ? 'no' : 'yes';
    return 'equals';
  }
  return OPERATORS[type][0] ?? 'set';
}

/** A fresh condition on `key` with `operator` (values to fill in, where it takes any). */
export function conditionWith(key: string, operator: ConditionOperator): CustomFieldFilter {
  switch (operator) {
    case 'set':
      return { key, isSet: true };
    case 'empty':
      return { key, isSet: false };
    case 'yes':
      return { key, equals: 'true' };
    case 'no':
      return { key, equals: 'false' };
    case 'contains':
      return { key, contains: '' };
    case 'equals':
      return { key, equals: '' };
    case 'in':
      return { key, in: [] };
    case 'between':
      return { key, min: '', max: '' };
  }
}

/** Whether a condition asks something (an empty "contains" or "between" does not). */
export function isComplete(condition: CustomFieldFilter): boolean {
  if (condition.isSet === true || condition.isSet === false) return true;
  if (condition.in) return condition.in.length > 0;
  const filled = (value: string | null | undefined) => value !== undefined && value !== null && value.trim() !== '';
  return filled(condition.contains) || filled(condition.equals) || filled(condition.min) || filled(condition.max);
}

/** The conditions as the API takes them: incomplete ones left out, numbers written with a dot, empty members dropped. */
export function cleanConditions(conditions: CustomFieldFilter[], types: Map<string, CustomFieldType>): CustomFieldFilter[] {
  return conditions.filter(isComplete).map((condition) => {
    const numeric = types.get(condition.key) === 'NUMBER' || types.get(condition.key) === 'DECIMAL';
    const out: CustomFieldFilter = { key: condition.key };
    for (const member of ['contains', 'equals', 'min', 'max'] as const) {
      const value = condition[member];
      if (value === undefined || value === null || value.trim() === '') continue;
      out[member] = numeric && member !== 'contains' ? normaliseNumber(value) : member === 'contains' ? value : value.trim();
    }
    if (condition.in && condition.in.length > 0) out.in = condition.in;
    if (condition.isSet === true || condition.isSet === false) out.isSet = condition.isSet;
    return out;
  });
}

/**
 * The draft as the API takes it: incomplete custom field conditions left out (here and on the
 * person's customer), numbers normalised, empty members dropped.
 */
export function effectiveFilter(draft: FilterObject, fields: { key: string; type: CustomFieldType }[], customerFields: { key: string; type: CustomFieldType }[]): FilterObject {
  const own = new Map(fields.map((field) => [field.key, field.type]));
  const theirs = new Map(customerFields.map((field) => [field.key, field.type]));
  let out: FilterObject = { ...draft, customFields: cleanConditions(customFieldConditionsOfDraft(draft), own) };
  const customer = draft.customer;
  if (typeof customer === 'object' && customer !== null && !Array.isArray(customer)) {
    const inner = customer as FilterObject;
    out = { ...out, customer: { ...inner, customFields: cleanConditions(customFieldConditionsOfDraft(inner), theirs) } };
  }
  return cleanFilter(out);
}

function customFieldConditionsOfDraft(filter: FilterObject): CustomFieldFilter[] {
  const list = filter.customFields;
  return Array.isArray(list) ? list.filter((entry): entry is CustomFieldFilter => typeof entry === 'object' && entry !== null && typeof (entry as CustomFieldFilter).key === 'string') : [];
}
