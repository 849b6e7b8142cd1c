import type { OrderDirection } from '../../../gql/graphql';

/** A sort as the address spells it (`sort=name&dir=asc`), mapped to the API's order fields. */
export interface SortOption<Field extends string> {
  /** Value in the address, e.g. "name". */
  key: string;
  field: Field;
  /** Direction used when this sort is first chosen: A→Z for text, newest first for dates. */
  natural: OrderDirection;
}

export interface Sort<Field extends string> {
  key: string;
  field: Field;
  direction: OrderDirection;
  /** With a custom field sort (`sort=cf.<key>`): the field's key. */
  customFieldKey?: string;
}

export function readSort<Field extends string>(params: URLSearchParams, options: SortOption<Field>[], fallback: SortOption<Field>): Sort<Field> {
  const chosen = options.find((option) => option.key === params.get('sort')) ?? fallback;
  const dir = params.get('dir');
  const direction: OrderDirection = dir === 'asc' ? 'ASC' : dir === 'desc' ? 'DESC' : chosen.natural;
  return { key: chosen.key, field: chosen.field, direction };
}

/** Address parameters for a sort. */
export function sortParams(key: string, direction: OrderDirection): Record<string, string> {
  return { sort: key, dir: direction === 'ASC' ? 'asc' : 'desc' };
}
