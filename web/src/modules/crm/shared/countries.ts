import { getAlpha2Codes } from 'i18n-iso-countries';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';

/** ISO 3166-1 alpha-2 codes: the same static list the API checks addresses against. */
export const COUNTRY_CODES: string[] = Object.keys(getAlpha2Codes()).sort();

export interface CountryOption {
  value: string;
  label: string;
}

function displayNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' });
  } catch {
    return null;
  }
}

function nameOf(names: Intl.DisplayNames | null, code: string): string {
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A country's name in the interface language ("RO" → "Romania", "România", "Ρουμανία"); the code when unknown. */
export function useCountryName(): (code: string | null | undefined) => string | null {
  const { i18n } = useTranslation();
  const names = useMemo(() => displayNames(intlLocale(i18n.language)), [i18n.language]);
  return (code) => (code ? nameOf(names, code) : null);
}

/** Every country, named in the interface language and sorted by its rules. */
export function useCountryOptions(): CountryOption[] {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const locale = intlLocale(i18n.language);
    const names = displayNames(locale);
    const collator = new Intl.Collator(locale);
    return COUNTRY_CODES.map((code) => ({ value: code, label: nameOf(names, code) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [i18n.language]);
}

/** Text compared without case or accents: "romania" finds "România". */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();
}
