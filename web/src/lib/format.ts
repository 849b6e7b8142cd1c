import { useTranslation } from 'react-i18next';
import { intlLocale } from '../i18n/languages';
import { useViewer } from './viewer';

export interface Formatters {
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (value: number) => string;
  money: (amount: string | number, currency?: string) => string;
}

/**
 * Dates, numbers and money in the user's language and the company's currency. Times show in this
 * device's time zone, the same zone the date-and-time fields are typed in, so what one types is
 * what one sees; the company's zone is for what leaves the app (emails, later reports).
 */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const viewer = useViewer();
  const locale = intlLocale(i18n.language);
  const currency = viewer?.tenant.settings.currency ?? 'EUR';
  return {
    date: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso)),
    dateTime: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
    number: (value) => new Intl.NumberFormat(locale).format(value),
    // Decimal strings go to Intl as strings: no float rounding on the way.
    money: (amount, code) => new Intl.NumberFormat(locale, { style: 'currency', currency: code ?? currency }).format(typeof amount === 'string' ? (amount as Intl.StringNumericLiteral) : amount),
  };
}

/** This device's time zone (IANA), which times show in and date-and-time fields are typed in; null if unknown. */
export function deviceTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}
