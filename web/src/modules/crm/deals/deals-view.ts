import type { DealFilter, DealOrderField, DealStatus, DealsListQuery } from '../../../gql/graphql';
import { readSort, type Sort, type SortOption } from '../shared/sort';

export type DealRow = DealsListQuery['deals']['edges'][number]['node'];

/** The board (open deals by stage) or the list (every deal, filtered). */
export type DealsMode = 'board' | 'list';
export type DealStatusChoice = 'open' | 'won' | 'lost' | 'all';
export type RottingChoice = 'yes' | 'no';

export const DEAL_SORTS: SortOption<DealOrderField>[] = [
  { key: 'created', field: 'CREATED_AT', natural: 'DESC' },
  { key: 'close', field: 'EXPECTED_CLOSE_DATE', natural: 'ASC' },
  { key: 'amount', field: 'AMOUNT', natural: 'DESC' },
  { key: 'title', field: 'TITLE', natural: 'ASC' },
  { key: 'updated', field: 'UPDATED_AT', natural: 'DESC' },
];

const DEFAULT_SORT: SortOption<DealOrderField> = { key: 'created', field: 'CREATED_AT', natural: 'DESC' };

/** Address parameters that narrow the list; clearing the filters removes them (the pipeline and view stay). */
export const DEAL_FILTER_KEYS = ['q', 'status', 'owner', 'rotting', 'closeFrom', 'closeTo'];

const STATUSES: Record<Exclude<DealStatusChoice, 'all'>, DealStatus> = { open: 'OPEN', won: 'WON', lost: 'LOST' };

export interface DealsView {
  mode: DealsMode;
  /** The pipeline chosen in the address; null: the first one. */
  pipelineId: string | null;
  search: string;
  status: DealStatusChoice;
  /** A member's id, or null for anyone. */
  owner: string | null;
  rotting: RottingChoice | null;
  /** `YYYY-MM-DD` or ''. */
  closeFrom: string;
  closeTo: string;
  sort: Sort<DealOrderField>;
  /** A search or a filter narrows the list. */
  narrowed: boolean;
  /** The expected-close range ends before it starts. */
  rangeInverted: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayOf(value: string | null): string {
  return value && DAY.test(value) ? value : '';
}

function statusOf(value: string | null): DealStatusChoice {
  return value === 'won' || value === 'lost' || value === 'all' ? value : 'open';
}

/** The deals page as the address describes it (`?view=list&pipeline=…&status=won&owner=…&rotting=yes&closeFrom=…&closeTo=…&q=…&sort=…&dir=…`). */
export function readDealsView(params: URLSearchParams): DealsView {
  const mode: DealsMode = params.get('view') === 'list' ? 'list' : 'board';
  const search = (params.get('q') ?? '').trim();
  const status = statusOf(params.get('status'));
  const owner = params.get('owner') || null;
  const rottingParam = params.get('rotting');
  const rotting: RottingChoice | null = rottingParam === 'yes' || rottingParam === 'no' ? rottingParam : null;
  const closeFrom = dayOf(params.get('closeFrom'));
  const closeTo = dayOf(params.get('closeTo'));
  const narrowed = search !== '' || status !== 'open' || owner !== null || rotting !== null || closeFrom !== '' || closeTo !== '';
  return {
    mode,
    pipelineId: params.get('pipeline') || null,
    search,
    status,
    owner,
    rotting,
    closeFrom,
    closeTo,
    sort: readSort(params, DEAL_SORTS, DEFAULT_SORT),
    narrowed,
    rangeInverted: closeFrom !== '' && closeTo !== '' && closeTo < closeFrom,
  };
}

/** The API's filter for the list of one pipeline's deals. */
export function dealFilter(view: DealsView, pipelineId: string): DealFilter {
  const filter: DealFilter = { pipelineId };
  if (view.status !== 'all') filter.statuses = [STATUSES[view.status]];
  if (view.search) filter.search = view.search;
  if (view.owner) filter.ownerId = view.owner;
  if (view.rotting) filter.rotting = view.rotting === 'yes';
  if (view.closeFrom) filter.expectedCloseFrom = view.closeFrom;
  if (view.closeTo) filter.expectedCloseTo = view.closeTo;
  return filter;
}
