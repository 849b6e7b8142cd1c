import type { CompaniesListQuery, CompanyFilter, CompanyOrderField } from '../../../gql/graphql';
import { readSort, type Sort, type SortOption } from '../shared/sort';

export type CompanyRow = CompaniesListQuery['companies']['edges'][number]['node'];

export const COMPANY_SORTS: SortOption<CompanyOrderField>[] = [
  { key: 'name', field: 'NAME', natural: 'ASC' },
  { key: 'created', field: 'CREATED_AT', natural: 'DESC' },
  { key: 'updated', field: 'UPDATED_AT', natural: 'DESC' },
];

const DEFAULT_SORT: SortOption<CompanyOrderField> = { key: 'name', field: 'NAME', natural: 'ASC' };

export const COMPANY_FILTER_KEYS = ['q'];

export interface CompaniesView {
  search: string;
  sort: Sort<CompanyOrderField>;
  narrowed: boolean;
  filter: CompanyFilter | null;
}

/** The companies list as the address describes it (`?q=acme&sort=name&dir=asc&after=…`). */
export function readCompaniesView(params: URLSearchParams): CompaniesView {
  const search = (params.get('q') ?? '').trim();
  return { search, sort: readSort(params, COMPANY_SORTS, DEFAULT_SORT), narrowed: search !== '', filter: search ? { search } : null };
}
