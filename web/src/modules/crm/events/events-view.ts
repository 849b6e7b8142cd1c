import type { MarketingEventFilter, MarketingEventKind, MarketingEventsListQuery } from '../../../gql/graphql';

export type EventRow = MarketingEventsListQuery['marketingEvents']['edges'][number]['node'];

export const EVENT_KINDS: MarketingEventKind[] = ['EXHIBITION', 'CONFERENCE', 'SEMINAR', 'WEBINAR', 'OTHER'];

/** Address parameters that narrow the events list; clearing the filters removes them. */
export const EVENT_FILTER_KEYS = ['q', 'kind', 'from', 'to'];

export function isEventKind(value: string | null | undefined): value is MarketingEventKind {
  return EVENT_KINDS.some((kind) => kind === value);
}

/** A calendar day `YYYY-MM-DD` that exists (2025-02-30 does not). */
export function isDay(value: string | null | undefined): value is string {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export interface EventsView {
  search: string;
  kinds: MarketingEventKind[];
  /** First and last day the events start in (both included); null: open-ended. */
  from: string | null;
  to: string | null;
  /** The period ends before it starts: nothing is asked for. */
  inverted: boolean;
  activeFilters: number;
  narrowed: boolean;
  filter: MarketingEventFilter | null;
}

/** The events list as the address describes it (`?q=expo&kind=EXHIBITION,CONFERENCE&from=2025-01-01&to=2025-06-30&after=…`). */
export function readEventsView(params: URLSearchParams): EventsView {
  const search = (params.get('q') ?? '').trim();
  const kinds = (params.get('kind') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(isEventKind);
  const fromParam = params.get('from');
  const toParam = params.get('to');
  const from = isDay(fromParam) ? fromParam : null;
  const to = isDay(toParam) ? toParam : null;
  const filter: MarketingEventFilter = {};
  if (search) filter.search = search;
  if (kinds.length > 0) filter.kinds = kinds;
  if (from) filter.from = from;
  if (to) filter.to = to;
  const activeFilters = [kinds.length > 0 ? kinds : null, from, to].filter((value) => value !== null).length;
  const narrowed = Object.keys(filter).length > 0;
  return { search, kinds, from, to, inverted: from !== null && to !== null && to < from, activeFilters, narrowed, filter: narrowed ? filter : null };
}
