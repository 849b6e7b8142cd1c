import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import { IconCalendarEvent, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MoneyAmount } from '../deals/DealMoney';
import { EventKindBadge } from './EventKindBadge';
import type { EventRow } from './events-view';
import { useEventDates } from './use-event-dates';

/** Events as cards (phones): name and kind, days and place, who came, cost. */
export function EventCards({ rows }: { rows: EventRow[] }) {
  const { t } = useTranslation();
  const dates = useEventDates();
  return (
    <Stack gap="sm" role="list" aria-label={t('events.list.label')}>
      {rows.map((event) => (
        <Card key={event.id} withBorder radius="md" padding="md" role="listitem">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Anchor component={Link} to={`/events/${event.id}`} fw={600} c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                {event.name}
              </Anchor>
              <EventKindBadge kind={event.kind} size="xs" />
            </Group>
            <Group gap={6} wrap="nowrap">
              <IconCalendarEvent size={14} aria-hidden />
              <Text fz="sm">{dates(event.startsOn, event.endsOn)}</Text>
            </Group>
            {event.location && (
              <Group gap={6} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {event.location}
                </Text>
              </Group>
            )}
            <Group justify="space-between" gap="xs">
              <Text fz="sm" c="dimmed">
                {t('events.list.people', { registered: event.registered, attended: event.attended })}
              </Text>
              <MoneyAmount money={event.cost} />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
