import type { ReportFilter, SourceChannel } from '../../../gql/graphql';
import { isChannel } from '../deals/deal-form';
import { calendarPeriod, dayString, parseDay, periodRange, todayIn, type CalendarDay, type PeriodKind } from './period';

export type ReportTab = 'funnel' | 'wonLost' | 'managers' | 'sources';
export const REPORT_TABS: ReportTab[] = ['funnel', 'wonLost', 'managers', 'sources'];

/** A year is the longest period the API reports on (three, in fact; one keeps aggregates quick). */
const MAX_DAYS = 366 * 3;

export interface ReportsView {
  tab: ReportTab;
  period: PeriodKind;
  /** The first and last day of the period (both included), in the company's calendar. */
  first: CalendarDay;
  last: CalendarDay;
  /** Why a custom period cannot be reported on; null when it can. */
  periodProblem: 'inverted' | 'tooLong' | null;
  /** A pipeline chosen in the address; null: all (the funnel takes the first). */
  pipelineId: string | null;
  owners: string[];
  channels: SourceChannel[];
  /** The managers table's sort (client-side). */
  managerSort: string;
  managerDir: 'asc' | 'desc';
}

function tabOf(value: string | null): ReportTab {
  return REPORT_TABS.find((tab) => tab === value) ?? 'funnel';
}

function periodOf(value: string | null): PeriodKind {
  return value === 'quarter' || value === 'year' || value === 'custom' ? value : 'month';
}

function listOf(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** The reports page as the address describes it (`?tab=funnel&period=custom&from=2025-01-01&to=2025-03-31&pipeline=…&owners=a,b&channels=EVENT,REFERRAL`). */
export function readReportsView(params: URLSearchParams, timeZone: string, now: Date = new Date()): ReportsView {
  const period = periodOf(params.get('period'));
  const today = todayIn(timeZone, now);
  const month = calendarPeriod('month', today);
  let first = month.first;
  let last = month.last;
  let periodProblem: ReportsView['periodProblem'] = null;
  if (period === 'custom') {
    first = parseDay(params.get('from')) ?? month.first;
    last = parseDay(params.get('to')) ?? month.last;
    const days = (Date.UTC(last.year, last.month - 1, last.day) - Date.UTC(first.year, first.month - 1, first.day)) / 86_400_000;
    periodProblem = days < 0 ? 'inverted' : days + 1 > MAX_DAYS ? 'tooLong' : null;
  } else if (period !== 'month') {
    ({ first, last } = calendarPeriod(period, today));
  }
  const dir = params.get('mdir');
  return {
    tab: tabOf(params.get('tab')),
    period,
    first,
    last,
    periodProblem,
    pipelineId: params.get('pipeline') || null,
    owners: listOf(params.get('owners')),
    channels: listOf(params.get('channels')).filter(isChannel),
    managerSort: params.get('msort') ?? 'won',
    managerDir: dir === 'asc' ? 'asc' : 'desc',
  };
}

/** The API's filter; `pipelineId` given for the funnel, which is of one pipeline. */
export function reportFilter(view: ReportsView, timeZone: string, pipelineId: string | null): ReportFilter {
  const filter: ReportFilter = periodRange(view.first, view.last, timeZone);
  if (pipelineId) filter.pipelineId = pipelineId;
  if (view.owners.length > 0) filter.ownerIds = view.owners;
  if (view.channels.length > 0) filter.sourceChannels = view.channels;
  return filter;
}

/** Address parameters of a custom period that starts from what is shown now. */
export function customParams(view: ReportsView): Record<string, string> {
  return { period: 'custom', from: dayString(view.first), to: dayString(view.last) };
}
