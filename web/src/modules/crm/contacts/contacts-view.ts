import type { ContactFilter, ContactOrderField, ContactsListQuery } from '../../../gql/graphql';
import { readCustomSort } from '../fields/custom-sort';
import { SEGMENT_PARAM } from '../segments/segment-input';
import { readSort, type Sort, type SortOption } from '../shared/sort';

export type ContactRow = ContactsListQuery['contacts']['edges'][number]['node'];

export const CONTACT_SORTS: SortOption<ContactOrderField>[] = [
  { key: 'name', field: 'NAME', natural: 'ASC' },
  { key: 'email', field: 'EMAIL', natural: 'ASC' },
  { key: 'created', field: 'CREATED_AT', natural: 'DESC' },
  { key: 'updated', field: 'UPDATED_AT', natural: 'DESC' },
];

const DEFAULT_SORT: SortOption<ContactOrderField> = { key: 'name', field: 'NAME', natural: 'ASC' };

/** Address parameters that narrow the people list; clearing the filters removes them (`company` is the old name of `customer`). */
export const CONTACT_FILTER_KEYS = ['q', 'email', 'customer', 'company', 'position', 'tag', SEGMENT_PARAM];

export type EmailFilter = 'any' | 'with' | 'without';

export interface ContactsView {
  search: string;
  email: EmailFilter;
  customerId: string | null;
  positionId: string | null;
  tag: string | null;
  /** The saved view (segment) the list shows, if any. */
  segmentId: string | null;
  sort: Sort<ContactOrderField>;
  /** How many filters (the search aside) narrow the list. */
  activeFilters: number;
  /** Anything narrows the list (a search or a filter). */
  narrowed: boolean;
  filter: ContactFilter | null;
}

/** The people list as the address describes it (`?q=ana&email=with&customer=…&position=…&tag=vip&sort=name&dir=asc&after=…`). */
export function readContactsView(params: URLSearchParams): ContactsView {
  const search = (params.get('q') ?? '').trim();
  const emailParam = params.get('email');
  const email: EmailFilter = emailParam === 'with' || emailParam === 'without' ? emailParam : 'any';
  // Links from before companies became customers say `company`.
  const customerId = params.get('customer') || params.get('company') || null;
  const positionId = params.get('position') || null;
  const tag = params.get('tag')?.trim() || null;
  const segmentId = params.get(SEGMENT_PARAM) || null;
  const filter: ContactFilter = {};
  if (search) filter.search = search;
  if (email !== 'any') filter.hasEmail = email === 'with';
  if (customerId) filter.customerId = customerId;
  if (positionId) filter.positionId = positionId;
  if (tag) filter.tags = [tag];
  if (segmentId) filter.segmentId = segmentId;
  const activeFilters = [email !== 'any' ? email : null, customerId, positionId, tag, segmentId].filter((value) => value !== null).length;
  const narrowed = Object.keys(filter).length > 0;
  return { search, email, customerId, positionId, tag, segmentId, sort: readCustomSort(params, 'CUSTOM_FIELD') ?? readSort(params, CONTACT_SORTS, DEFAULT_SORT), activeFilters, narrowed, filter: narrowed ? filter : null };
}
