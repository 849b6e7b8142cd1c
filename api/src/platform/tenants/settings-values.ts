/**
 * The values company settings, sign-up and a person's profile accept, checked in one place so every
 * input takes exactly the same ones. `null` arrives when a client sends it for an optional field.
 */
import { BadUserInputError } from '../../graphql/errors.js';

// Intl lists only geographic zones; UTC (every new company's default) must stay choosable.
const TIME_ZONES = new Set([...Intl.supportedValuesOf('timeZone'), 'UTC']);
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Languages the product is translated into: a person's own, or a company's default. */
export const LOCALES = ['en', 'ro', 'es', 'nb', 'el'] as const;

export function checkLocale(value: string | null, path: string[]): string {
  if (value === null || !(LOCALES as readonly string[]).includes(value)) throw BadUserInputError.field(path, `must be one of ${LOCALES.join(', ')}`, 'INVALID_LANGUAGE');
  return value;
}

export function checkTimeZone(value: string | null, path: string[]): string {
  if (value === null || !TIME_ZONES.has(value)) throw BadUserInputError.field(path, 'is not an IANA time zone', 'INVALID_TIME_ZONE');
  return value;
}

export function checkCurrency(value: string | null, path: string[]): string {
  if (value === null || !CURRENCIES.has(value)) throw BadUserInputError.field(path, 'is not an ISO 4217 currency', 'INVALID_CURRENCY');
  return value;
}
