import { Badge, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus } from '../../../gql/graphql';

const COLORS: Record<CampaignStatus, string> = { DRAFT: 'gray', SCHEDULED: 'indigo', SENDING: 'blue', PAUSED: 'yellow', SENT: 'green', CANCELLED: 'red' };

/** Where a campaign is: draft, scheduled, sending, paused, sent or cancelled. */
export function CampaignStatusBadge({ status, size = 'sm' }: { status: CampaignStatus; size?: MantineSize }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} variant={status === 'SENDING' ? 'filled' : 'light'} size={size} radius="sm" tt="none" miw="max-content">
      {t(`marketing.status.${status}`)}
    </Badge>
  );
}
