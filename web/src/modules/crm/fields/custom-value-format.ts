import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import type { CustomFieldDef, CustomFieldValueData } from './custom-values';

/** A record's value of one field in words ("12,500.5", "3 Mar 2026", "Yes", "Retail, Online"); null when it has none. */
export type CustomValueText = (field: Pick<CustomFieldDef, 'type' | 'options'>, value: CustomFieldValueData | undefined) => string | null;

/** Formats custom values in the user's language; a removed option shows by its key. */
export function useCustomValueText(): CustomValueText {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const optionLabel = (field: Pick<CustomFieldDef, 'options'>, key: string) => field.options.find((option) => option.key === key)?.label ?? key;
  return (field, value) => {
    if (!value) return null;
    switch (field.type) {
      case 'TEXT':
        return value.text ?? null;
      case 'NUMBER':
      case 'DECIMAL':
        // Decimal strings go to Intl as strings: no float rounding on the way.
        return value.number ? new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(value.number as Intl.StringNumericLiteral) : null;
      case 'DATE': {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.date ?? '');
        // A calendar day, not an instant: formatted in UTC so no time zone moves it.
        return match ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : (value.date ?? null);
      }
      case 'BOOLEAN':
        return value.boolean === null || value.boolean === undefined ? null : value.boolean ? t('common.yes') : t('common.no');
      case 'SELECT':
      case 'MULTI_SELECT':
        return value.options.length > 0 ? value.options.map((key) => optionLabel(field, key)).join(', ') : null;
    }
  };
}
