import { useTranslation } from 'react-i18next';
import { intlLocale } from '../i18n/languages';
import { useViewer } from './viewer';

export interface Formatters {
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
  number: (value: number) => string;
  money: (amount: string | number, currency?: string) => string;
}

/** Dates, numbers and money in the user's language, the company's time zone and currency. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const viewer = useViewer();
  const locale = intlLocale(i18n.language);
  const timeZone = viewer?.tenant.settings.timeZone;
  const currency = viewer?.tenant.settings.currency ?? 'EUR';
  return {
    date: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso)),
    dateTime: (iso) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)),
    number: (value) => new Intl.NumberFormat(locale).format(value),
    // Decimal strings go to Intl as strings: no float rounding on the way.
    money: (amount, code) => new Intl.NumberFormat(locale, { style: 'currency', currency: code ?? currency }).format(typeof amount === 'string' ? (amount as Intl.StringNumericLiteral) : amount),
  };
}
