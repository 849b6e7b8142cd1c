import { Box, Button, Loader } from '@mantine/core';
import { IconCalendarPlus, IconCalendarSearch, IconFilterOff, IconPlus, IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListQueryError } from '../shared/ListQueryError';
import { ListSkeleton } from '../shared/ListSkeleton';
import { PagedList } from '../shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../shared/use-list-url';
import { MARKETING_EVENTS } from './event.documents';
import { EventCards } from './EventCards';
import { EventFormModal } from './EventFormModal';
import { EventsFilters } from './EventsFilters';
import { EventsTable } from './EventsTable';
import { EVENT_FILTER_KEYS, readEventsView } from './events-view';

/** `/events`: the company's exhibitions, conferences, seminars and webinars, newest first, 25 a page. */
export function EventsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const canWrite = can('CRM:write');
  const list = useListUrl();
  const view = readEventsView(list.params);
  const [creating, setCreating] = useState(false);
  const query = useApiQuery(MARKETING_EVENTS, { first: PAGE_SIZE, after: list.after, filter: view.filter }, { keepPrevious: true, enabled: !view.inverted });
  const connection = view.inverted ? undefined : query.data?.marketingEvents;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const firstRun = connection !== undefined && connection.totalCount === 0 && !view.narrowed;

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('events.new')}
    </Button>
  ) : null;

  return (
    <Box>
      <PageHeader
        title={t('events.title')}
        subtitle={connection && !firstRun ? t('events.count', { count: connection.totalCount }) : !connection && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={firstRun ? null : newButton}
      />
      {!firstRun && <EventsFilters view={view} onChange={list.update} onClear={() => list.clear(EVENT_FILTER_KEYS)} />}
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {view.inverted ? (
        <EmptyPanel
          label={t('events.list.inverted')}
          icon={<IconCalendarSearch />}
          title={t('events.noMatch.title')}
          description={t('events.list.inverted')}
          action={
            <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(['from', 'to'])}>
              {t('events.list.clearPeriod')}
            </Button>
          }
        />
      ) : !connection ? (
        !query.error && <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel
          label={t('events.firstRun.title')}
          icon={<IconPresentation />}
          title={t('events.firstRun.title')}
          description={t('events.firstRun.body')}
          action={
            canWrite ? (
              <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setCreating(true)}>
                {t('events.firstRun.add')}
              </Button>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <EmptyPanel
          label={t('events.noMatch.title')}
          icon={<IconCalendarSearch />}
          title={t('events.noMatch.title')}
          description={t('events.noMatch.body')}
          action={
            <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(EVENT_FILTER_KEYS)}>
              {t('crm.list.clearFilters')}
            </Button>
          }
        />
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <EventCards rows={rows} /> : <EventsTable rows={rows} />}
        </PagedList>
      )}
      <EventFormModal opened={creating} onClose={() => setCreating(false)} />
    </Box>
  );
}
