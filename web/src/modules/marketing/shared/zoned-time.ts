import { DateTime, IANAZone } from 'luxon';

/** A `datetime-local` value: `YYYY-MM-DDTHH:mm`, seconds allowed (`:ss`). */
const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm";

/** Whether a name is an IANA time zone this browser knows (Europe/Kyiv, America/Argentina/Buenos_Aires, UTC). */
export function isTimeZone(zone: string | null | undefined): zone is string {
  return typeof zone === 'string' && zone !== '' && IANAZone.isValidZone(zone);
}

/**
 * The moment a wall-clock time in a zone stands for, as an ISO instant (UTC); null when the time or
 * the zone is not one. A time that does not exist there (the hour skipped when clocks go forward)
 * moves forward by that hour, as the clocks do.
 */
export function instantOf(local: string, zone: string): string | null {
  if (!LOCAL.test(local) || !isTimeZone(zone)) return null;
  const time = DateTime.fromISO(local, { zone });
  return time.isValid ? time.toUTC().toISO() : null;
}

/** An instant as the wall-clock time of a zone, for a `datetime-local` field ('' when it is not one). */
export function localInputOf(iso: string, zone: string): string {
  if (!isTimeZone(zone)) return '';
  const time = DateTime.fromISO(iso, { zone });
  return time.isValid ? time.toFormat(LOCAL_FORMAT) : '';
}

/** The first full hour at least an hour ahead, on the clock of a zone: the time a schedule form offers first. */
export function nextFullHourInput(zone: string, now: Date = new Date()): string {
  if (!isTimeZone(zone)) return '';
  return DateTime.fromJSDate(now, { zone }).plus({ hours: 2 }).startOf('hour').toFormat(LOCAL_FORMAT);
}

/**
 * An instant in the user's language as the clock of `zone` shows it, the zone named after it
 * ("9 Mar 2026, 09:00 EET"); the device's zone when none is given.
 */
export function formatInZone(iso: string, locale: string, zone?: string | null): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const timeZone = isTimeZone(zone) ? zone : undefined;
  // dateStyle and timeStyle cannot be combined with a zone name: the parts are spelled out.
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
}
