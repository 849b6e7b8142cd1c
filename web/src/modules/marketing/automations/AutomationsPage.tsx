import { Box, Button, Loader, SegmentedControl } from '@mantine/core';
import { IconBolt, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../../crm/shared/EmptyPanel';
import { ListQueryError } from '../../crm/shared/ListQueryError';
import { ListSkeleton } from '../../crm/shared/ListSkeleton';
import { PagedList } from '../../crm/shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../../crm/shared/use-list-url';
import { MarketingTabs } from '../shared/MarketingTabs';
import { AUTOMATIONS } from './automation.documents';
import { AutomationCards } from './AutomationCards';
import { AUTOMATION_FILTER_KEYS, AUTOMATION_STATUSES, readAutomationsView } from './automations-view';
import { AutomationsTable } from './AutomationsTable';

const ALL = 'ALL';

/** `/campaigns/automations`: the company's automations, newest first, 25 a page, narrowed by status. */
export function AutomationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const canWrite = can('MARKETING:write');
  const list = useListUrl();
  const view = readAutomationsView(list.params);
  const query = useApiQuery(AUTOMATIONS, { first: PAGE_SIZE, after: list.after, filter: view.filter }, { keepPrevious: true });
  const connection = query.data?.automations;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const firstRun = connection !== undefined && connection.totalCount === 0 && !view.narrowed;

  const newButton = canWrite ? (
    <Button component={Link} to="/campaigns/automations/new" leftSection={<IconPlus size={16} />}>
      {t('automations.new')}
    </Button>
  ) : null;

  return (
    <Box>
      <PageHeader
        title={t('automations.title')}
        subtitle={connection && !firstRun ? t('automations.count', { count: connection.totalCount }) : !connection && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={firstRun ? null : newButton}
        mb="sm"
      />
      <MarketingTabs current="automations" />
      {!firstRun && (
        <SegmentedControl
          mb="md"
          aria-label={t('automations.list.statusFilter')}
          value={view.status ?? ALL}
          onChange={(value) => list.update({ status: value === ALL ? null : value })}
          data={[{ value: ALL, label: t('automations.list.anyStatus') }, ...AUTOMATION_STATUSES.map((status) => ({ value: status, label: t(`automations.status.${status}`) }))]}
        />
      )}
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {!connection ? (
        !query.error && <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel
          label={t('automations.firstRun.title')}
          icon={<IconBolt />}
          title={t('automations.firstRun.title')}
          description={t('automations.firstRun.body')}
          action={
            canWrite ? (
              <Button component={Link} to="/campaigns/automations/new" leftSection={<IconPlus size={16} />}>
                {t('automations.firstRun.add')}
              </Button>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <EmptyPanel
          label={t('automations.noMatch.title')}
          icon={<IconSearch />}
          title={t('automations.noMatch.title')}
          description={t('automations.noMatch.body')}
          action={
            <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(AUTOMATION_FILTER_KEYS)}>
              {t('crm.list.clearFilters')}
            </Button>
          }
        />
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <AutomationCards rows={rows} /> : <AutomationsTable rows={rows} />}
        </PagedList>
      )}
    </Box>
  );
}
