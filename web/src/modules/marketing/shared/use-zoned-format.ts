import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { formatInZone } from './zoned-time';

/** Formats an instant in the user's language as the clock of a zone shows it, the zone named (device's zone without one). */
export function useZonedFormat(): (iso: string, zone?: string | null) => string {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return (iso, zone) => formatInZone(iso, locale, zone);
}
