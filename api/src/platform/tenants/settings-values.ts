/**
 * The values company settings, sign-up and a person's profile accept, checked in one place so every
 * input takes exactly the same ones. `null` arrives when a client sends it for an optional field.
 */
import { BadUserInputError } from '../../graphql/errors.js';

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Languages the product is translated into: a person's own, or a company's default. */
export const LOCALES = ['en', 'ro', 'es', 'nb', 'el'] as const;

export function checkLocale(value: string | null, path: string[]): string {
  if (value === null || !(LOCALES as readonly string[]).includes(value)) throw BadUserInputError.field(path, `must be one of ${LOCALES.join(', ')}`, 'INVALID_LANGUAGE');
  return value;
}

/**
 * Any IANA zone this runtime knows, under any of its names: Intl lists only canonical geographic
 * zones ("Europe/Kiev"), while browsers report current names ("Europe/Kyiv") and "UTC".
 * Abbreviations and offsets ("EST", "+02:00") are refused: they do not follow daylight saving.
 */
export function checkTimeZone(value: string | null, path: string[]): string {
  const refused = BadUserInputError.field(path, 'is not an IANA time zone', 'INVALID_TIME_ZONE');
  if (value === null || !(value === 'UTC' || /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value))) throw refused;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    throw refused;
  }
  return value;
}

export function checkCurrency(value: string | null, path: string[]): string {
  if (value === null || !CURRENCIES.has(value)) throw BadUserInputError.field(path, 'is not an ISO 4217 currency', 'INVALID_CURRENCY');
  return value;
}
