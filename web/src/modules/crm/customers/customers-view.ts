import type { CustomerFilter, CustomerKind, CustomerOrderField, CustomersListQuery, LifecycleStage, SourceChannel } from '../../../gql/graphql';
import { readCustomSort } from '../fields/custom-sort';
import { SEGMENT_PARAM } from '../segments/segment-input';
import { readSort, type Sort, type SortOption } from '../shared/sort';
import { isCustomerKind, isLifecycleStage, isSourceChannel } from './customer-options';

export type CustomerRow = CustomersListQuery['customers']['edges'][number]['node'];

export const CUSTOMER_SORTS: SortOption<CustomerOrderField>[] = [
  { key: 'name', field: 'NAME', natural: 'ASC' },
  { key: 'created', field: 'CREATED_AT', natural: 'DESC' },
  { key: 'updated', field: 'UPDATED_AT', natural: 'DESC' },
];

const DEFAULT_SORT: SortOption<CustomerOrderField> = { key: 'name', field: 'NAME', natural: 'ASC' };

/** The owner filter's values besides a member's id: the viewer, and customers nobody owns. */
export const MINE = 'me';
export const UNOWNED = 'none';

/** Address parameters that narrow the customers list; clearing the filters removes them. */
export const CUSTOMER_FILTER_KEYS = ['q', 'kind', 'stage', 'owner', 'tag', 'channel', 'country', SEGMENT_PARAM];

export interface CustomersView {
  search: string;
  kind: CustomerKind | null;
  stages: LifecycleStage[];
  /** MINE, UNOWNED, a member's id, or null for anyone. */
  owner: string | null;
  tag: string | null;
  channel: SourceChannel | null;
  country: string | null;
  /** The saved view (segment) the list shows, if any. */
  segmentId: string | null;
  sort: Sort<CustomerOrderField>;
  /** How many filters (the search aside) narrow the list. */
  activeFilters: number;
  /** Anything narrows the list (a search or a filter). */
  narrowed: boolean;
  filter: CustomerFilter | null;
  /** False while "mine" waits for the viewer's id. */
  ready: boolean;
}

/**
 * The customers list as the address describes it
 * (`?q=acme&kind=ORGANIZATION&stage=LEAD,PROSPECT&owner=me&tag=vip&channel=REFERRAL&country=RO&sort=name&dir=asc&after=…`).
 */
export function readCustomersView(params: URLSearchParams, viewerId: string | null): CustomersView {
  const search = (params.get('q') ?? '').trim();
  const kindParam = params.get('kind');
  const kind = isCustomerKind(kindParam) ? kindParam : null;
  const stages = (params.get('stage') ?? '').split(',').filter(isLifecycleStage);
  const owner = params.get('owner') || null;
  const tag = params.get('tag')?.trim() || null;
  const channelParam = params.get('channel');
  const channel = isSourceChannel(channelParam) ? channelParam : null;
  const country = /^[A-Za-z]{2}$/.test(params.get('country') ?? '') ? (params.get('country') ?? '').toUpperCase() : null;

  const segmentId = params.get(SEGMENT_PARAM) || null;
  const filter: CustomerFilter = {};
  if (search) filter.search = search;
  if (kind) filter.kinds = [kind];
  if (stages.length > 0) filter.lifecycleStages = stages;
  if (owner === UNOWNED) filter.unowned = true;
  else if (owner === MINE) {
    if (viewerId) filter.ownerId = viewerId;
  } else if (owner) filter.ownerId = owner;
  if (tag) filter.tags = [tag];
  if (channel) filter.sourceChannels = [channel];
  if (country) filter.country = country;
  if (segmentId) filter.segmentId = segmentId;
  const activeFilters = [kind, stages.length > 0 ? stages : null, owner, tag, channel, country, segmentId].filter((value) => value !== null).length;
  const narrowed = search !== '' || activeFilters > 0;
  return {
    search,
    kind,
    stages,
    owner,
    tag,
    channel,
    country,
    segmentId,
    sort: readCustomSort(params, 'CUSTOM_FIELD') ?? readSort(params, CUSTOMER_SORTS, DEFAULT_SORT),
    activeFilters,
    narrowed,
    filter: narrowed ? filter : null,
    ready: owner !== MINE || viewerId !== null,
  };
}
