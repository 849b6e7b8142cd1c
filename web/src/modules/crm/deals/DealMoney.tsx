import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { Money } from './money';

/** One amount in its currency, or a dash. */
export function MoneyAmount({ money, ...text }: { money: Money | null | undefined } & TextProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!money) {
    return (
      <Text fz="sm" c="dimmed" span {...text}>
        {t('common.none')}
      </Text>
    );
  }
  return (
    <Text fz="sm" span style={{ whiteSpace: 'nowrap' }} {...text}>
      {format.money(money.amount, money.currency)}
    </Text>
  );
}

/** Sums per currency ("€12,000 · $3,000"): amounts in different currencies are never added together. */
export function useMoneyTotals(): (totals: Money[]) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (totals) => (totals.length === 0 ? t('common.none') : totals.map((money) => format.money(money.amount, money.currency)).join(' · '));
}

export function MoneyTotals({ totals, ...text }: { totals: Money[] } & TextProps) {
  const words = useMoneyTotals();
  return (
    <Text fz="sm" c={totals.length === 0 ? 'dimmed' : undefined} span {...text}>
      {words(totals)}
    </Text>
  );
}
