import type { TFunction } from 'i18next';
import { instantOf, isTimeZone, localInputOf, nextFullHourInput } from '../shared/zoned-time.js';

export interface ScheduleFormValues {
  /** The send time as the clock of `zone` shows it (`YYYY-MM-DDTHH:mm`). */
  local: string;
  /** IANA zone, such as Europe/Kyiv. */
  zone: string;
}

/** A campaign's current time and zone, else a full hour one to two hours ahead in the device's zone. */
export function scheduleValues(current: { sendAt?: string | null; timeZone?: string | null }, deviceZone: string, now: Date = new Date()): ScheduleFormValues {
  const { sendAt, timeZone } = current;
  const zone = isTimeZone(timeZone) ? timeZone : deviceZone;
  if (sendAt && new Date(sendAt) > now) return { local: localInputOf(sendAt, zone), zone };
  return { local: nextFullHourInput(zone, now), zone };
}

/**
 * The API's checks: a real zone, a time to come, and (with an A/B test) before the winner goes out;
 * `winnerAt` is that instant, `formatWinner` says it in the schedule's zone.
 */
export function validateSchedule(
  t: TFunction,
  values: ScheduleFormValues,
  now: Date = new Date(),
  winner: { at: string; format: (iso: string, zone: string) => string } | null = null,
): Partial<Record<keyof ScheduleFormValues, string | null>> {
  if (!isTimeZone(values.zone)) return { zone: t('errors.reason.INVALID_TIME_ZONE') };
  if (values.local === '') return { local: t('errors.reason.REQUIRED') };
  const instant = instantOf(values.local, values.zone);
  if (instant === null) return { local: t('marketing.campaigns.form.invalidTime') };
  if (new Date(instant) <= now) return { local: t('errors.reason.IN_PAST') };
  if (winner && new Date(instant) >= new Date(winner.at)) return { local: t('marketing.schedule.afterWinner', { time: winner.format(winner.at, values.zone) }) };
  return { local: null };
}

/** The API's input: the instant, and the zone it was chosen in (kept to show it back). */
export function scheduleInput(id: string, values: ScheduleFormValues): { id: string; sendAt: string; timeZone: string } | null {
  const sendAt = instantOf(values.local, values.zone);
  return sendAt === null ? null : { id, sendAt, timeZone: values.zone };
}

/** API paths that land on another field of the schedule form. */
export const SCHEDULE_FORM_FIELDS: Record<string, string> = { sendAt: 'local', timeZone: 'zone' };
