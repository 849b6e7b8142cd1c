import { Box, Button, Loader } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../../crm/shared/EmptyPanel';
import { ListSkeleton } from '../../crm/shared/ListSkeleton';
import { MarketingTabs } from '../shared/MarketingTabs';
import { ListCards } from './ListCards';
import { SUBSCRIPTION_LISTS } from './list.documents';
import { ListFormModal } from './ListFormModal';
import { ListsTable } from './ListsTable';

/** `/campaigns/lists`: the subscription lists people join from a website form or are put on, by name, with their counts. */
export function ListsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const canWrite = can('MARKETING:write');
  const [creating, setCreating] = useState(false);
  const query = useApiQuery(SUBSCRIPTION_LISTS, {});
  const rows = query.data?.subscriptionLists;
  const firstRun = rows !== undefined && rows.length === 0;

  const newButton = canWrite ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      {t('subscriptions.lists.new')}
    </Button>
  ) : null;

  return (
    <Box>
      <PageHeader
        title={t('subscriptions.lists.title')}
        subtitle={rows && !firstRun ? t('subscriptions.lists.count', { count: rows.length }) : !rows && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={firstRun ? null : newButton}
        mb="sm"
      />
      <MarketingTabs current="lists" />
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !rows ? (
        <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel label={t('subscriptions.lists.firstRun.title')} icon={<IconListDetails />} title={t('subscriptions.lists.firstRun.title')} description={t('subscriptions.lists.firstRun.body')} action={newButton} />
      ) : phone ? (
        <ListCards rows={rows} />
      ) : (
        <ListsTable rows={rows} />
      )}
      <ListFormModal opened={creating} onClose={() => setCreating(false)} />
    </Box>
  );
}
