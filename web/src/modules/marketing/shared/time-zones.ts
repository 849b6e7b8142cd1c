import { isTimeZone } from './zoned-time.js';

/**
 * Zones IANA renamed that browsers still list under their old name (CLDR keeps old ids as its
 * canonical ones): the picker offers the current name, which the API accepts and people look for.
 */
const RENAMED: Record<string, string> = {
  'Europe/Kiev': 'Europe/Kyiv',
  'Europe/Uzhgorod': 'Europe/Kyiv',
  'Europe/Zaporozhye': 'Europe/Kyiv',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** A zone under its current IANA name (Europe/Kiev becomes Europe/Kyiv) when this browser knows that name. */
export function currentZoneName(zone: string): string {
  const renamed = RENAMED[zone];
  return renamed && isTimeZone(renamed) ? renamed : zone;
}

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** Today's offset of a zone ("GMT+02:00"); '' when this browser cannot say. */
function offsetOf(zone: string, locale: string, now: Date): string {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(now).find((part) => part.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

export interface ZoneOption {
  value: string;
  label: string;
}

/**
 * Every zone this browser knows, by current name, UTC first, labelled with today's offset
 * ("Europe/Kyiv (GMT+02:00)") so people find theirs by either; the chosen one always listed.
 */
export function zoneOptions(locale: string, current: string | null, now: Date = new Date()): ZoneOption[] {
  const zones = [...new Set(['UTC', ...(current ? [current] : []), ...supportedZones().map(currentZoneName)])].filter(isTimeZone);
  return zones.map((zone) => {
    const offset = offsetOf(zone, locale, now);
    const name = zone.replaceAll('_', ' ');
    return { value: zone, label: offset ? `${name} (${offset})` : name };
  });
}

/** This device's zone under its current name; UTC when the browser does not say. */
export function deviceZone(): string {
  let zone: string | null = null;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    // An old browser without zones: UTC.
  }
  return currentZoneName(isTimeZone(zone) ? zone : 'UTC');
}
