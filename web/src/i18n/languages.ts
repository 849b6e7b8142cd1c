/** The languages of the interface, named in their own language; the API accepts the same codes. */
export const LANGUAGES = [
  { code: 'en', name: 'English', intl: 'en-GB' },
  { code: 'ro', name: 'Română', intl: 'ro-RO' },
  { code: 'es', name: 'Español', intl: 'es-ES' },
  { code: 'nb', name: 'Norsk bokmål', intl: 'nb-NO' },
  { code: 'el', name: 'Ελληνικά', intl: 'el-GR' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export function isLanguage(code: string | null | undefined): code is LanguageCode {
  return LANGUAGES.some((language) => language.code === code);
}

/** The locale Intl formats with for a language code. */
export function intlLocale(code: string): string {
  return LANGUAGES.find((language) => language.code === code)?.intl ?? 'en-GB';
}
