/**
 * Report periods are calendar periods of the company (its time zone, not this device's): "this month"
 * in Bucharest starts at midnight in Bucharest. Dates here are `YYYY-MM-DD`; instants are ISO strings.
 */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export const PERIODS: PeriodKind[] = ['month', 'quarter', 'year', 'custom'];

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, size = 2): string {
  return String(value).padStart(size, '0');
}

export function dayString({ year, month, day }: CalendarDay): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function parseDay(value: string | null | undefined): CalendarDay | null {
  const match = value ? DAY.exec(value) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2025-02-30 is not a day.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? { year, month, day } : null;
}

/** The wall-clock parts of an instant in a time zone. */
function partsIn(instant: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/** The instant a calendar day begins in a time zone (a summer-time change on that day included). */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  const zone = safeZone(timeZone);
  const wall = Date.UTC(day.year, day.month - 1, day.day);
  const first = wall - offsetAt(wall, zone);
  return new Date(wall - offsetAt(first, zone));
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDay {
  const p = partsIn(now.getTime(), safeZone(timeZone));
  return { year: p.year, month: p.month, day: p.day };
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(Date.UTC(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function lastDayOfMonth(year: number, month: number): CalendarDay {
  return { year, month, day: new Date(Date.UTC(year, month, 0)).getUTCDate() };
}

/** The first and last day (both included) of this month, quarter or year. */
export function calendarPeriod(kind: Exclude<PeriodKind, 'custom'>, today: CalendarDay): { first: CalendarDay; last: CalendarDay } {
  if (kind === 'month') return { first: { year: today.year, month: today.month, day: 1 }, last: lastDayOfMonth(today.year, today.month) };
  if (kind === 'quarter') {
    const start = Math.floor((today.month - 1) / 3) * 3 + 1;
    return { first: { year: today.year, month: start, day: 1 }, last: lastDayOfMonth(today.year, start + 2) };
  }
  return { first: { year: today.year, month: 1, day: 1 }, last: { year: today.year, month: 12, day: 31 } };
}

/** What a report asks the API for: from the first day's start to the start of the day after the last (exclusive). */
export function periodRange(first: CalendarDay, last: CalendarDay, timeZone: string): { from: string; to: string } {
  return { from: startOfDay(first, timeZone).toISOString(), to: startOfDay(addDays(last, 1), timeZone).toISOString() };
}
