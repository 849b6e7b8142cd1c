import { Anchor, Stack, Text, ThemeIcon, Timeline, type TimelineItemProps } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import type { DeliveryEventView } from './delivery-event';
import { DELIVERY_EVENT_COLOR, deliveryEventIcon } from './delivery-event-icons';

/** Where the Marketing module shows what sent a message (a link only: the CRM knows nothing else of it). */
function sourcePath(source: DeliveryEventView['source']): string {
  return source.type === 'campaign' ? `/campaigns/${encodeURIComponent(source.id)}` : `/campaigns/automations/${encodeURIComponent(source.id)}`;
}

interface DeliveryEventEntryProps extends Omit<TimelineItemProps, 'title' | 'children' | 'bullet'> {
  event: DeliveryEventView;
}

/** "Email opened · Campaign Spring news · to ana@example.com" in a person's history, with the link clicked or why it bounced. */
export function DeliveryEventEntry({ event, ...item }: DeliveryEventEntryProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const Icon = deliveryEventIcon(event.kind, event.channel);
  const detail = event.detail?.trim();
  return (
    <Timeline.Item
      {...item}
      role="listitem"
      bullet={
        <ThemeIcon variant="light" color={DELIVERY_EVENT_COLOR[event.kind]} radius="xl" size={26}>
          <Icon size={15} aria-hidden />
        </ThemeIcon>
      }
    >
      <Stack gap={4} miw={0}>
        <Text fw={600} fz="sm" lh={1.35}>
          {t(`deliveryEvents.kind.${event.channel}.${event.kind}`)}
        </Text>
        <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
          <Trans
            i18nKey={event.source.type === 'campaign' ? 'deliveryEvents.fromCampaign' : 'deliveryEvents.fromAutomation'}
            values={{ name: event.source.name }}
            components={{ anchor: <Anchor component={Link} to={sourcePath(event.source)} fw={500} inherit /> }}
          />
        </Text>
        {detail && (
          <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {event.kind === 'CLICKED' ? t('deliveryEvents.link', { url: detail }) : t('deliveryEvents.reason', { reason: detail })}
          </Text>
        )}
        <Text fz="xs" c="dimmed">
          <time dateTime={event.occurredAt} style={{ whiteSpace: 'nowrap' }}>
            {format.dateTime(event.occurredAt)}
          </time>
          <span aria-hidden> · </span>
          <span style={{ overflowWrap: 'anywhere' }}>{t('deliveryEvents.to', { address: event.address })}</span>
        </Text>
      </Stack>
    </Timeline.Item>
  );
}
