import { createRequire } from 'node:module';
import { getCountry } from 'countries-and-timezones';
import type { SqlCondition } from '../graphql/keyset.js';

interface PhoneMetadata {
  country_calling_codes: Record<string, string[]>;
}

const require = createRequire(import.meta.url);
const metadata = require('libphonenumber-js/metadata.min.json') as PhoneMetadata;

/** A country's time zone when it has exactly one; a country spanning several has none here. */
function onlyZone(country: string): string | null {
  const zones = getCountry(country)?.timezones ?? [];
  return zones.length === 1 ? (zones[0] ?? null) : null;
}

/** Country code → its one zone, for the countries that have one. */
const COUNTRY_ZONES: Record<string, string> = {};
/** Calling code (digits) → the zone of the code's main country, when that country has one zone. */
const CALLING_ZONES: Record<string, string> = {};
for (const [code, countries] of Object.entries(metadata.country_calling_codes)) {
  for (const country of countries) {
    const zone = onlyZone(country);
    if (zone) COUNTRY_ZONES[country] = zone;
  }
  const main = countries[0];
  const zone = main ? onlyZone(main) : null;
  if (zone) CALLING_ZONES[code] = zone;
}

/**
 * The recipient's time zone, in SQL over person `c`: the zone of their address's country, else of
 * their number's country, when that country has a single zone; otherwise the company's zone (a
 * country across several zones says too little). Calling codes never prefix one another, so one
 * matches at most.
 */
export function recipientZoneSql(): SqlCondition {
  return {
    sql: `coalesce(
      (select z.value from jsonb_each_text(?::jsonb) z where z.key = upper(c.address_country)),
      (select z.value from jsonb_each_text(?::jsonb) z where c.phone like '+' || z.key || '%' limit 1),
      (select s.time_zone from tenant_settings s where s.tenant_id = c.tenant_id),
      'UTC')`,
    params: [JSON.stringify(COUNTRY_ZONES), JSON.stringify(CALLING_ZONES)],
  };
}

/** True in SQL when it is now within [start, end) local hours of the recipient (the window may span midnight). */
export function inQuietHoursSql(start: number, end: number): SqlCondition {
  const zone = recipientZoneSql();
  const test = start < end ? `h >= ${start} and h < ${end}` : `h >= ${start} or h < ${end}`;
  // The zone's expression once (its parameters are bound once), the hour tested twice.
  return { sql: `(select ${test} from (select extract(hour from now() at time zone ${zone.sql})::int as h) local_hour)`, params: zone.params };
}
