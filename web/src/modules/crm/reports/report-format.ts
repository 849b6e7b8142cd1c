import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';

/** A share (a decimal string from 0 to 1, as the API sends it) as a percentage; a dash when there is none. */
export function usePercent(): (share: string | null | undefined) => string {
  const { t, i18n } = useTranslation();
  const format = new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent', maximumFractionDigits: 1 });
  return (share) => (share === null || share === undefined ? t('common.none') : format.format(Number(share)));
}
