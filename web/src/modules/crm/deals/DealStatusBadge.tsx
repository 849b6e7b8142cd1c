import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DealStatus } from '../../../gql/graphql';

const COLOR: Record<DealStatus, string> = { OPEN: 'blue', WON: 'green', LOST: 'red' };

/** Open, won or lost. */
export function DealStatusBadge({ status, size = 'sm' }: { status: DealStatus; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLOR[status]} variant="light" size={size} style={{ flexShrink: 0 }}>
      {t(`deals.status.${status}`)}
    </Badge>
  );
}
