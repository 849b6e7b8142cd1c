import { Badge, type MantineSize } from '@mantine/core';
import { IconMail, IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { MarketingChannel } from '../../../gql/graphql';

/** Email or SMS, with its icon. */
export function ChannelBadge({ channel, size = 'sm' }: { channel: MarketingChannel; size?: MantineSize }) {
  const { t } = useTranslation();
  const Icon = channel === 'EMAIL' ? IconMail : IconMessage;
  return (
    <Badge color={channel === 'EMAIL' ? 'blue' : 'teal'} variant="light" size={size} radius="sm" tt="none" miw="max-content" leftSection={<Icon size={12} aria-hidden />}>
      {t(`marketing.channel.${channel}`)}
    </Badge>
  );
}
