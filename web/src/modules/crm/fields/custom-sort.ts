import type { OrderDirection } from '../../../gql/graphql.js';
import { isKey } from './custom-field-key.js';
import type { CustomFieldDef } from './custom-values.js';

/** A list sorted by a custom field says so in the address as `sort=cf.<key>`. */
const PREFIX = 'cf.';

export function customSortKey(fieldKey: string): string {
  return `${PREFIX}${fieldKey}`;
}

/** Whether a field can order a list (several options cannot). */
export function isSortable(field: Pick<CustomFieldDef, 'type'>): boolean {
  return field.type !== 'MULTI_SELECT';
}

/** A list's sort by a custom field (the shape of the lists' `Sort`, which this file does not import: the unit tests load it under Node). */
export interface CustomSort<Field extends string> {
  key: string;
  field: Field;
  direction: OrderDirection;
  customFieldKey: string;
}

/** The address's sort when it names a custom field (`?sort=cf.budget&dir=desc`), else null; A→Z, smallest first by default. */
export function readCustomSort<Field extends string>(params: URLSearchParams, customField: Field): CustomSort<Field> | null {
  const sort = params.get('sort') ?? '';
  if (!sort.startsWith(PREFIX) || !isKey(sort.slice(PREFIX.length))) return null;
  const direction: OrderDirection = params.get('dir') === 'desc' ? 'DESC' : 'ASC';
  return { key: sort, field: customField, direction, customFieldKey: sort.slice(PREFIX.length) };
}

/** The sort choices a list's sort menu adds for its custom fields. */
export function customSortOptions(fields: CustomFieldDef[]): { value: string; label: string }[] {
  return fields.filter(isSortable).map((field) => ({ value: customSortKey(field.key), label: field.label }));
}
