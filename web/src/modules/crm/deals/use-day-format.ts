import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';

/** Today in this device's calendar, as `YYYY-MM-DD`. */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A calendar day (`YYYY-MM-DD`, no time, no zone) in the user's language. Formatted at UTC on both
 * sides, so it never slips to the day before west of Greenwich.
 */
export function useDayFormat(): (day: string) => string {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? day : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  };
}
