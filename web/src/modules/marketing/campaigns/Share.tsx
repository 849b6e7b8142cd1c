import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { useFormat } from '../../../lib/format';

/** A count and its share of a whole ("12 · 34%"); the share is left out while the whole is 0. */
export function Share({ count, of }: { count: number; of: number }) {
  const { i18n } = useTranslation();
  const format = useFormat();
  const percent = of > 0 ? new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent', maximumFractionDigits: 1 }).format(count / of) : null;
  return (
    <Text fz="sm" span style={{ whiteSpace: 'nowrap' }}>
      {format.number(count)}
      {percent && (
        <Text span fz="xs" c="dimmed" ml={6}>
          {percent}
        </Text>
      )}
    </Text>
  );
}
