import { Badge, Tooltip } from '@mantine/core';
import { IconFlame } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A rotting deal: open longer without activity than its stage allows; says for how many days. */
export function RottingBadge({ days, size = 'sm' }: { days: number; size?: 'xs' | 'sm' | 'md' }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('deals.rotting.hint')} withArrow>
      <Badge color="orange" variant="light" size={size} leftSection={<IconFlame size={12} aria-hidden />} style={{ flexShrink: 0 }}>
        {t('deals.rotting.badge', { count: days })}
      </Badge>
    </Tooltip>
  );
}
