import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SubscriptionStatus } from '../../../gql/graphql';

const COLORS: Record<SubscriptionStatus, string> = { SUBSCRIBED: 'teal', PENDING: 'yellow', UNSUBSCRIBED: 'gray' };

export function MemberStatusBadge({ status }: { status: SubscriptionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={COLORS[status]} radius="sm" tt="none">
      {t(`subscriptions.members.status.${status}`)}
    </Badge>
  );
}
