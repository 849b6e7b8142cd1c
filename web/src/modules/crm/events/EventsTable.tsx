import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../../lib/format';
import { MoneyAmount } from '../deals/DealMoney';
import { EventKindBadge } from './EventKindBadge';
import type { EventRow } from './events-view';
import { useEventDates } from './use-event-dates';

/** Events as a table (desktop): name and place, kind, days, people registered and who came, cost. */
export function EventsTable({ rows }: { rows: EventRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates = useEventDates();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('events.list.label')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th w="34%">{t('events.columns.name')}</Table.Th>
              <Table.Th>{t('events.columns.kind')}</Table.Th>
              <Table.Th>{t('events.columns.when')}</Table.Th>
              <Table.Th ta="right">{t('events.columns.registered')}</Table.Th>
              <Table.Th ta="right">{t('events.columns.attended')}</Table.Th>
              <Table.Th ta="right">{t('events.columns.cost')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((event) => (
              <Table.Tr key={event.id}>
                <Table.Td>
                  <Stack gap={0} miw={0}>
                    <Anchor component={Link} to={`/events/${event.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                      {event.name}
                    </Anchor>
                    {event.location && (
                      <Text fz="xs" c="dimmed" truncate="end">
                        {event.location}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <EventKindBadge kind={event.kind} />
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                    {dates(event.startsOn, event.endsOn)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm">{format.number(event.registered)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm">{format.number(event.attended)}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  <MoneyAmount money={event.cost} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
