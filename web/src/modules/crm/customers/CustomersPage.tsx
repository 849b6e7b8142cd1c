import { Box, Button, Loader } from '@mantine/core';
import { IconFilterOff, IconHeartHandshake, IconPlus, IconZoomQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { OrderDirection } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan, useViewer } from '../../../lib/viewer';
import { FindDuplicatesButton } from '../duplicates/FindDuplicatesButton';
import { ExportButton } from '../import/ExportButton';
import { useCustomColumns } from '../fields/custom-columns';
import { ListViewsBar } from '../segments/ListViewsBar';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListQueryError } from '../shared/ListQueryError';
import { ListSkeleton } from '../shared/ListSkeleton';
import { PagedList } from '../shared/PagedList';
import { sortParams } from '../shared/sort';
import { PAGE_SIZE, useListUrl } from '../shared/use-list-url';
import { CUSTOMERS_LIST } from './customer.documents';
import { CustomerCards } from './CustomerCards';
import { CustomersFilters } from './CustomersFilters';
import { CustomersTable } from './CustomersTable';
import { CUSTOMER_FILTER_KEYS, CUSTOMER_SORTS, readCustomersView } from './customers-view';

/** `/customers`: the organizations and private persons the company sells to, searchable, filterable and sortable, 25 a page. */
export function CustomersPage() {
  const { t } = useTranslation();
  const can = useCan();
  const viewer = useViewer();
  const phone = usePhone();
  const canWrite = can('CRM:write');
  const list = useListUrl();
  const view = readCustomersView(list.params, viewer?.user?.id ?? null);
  const columns = useCustomColumns('CUSTOMER', 'customers');
  const query = useApiQuery(
    CUSTOMERS_LIST,
    {
      first: PAGE_SIZE,
      after: list.after,
      filter: view.filter,
      orderBy: { field: view.sort.field, direction: view.sort.direction, customFieldKey: view.sort.customFieldKey },
      withCustomFields: columns.columns.length > 0,
    },
    { keepPrevious: true, enabled: view.ready },
  );
  const connection = query.data?.customers;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const firstRun = connection !== undefined && connection.totalCount === 0 && !view.narrowed;

  function sort(key: string, direction: OrderDirection | null) {
    const natural = CUSTOMER_SORTS.find((option) => option.key === key)?.natural ?? 'ASC';
    list.update(sortParams(key, direction ?? natural));
  }

  return (
    <Box>
      <PageHeader
        title={t('crm.customers.title')}
        subtitle={connection && !firstRun ? t('crm.customers.count', { count: connection.totalCount }) : !connection && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={
          canWrite && !firstRun ? (
            <>
              <FindDuplicatesButton to="/customers/duplicates" />
              <ExportButton list="customers" filter={view.filter} orderBy={{ field: view.sort.field, direction: view.sort.direction, customFieldKey: view.sort.customFieldKey }} />
              <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
                {t('crm.customers.new')}
              </Button>
            </>
          ) : null
        }
      />
      {!firstRun && <CustomersFilters view={view} onChange={list.update} onSort={sort} onClear={() => list.clear(CUSTOMER_FILTER_KEYS)} />}
      {!firstRun && <ListViewsBar entity="CUSTOMER" list={list} filter={view.filter} filterKeys={CUSTOMER_FILTER_KEYS} columns={columns} />}
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {!connection ? (
        !query.error && <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel
          label={t('crm.customers.firstRun.title')}
          icon={<IconHeartHandshake />}
          title={t('crm.customers.firstRun.title')}
          description={t('crm.customers.firstRun.body')}
          action={
            canWrite ? (
              <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
                {t('crm.customers.firstRun.add')}
              </Button>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <EmptyPanel
          label={t('crm.customers.noMatch.title')}
          icon={<IconZoomQuestion />}
          title={t('crm.customers.noMatch.title')}
          description={t('crm.customers.noMatch.body')}
          action={
            <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(CUSTOMER_FILTER_KEYS)}>
              {t('crm.list.clearFilters')}
            </Button>
          }
        />
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <CustomerCards rows={rows} /> : <CustomersTable rows={rows} sort={view.sort} onSort={sort} customColumns={columns.columns} />}
        </PagedList>
      )}
    </Box>
  );
}
