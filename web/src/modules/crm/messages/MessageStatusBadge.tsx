import { Badge, Tooltip, type MantineSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MessageStatus } from '../../../gql/graphql';

const COLORS: Record<MessageStatus, string> = {
  QUEUED: 'gray',
  SENDING: 'blue',
  SENT: 'teal',
  DELIVERED: 'green',
  FAILED: 'red',
  RECEIVED: 'indigo',
};

export interface MessageStatusBadgeProps {
  /** The message's `status`. */
  status: MessageStatus;
  /** The message's `error`: shown on hover (and to screen readers) when it FAILED. */
  error?: string | null;
  size?: MantineSize;
}

/** Where an email or SMS stands (queued, sending, sent, delivered, failed, received), for the timeline and lists. */
export function MessageStatusBadge({ status, error = null, size = 'sm' }: MessageStatusBadgeProps) {
  const { t } = useTranslation();
  const label = t(`crm.messages.status.${status}`);
  const badge = (
    <Badge color={COLORS[status]} variant="light" size={size} aria-label={error ? t('crm.messages.statusWithError', { status: label, error }) : label}>
      {label}
    </Badge>
  );
  if (status !== 'FAILED' || !error) return badge;
  return (
    <Tooltip label={error} multiline maw={320} withArrow>
      {badge}
    </Tooltip>
  );
}
