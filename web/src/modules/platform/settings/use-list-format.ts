import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';

/** Joins names as a sentence does in the user's language: "Marketing and Service desk". */
export function useListFormat(): (items: string[]) => string {
  const { i18n } = useTranslation();
  const format = new Intl.ListFormat(intlLocale(i18n.language), { style: 'long', type: 'conjunction' });
  return (items) => format.format(items);
}
