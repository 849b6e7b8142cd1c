import { Button } from '@mantine/core';
import { IconFilterOff, IconListSearch, IconTargetArrow } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListQueryError } from '../shared/ListQueryError';
import { ListSkeleton } from '../shared/ListSkeleton';
import { PagedList } from '../shared/PagedList';
import { sortParams } from '../shared/sort';
import { PAGE_SIZE, type ListUrl } from '../shared/use-list-url';
import { DEALS_LIST } from './deal.documents';
import { DealCards } from './DealCards';
import { DealsFilters } from './DealsFilters';
import { DealsTable } from './DealsTable';
import { DEAL_FILTER_KEYS, DEAL_SORTS, dealFilter, type DealsView } from './deals-view';

interface DealsListViewProps {
  view: DealsView;
  list: ListUrl;
  pipelineId: string;
  pipelineName: string;
  /** "New deal", for the empty list. */
  newButton: ReactNode;
}

/** The list view of a pipeline's deals, open, won or lost: filters, sort and page in the address. */
export function DealsListView({ view, list, pipelineId, pipelineName, newButton }: DealsListViewProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const query = useApiQuery(
    DEALS_LIST,
    { first: PAGE_SIZE, after: list.after, filter: dealFilter(view, pipelineId), orderBy: { field: view.sort.field, direction: view.sort.direction } },
    // An inverted range is said on its field; the API would only refuse it.
    { keepPrevious: true, enabled: !view.rangeInverted },
  );
  const connection = query.data?.deals;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];

  function sort(key: string, direction: OrderDirection | null) {
    const natural = DEAL_SORTS.find((option) => option.key === key)?.natural ?? 'DESC';
    list.update(sortParams(key, direction ?? natural));
  }

  return (
    <>
      <DealsFilters view={view} onChange={list.update} onSort={sort} onClear={() => list.clear(DEAL_FILTER_KEYS)} />
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {!connection ? (
        !query.error && !view.rangeInverted && <ListSkeleton />
      ) : rows.length === 0 ? (
        view.narrowed ? (
          <EmptyPanel
            label={t('deals.list.noMatch.title')}
            icon={<IconListSearch />}
            title={t('deals.list.noMatch.title')}
            description={t('deals.list.noMatch.body')}
            action={
              <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(DEAL_FILTER_KEYS)}>
                {t('crm.list.clearFilters')}
              </Button>
            }
          />
        ) : (
          <EmptyPanel
            label={t('deals.list.empty.title', { pipeline: pipelineName })}
            icon={<IconTargetArrow />}
            title={t('deals.list.empty.title', { pipeline: pipelineName })}
            description={t('deals.list.empty.body')}
            action={newButton}
          />
        )
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <DealCards rows={rows} /> : <DealsTable rows={rows} sort={view.sort} onSort={sort} />}
        </PagedList>
      )}
    </>
  );
}
