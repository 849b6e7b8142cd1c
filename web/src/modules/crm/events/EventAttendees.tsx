import { ActionIcon, Anchor, Badge, Button, Center, Group, SegmentedControl, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconUserMinus, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { NameAvatar } from '../shared/NameAvatar';
import { AddAttendeesModal } from './AddAttendeesModal';
import { ADD_EVENT_ATTENDEES, REMOVE_EVENT_ATTENDEE } from './event.documents';
import { useEventAttendees, type Attendance } from './use-event-attendees';
import { useRefreshEvents } from './use-refresh-events';

interface EventAttendeesProps {
  event: { id: string; name: string; startsOn: string; registered: number; attended: number };
}

/** The event's people by name: who came and who only registered; with CRM:write, add people, mark them, remove them. */
export function EventAttendees({ event }: EventAttendeesProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const canWrite = can('CRM:write');
  const [adding, setAdding] = useState(false);
  const query = useEventAttendees(event.id);
  const rows = query.data?.pages.flatMap((page) => page.marketingEvent.attendees.edges.map((edge) => edge.node)) ?? [];
  const registered = new Set(rows.map((row) => row.contact.id));
  const title = t('events.attendees.title');

  return (
    <DetailCard
      title={title}
      action={
        <Group gap="xs">
          <Badge variant="light" color="gray" radius="sm" tt="none">
            {t('events.attendees.summary', { registered: format.number(event.registered), attended: format.number(event.attended) })}
          </Badge>
          {canWrite && (
            <Button size="xs" variant="light" leftSection={<IconUsersPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
              {t('events.attendees.add')}
            </Button>
          )}
        </Group>
      }
    >
      {query.isError && !query.data ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Stack gap="sm" role="status" aria-label={t('common.loading')}>
          <Skeleton height={14} width="60%" />
          <Skeleton height={14} width="45%" />
        </Stack>
      ) : rows.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {canWrite ? t('events.attendees.none') : t('events.attendees.noneReadOnly')}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label={title}>
          {rows.map((row, index) => (
            <AttendeeRow key={row.contact.id} eventId={event.id} row={row} canWrite={canWrite} first={index === 0} />
          ))}
        </Stack>
      )}
      {query.isFetchNextPageError && <QueryErrorAlert error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage && !query.isFetchNextPageError && (
        <Center mt="sm">
          <Button variant="subtle" size="sm" leftSection={<IconChevronDown size={16} aria-hidden />} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('events.attendees.showMore')}
          </Button>
        </Center>
      )}
      <AddAttendeesModal opened={adding} onClose={() => setAdding(false)} event={event} registered={registered} />
    </DetailCard>
  );
}

function AttendeeRow({ eventId, row, canWrite, first }: { eventId: string; row: Attendance; canWrite: boolean; first: boolean }) {
  const { t } = useTranslation();
  const mark = useApiMutation(ADD_EVENT_ATTENDEES);
  const remove = useApiMutation(REMOVE_EVENT_ATTENDEE);
  const refresh = useRefreshEvents();
  const { contact } = row;
  // Shown at once; the answer (and the refreshed counts) follow.
  const [attended, setAttended] = useState(row.attended);
  const [seen, setSeen] = useState(row.attended);
  if (row.attended !== seen) {
    setSeen(row.attended);
    setAttended(row.attended);
  }

  async function change(next: boolean) {
    setAttended(next);
    try {
      await mark.mutateAsync({ input: { eventId, contactIds: [contact.id], attended: next } });
      await refresh();
    } catch (error) {
      setAttended(row.attended);
      showApiError(t, error);
    }
  }

  async function unregister() {
    try {
      await remove.mutateAsync({ input: { eventId, contactId: contact.id } });
      notifications.show({ color: 'green', message: t('events.attendees.removed', { name: contact.fullName }) });
      await refresh();
    } catch (error) {
      showApiError(t, error);
    }
  }

  const removeLabel = t('events.attendees.remove', { name: contact.fullName });
  return (
    <Group role="listitem" gap="sm" wrap="wrap" py="sm" justify="space-between" style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 14rem' }}>
        <NameAvatar name={contact.fullName} size={34} />
        <Stack gap={0} miw={0}>
          <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
            {contact.fullName}
          </Anchor>
          {(contact.customer || contact.email) && (
            <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {[contact.customer?.name, contact.email].filter(Boolean).join(' · ')}
            </Text>
          )}
        </Stack>
      </Group>
      {canWrite ? (
        <Group gap="xs" wrap="nowrap">
          <SegmentedControl
            size="xs"
            aria-label={t('events.attendees.cameLabel', { name: contact.fullName })}
            value={attended ? 'came' : 'absent'}
            onChange={(value) => void change(value === 'came')}
            disabled={mark.isPending}
            color={attended ? 'teal' : 'gray'}
            data={[
              { value: 'came', label: t('events.attendees.came') },
              { value: 'absent', label: t('events.attendees.absent') },
            ]}
          />
          <Tooltip label={removeLabel} openDelay={400}>
            <ActionIcon variant="subtle" color="gray" aria-label={removeLabel} onClick={() => void unregister()} loading={remove.isPending}>
              <IconUserMinus size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      ) : (
        <Badge variant="light" color={row.attended ? 'teal' : 'gray'} radius="sm" tt="none">
          {row.attended ? t('events.attendees.came') : t('events.attendees.absent')}
        </Badge>
      )}
    </Group>
  );
}
