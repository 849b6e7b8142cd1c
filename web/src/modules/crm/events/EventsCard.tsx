import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { DetailCard } from '../shared/DetailCard';
import { CONTACT_EVENTS, CUSTOMER_EVENTS } from './event.documents';
import { useEventDates } from './use-event-dates';

interface EventsCardProps {
  /** A person's page (the events they registered at) or a customer's (the events its people registered at). */
  subject: { type: 'CONTACT' | 'CUSTOMER'; id: string };
}

interface EventLine {
  event: { id: string; name: string; startsOn: string };
  /** Someone came (the person, or one of the customer's people). */
  attended: boolean;
  /** On a customer's card: its people who came, then those who only registered. */
  came: { id: string; fullName: string }[];
  absent: { id: string; fullName: string }[];
}

/** One line per event, newest first (the API's order), the people of a customer gathered under it. */
function linesOf(attendances: { attended: boolean; event: EventLine['event']; contact?: { id: string; fullName: string } }[]): EventLine[] {
  const lines = new Map<string, EventLine>();
  for (const attendance of attendances) {
    const line = lines.get(attendance.event.id) ?? { event: attendance.event, attended: false, came: [], absent: [] };
    line.attended ||= attendance.attended;
    if (attendance.contact) (attendance.attended ? line.came : line.absent).push(attendance.contact);
    lines.set(attendance.event.id, line);
  }
  return [...lines.values()];
}

/** On a person's or customer's card: the marketing events they came to (and those they only registered at). */
export function EventsCard({ subject }: EventsCardProps) {
  const { t } = useTranslation();
  const dates = useEventDates();
  const person = useApiQuery(CONTACT_EVENTS, { id: subject.id }, { enabled: subject.type === 'CONTACT' });
  const customer = useApiQuery(CUSTOMER_EVENTS, { id: subject.id }, { enabled: subject.type === 'CUSTOMER' });
  const query = subject.type === 'CONTACT' ? person : customer;
  const attendances = subject.type === 'CONTACT' ? person.data?.contact.events : customer.data?.customer.events;
  const lines = attendances ? linesOf(attendances) : null;
  const title = t('events.card.title');
  const cameCount = lines?.filter((line) => line.attended).length ?? 0;

  return (
    <DetailCard
      title={title}
      action={
        lines && lines.length > 0 ? (
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {t('events.card.count', { count: cameCount })}
          </Badge>
        ) : null
      }
    >
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !lines ? (
        <Stack gap="sm" role="status" aria-label={t('common.loading')}>
          <Skeleton height={14} width="60%" />
          <Skeleton height={14} width="40%" />
        </Stack>
      ) : lines.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {subject.type === 'CONTACT' ? t('events.card.nonePerson') : t('events.card.noneCustomer')}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label={title}>
          {lines.map((line, index) => (
            <Stack key={line.event.id} role="listitem" gap={2} py="sm" style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/events/${line.event.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
                  {line.event.name}
                </Anchor>
                <Badge size="sm" variant="light" color={line.attended ? 'teal' : 'gray'} radius="sm" tt="none" style={{ flexShrink: 0 }}>
                  {line.attended ? t('events.attendees.came') : t('events.card.onlyRegistered')}
                </Badge>
              </Group>
              <Text fz="xs" c="dimmed">
                {dates(line.event.startsOn)}
              </Text>
              {subject.type === 'CUSTOMER' && (line.came.length > 0 || line.absent.length > 0) && (
                <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {[
                    line.came.length > 0 ? t('events.card.whoCame', { names: line.came.map((contact) => contact.fullName).join(', ') }) : null,
                    line.absent.length > 0 ? t('events.card.whoRegistered', { names: line.absent.map((contact) => contact.fullName).join(', ') }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </DetailCard>
  );
}
