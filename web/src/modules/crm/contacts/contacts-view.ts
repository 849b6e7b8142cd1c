import type { ContactFilter, ContactOrderField, ContactsListQuery } from '../../../gql/graphql';
import { readSort, type Sort, type SortOption } from '../shared/sort';

export type ContactRow = ContactsListQuery['contacts']['edges'][number]['node'];

export const CONTACT_SORTS: SortOption<ContactOrderField>[] = [
  { key: 'name', field: 'NAME', natural: 'ASC' },
  { key: 'email', field: 'EMAIL', natural: 'ASC' },
  { key: 'created', field: 'CREATED_AT', natural: 'DESC' },
  { key: 'updated', field: 'UPDATED_AT', natural: 'DESC' },
];

const DEFAULT_SORT: SortOption<ContactOrderField> = { key: 'name', field: 'NAME', natural: 'ASC' };

/** Address parameters that narrow the people list; clearing the filters removes them. */
export const CONTACT_FILTER_KEYS = ['q', 'email', 'company'];

export type EmailFilter = 'any' | 'with' | 'without';

export interface ContactsView {
  search: string;
  email: EmailFilter;
  companyId: string | null;
  sort: Sort<ContactOrderField>;
  /** Anything narrows the list (a search or a filter). */
  narrowed: boolean;
  filter: ContactFilter | null;
}

/** The people list as the address describes it (`?q=ana&email=with&company=…&sort=name&dir=asc&after=…`). */
export function readContactsView(params: URLSearchParams, companiesOn: boolean): ContactsView {
  const search = (params.get('q') ?? '').trim();
  const emailParam = params.get('email');
  const email: EmailFilter = emailParam === 'with' || emailParam === 'without' ? emailParam : 'any';
  // With companies switched off the API refuses a company filter: it is ignored, not an error.
  const companyId = companiesOn ? params.get('company') || null : null;
  const filter: ContactFilter = {};
  if (search) filter.search = search;
  if (email !== 'any') filter.hasEmail = email === 'with';
  if (companyId) filter.companyId = companyId;
  const narrowed = Object.keys(filter).length > 0;
  return { search, email, companyId, sort: readSort(params, CONTACT_SORTS, DEFAULT_SORT), narrowed, filter: narrowed ? filter : null };
}
