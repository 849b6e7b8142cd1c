import { Box, Button, DataList, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconMapPin, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { DetailField } from '../shared/DetailField';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NotFoundPanel } from '../shared/NotFoundPanel';
import { DELETE_MARKETING_EVENT, MARKETING_EVENT } from './event.documents';
import { EventAttendees } from './EventAttendees';
import { EventFigures } from './EventFigures';
import { EventFormModal } from './EventFormModal';
import { EventKindBadge } from './EventKindBadge';
import { useEventDates } from './use-event-dates';
import { useRefreshEvents } from './use-refresh-events';

/** `/events/:id`: one event: what, when, where and what it cost; its figures; its people. Edit and delete with CRM:write. */
export function EventDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const dates = useEventDates();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const [confirming, { open, close }] = useDisclosure(false);
  const query = useApiQuery(MARKETING_EVENT, { id });
  const remove = useApiMutation(DELETE_MARKETING_EVENT);
  const refresh = useRefreshEvents();
  const event = query.data?.marketingEvent;

  if (isMissing(query.error)) {
    return <NotFoundPanel title={t('events.notFound.title')} description={t('events.notFound.body')} backTo="/events" backLabel={t('events.backToList')} />;
  }
  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!event) return <DetailSkeleton />;

  async function confirmDelete(name: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      close();
      notifications.show({ color: 'green', message: t('events.deleted', { name }) });
      navigate('/events');
      void refresh({ deals: true });
    } catch (error) {
      showApiError(t, error);
    }
  }

  return (
    <Box maw={1180}>
      <PageHeader
        back={{ to: '/events', label: t('events.backToList') }}
        title={event.name}
        subtitle={
          <Group gap="sm" wrap="wrap" mt={2}>
            <EventKindBadge kind={event.kind} />
            <Group gap={4} wrap="nowrap">
              <IconCalendarEvent size={14} aria-hidden />
              <span>{dates(event.startsOn, event.endsOn)}</span>
            </Group>
            {event.location && (
              <Group gap={4} wrap="nowrap">
                <IconMapPin size={14} aria-hidden />
                <span>{event.location}</span>
              </Group>
            )}
          </Group>
        }
        actions={
          can('CRM:write') ? (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
                {t('common.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="lg">
            <DetailCard title={t('crm.detail.details')}>
              <DataList orientation="vertical" gap="md">
                <DetailField label={t('events.fields.kind')}>{t(`events.kind.${event.kind}`)}</DetailField>
                <DetailField label={t('events.fields.when')}>{dates(event.startsOn, event.endsOn)}</DetailField>
                <DetailField label={t('events.fields.location')}>{event.location}</DetailField>
                <DetailField label={t('events.fields.cost')}>{event.cost && format.money(event.cost.amount, event.cost.currency)}</DetailField>
                <DetailField label={t('events.fields.notes')}>
                  {event.notes && (
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {event.notes}
                    </Text>
                  )}
                </DetailField>
                <DetailField label={t('crm.detail.created')}>
                  <Text fz="sm">{format.dateTime(event.createdAt)}</Text>
                </DetailField>
              </DataList>
            </DetailCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <EventFigures event={event} />
            <EventAttendees event={event} />
          </Stack>
        </Grid.Col>
      </Grid>
      <EventFormModal opened={editing} onClose={() => setEditing(false)} event={event} />
      <ConfirmModal
        opened={confirming}
        onClose={close}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete(event.name)}
        title={t('events.deleteTitle', { name: event.name })}
        message={event.registered > 0 ? t('events.deleteBodyPeople', { count: event.registered }) : t('events.deleteBody')}
        confirmLabel={t('events.deleteConfirm')}
      />
    </Box>
  );
}
