import type { ContactFilter, CustomFieldFilter, CustomerFilter } from '../../../gql/graphql.js';

/** A saved filter as the API gives it back (JSON shaped like ContactFilter or CustomerFilter). */
export type FilterObject = Record<string, unknown>;

function isObject(value: unknown): value is FilterObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The filter without empty members (null, '', [], {}): what is worth saving or counting. */
export function cleanFilter(filter: FilterObject): FilterObject {
  const out: FilterObject = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (isObject(value)) {
      const inner = cleanFilter(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
      continue;
    }
    out[key] = value;
  }
  return out;
}

/** The custom field conditions of a filter (`customFields`). */
export function customFieldConditionsOf(filter: FilterObject): CustomFieldFilter[] {
  const list = filter.customFields;
  if (!Array.isArray(list)) return [];
  return list.filter((entry): entry is CustomFieldFilter => isObject(entry) && typeof entry.key === 'string');
}

/** Whether a saved filter has a condition on the custom field `key` (its own, or its people's customer's). */
export function usesCustomField(filter: FilterObject, key: string): boolean {
  if (customFieldConditionsOf(filter).some((condition) => condition.key === key)) return true;
  return isObject(filter.customer) && customFieldConditionsOf(filter.customer).some((condition) => condition.key === key);
}

/** The filter with no segment: a segment cannot be built on another one. */
export function withoutSegment(filter: FilterObject | null | undefined): FilterObject {
  const { segmentId: _segmentId, ...rest } = filter ?? {};
  return rest;
}

/**
 * Both filters' conditions at once: tags and custom field conditions add up (each must hold), the
 * customer's conditions merge the same way, any other condition of `extra` replaces the base's.
 */
export function mergeFilters(base: FilterObject, extra: FilterObject): FilterObject {
  const out: FilterObject = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    if (key === 'tags' && Array.isArray(current) && Array.isArray(value)) {
      const seen = new Set(current.map((tag) => String(tag).toLowerCase()));
      out[key] = [...current, ...value.filter((tag) => !seen.has(String(tag).toLowerCase()))];
    } else if (key === 'customFields' && Array.isArray(current) && Array.isArray(value)) {
      out[key] = [...current, ...value];
    } else if (key === 'customer' && isObject(current) && isObject(value)) {
      out[key] = mergeFilters(current, value);
    } else {
      out[key] = value;
    }
  }
  return cleanFilter(out);
}

/** A saved filter as the list's filter input (the JSON already has the input's shape). */
export function asContactFilter(filter: FilterObject): ContactFilter {
  return filter as ContactFilter;
}

export function asCustomerFilter(filter: FilterObject): CustomerFilter {
  return filter as CustomerFilter;
}
