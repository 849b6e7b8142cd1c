import { Box, Button, Loader } from '@mantine/core';
import { IconBuildingPlus, IconBuildingSkyscraper, IconFilterOff, IconPlus, IconZoomQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { OrderDirection } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListSkeleton } from '../shared/ListSkeleton';
import { sortParams } from '../shared/sort';
import { ListQueryError } from '../shared/ListQueryError';
import { PagedList } from '../shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../shared/use-list-url';
import { COMPANIES_LIST } from './company.documents';
import { CompaniesFilters } from './CompaniesFilters';
import { CompaniesTable } from './CompaniesTable';
import { COMPANY_FILTER_KEYS, COMPANY_SORTS, readCompaniesView } from './companies-view';
import { CompanyCards } from './CompanyCards';

/** `/companies`: the companies people work at, searchable and sortable, 25 a page. */
export function CompaniesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const canWrite = can('CRM:write');
  const list = useListUrl();
  const view = readCompaniesView(list.params);
  const query = useApiQuery(
    COMPANIES_LIST,
    { first: PAGE_SIZE, after: list.after, filter: view.filter, orderBy: { field: view.sort.field, direction: view.sort.direction } },
    { keepPrevious: true },
  );
  const connection = query.data?.companies;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const firstRun = connection !== undefined && connection.totalCount === 0 && !view.narrowed;

  function sort(key: string, direction: OrderDirection | null) {
    const natural = COMPANY_SORTS.find((option) => option.key === key)?.natural ?? 'ASC';
    list.update(sortParams(key, direction ?? natural));
  }

  return (
    <Box>
      <PageHeader
        title={t('crm.companies.title')}
        subtitle={connection && !firstRun ? t('crm.companies.count', { count: connection.totalCount }) : !connection && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={
          canWrite && !firstRun ? (
            <Button component={Link} to="/companies/new" leftSection={<IconPlus size={16} />}>
              {t('crm.companies.new')}
            </Button>
          ) : null
        }
      />
      {!firstRun && <CompaniesFilters view={view} onChange={list.update} onSort={sort} onClear={() => list.clear(COMPANY_FILTER_KEYS)} />}
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {!connection ? (
        !query.error && <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel
          label={t('crm.companies.firstRun.title')}
          icon={<IconBuildingSkyscraper />}
          title={t('crm.companies.firstRun.title')}
          description={t('crm.companies.firstRun.body')}
          action={
            canWrite ? (
              <Button component={Link} to="/companies/new" leftSection={<IconBuildingPlus size={16} />}>
                {t('crm.companies.firstRun.add')}
              </Button>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <EmptyPanel
          label={t('crm.companies.noMatch.title')}
          icon={<IconZoomQuestion />}
          title={t('crm.companies.noMatch.title')}
          description={t('crm.companies.noMatch.body')}
          action={
            <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(COMPANY_FILTER_KEYS)}>
              {t('crm.list.clearFilters')}
            </Button>
          }
        />
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <CompanyCards rows={rows} /> : <CompaniesTable rows={rows} sort={view.sort} onSort={sort} />}
        </PagedList>
      )}
    </Box>
  );
}
