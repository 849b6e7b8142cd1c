import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';

function utcDay(day: string): Date | null {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * An event's days in the user's language: "12 Mar 2025", or a range "12–14 Mar 2025". Calendar days
 * carry no time zone: they are formatted at UTC on both sides, so they never slip a day.
 */
export function useEventDates(): (startsOn: string, endsOn?: string | null) => string {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (startsOn, endsOn) => {
    const start = utcDay(startsOn);
    if (!start) return startsOn;
    const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const end = endsOn && endsOn !== startsOn ? utcDay(endsOn) : null;
    return end ? format.formatRange(start, end) : format.format(start);
  };
}
