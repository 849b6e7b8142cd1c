import { ActionIcon, Box, Button, Loader, Tooltip } from '@mantine/core';
import { IconBriefcase, IconFilterOff, IconPlus, IconUserPlus, IconUsers, IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import type { OrderDirection } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { FindDuplicatesButton } from '../duplicates/FindDuplicatesButton';
import { ExportButton } from '../import/ExportButton';
import { useCustomColumns } from '../fields/custom-columns';
import { ListViewsBar } from '../segments/ListViewsBar';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListSkeleton } from '../shared/ListSkeleton';
import { sortParams } from '../shared/sort';
import { ListQueryError } from '../shared/ListQueryError';
import { PagedList } from '../shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../shared/use-list-url';
import { CONTACTS_LIST } from './contact.documents';
import { ContactCards } from './ContactCards';
import { ContactsFilters } from './ContactsFilters';
import { ContactsTable } from './ContactsTable';
import { CONTACT_FILTER_KEYS, CONTACT_SORTS, readContactsView } from './contacts-view';

/** `/contacts`: every person of the company, searchable, filterable and sortable, 25 a page. */
export function ContactsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const canWrite = can('CRM:write');
  const list = useListUrl();
  const view = readContactsView(list.params);
  const columns = useCustomColumns('CONTACT', 'contacts');
  const query = useApiQuery(
    CONTACTS_LIST,
    {
      first: PAGE_SIZE,
      after: list.after,
      filter: view.filter,
      orderBy: { field: view.sort.field, direction: view.sort.direction, customFieldKey: view.sort.customFieldKey },
      withCustomFields: columns.columns.length > 0,
    },
    { keepPrevious: true },
  );
  const connection = query.data?.contacts;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const firstRun = connection !== undefined && connection.totalCount === 0 && !view.narrowed;

  function sort(key: string, direction: OrderDirection | null) {
    const natural = CONTACT_SORTS.find((option) => option.key === key)?.natural ?? 'ASC';
    list.update(sortParams(key, direction ?? natural));
  }

  const newButton = canWrite ? (
    <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={16} />}>
      {t('crm.people.new')}
    </Button>
  ) : null;
  // An icon on phones, where the header is narrow.
  const positionsButton = phone ? (
    <Tooltip label={t('crm.positions.title')}>
      <ActionIcon component={Link} to="/crm/positions" variant="default" size={36} aria-label={t('crm.positions.title')}>
        <IconBriefcase size={18} aria-hidden />
      </ActionIcon>
    </Tooltip>
  ) : (
    <Button component={Link} to="/crm/positions" variant="default" leftSection={<IconBriefcase size={16} />}>
      {t('crm.positions.title')}
    </Button>
  );

  return (
    <Box>
      <PageHeader
        title={t('crm.people.title')}
        subtitle={connection && !firstRun ? t('crm.people.count', { count: connection.totalCount }) : !connection && query.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
        actions={
          firstRun ? null : (
            <>
              <FindDuplicatesButton to="/contacts/duplicates" />
              <ExportButton list="contacts" filter={view.filter} orderBy={{ field: view.sort.field, direction: view.sort.direction, customFieldKey: view.sort.customFieldKey }} />
              {positionsButton}
              {newButton}
            </>
          )
        }
      />
      {!firstRun && <ContactsFilters view={view} onChange={list.update} onSort={sort} onClear={() => list.clear(CONTACT_FILTER_KEYS)} />}
      {!firstRun && <ListViewsBar entity="CONTACT" list={list} filter={view.filter} filterKeys={CONTACT_FILTER_KEYS} columns={columns} />}
      {query.error && <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />}
      {!connection ? (
        !query.error && <ListSkeleton />
      ) : firstRun ? (
        <EmptyPanel
          label={t('crm.people.firstRun.title')}
          icon={<IconUsers />}
          title={t('crm.people.firstRun.title')}
          description={t('crm.people.firstRun.body')}
          action={
            canWrite ? (
              <Button component={Link} to="/contacts/new" leftSection={<IconUserPlus size={16} />}>
                {t('crm.people.firstRun.add')}
              </Button>
            ) : null
          }
        />
      ) : rows.length === 0 ? (
        <EmptyPanel
          label={t('crm.people.noMatch.title')}
          icon={<IconUserSearch />}
          title={t('crm.people.noMatch.title')}
          description={t('crm.people.noMatch.body')}
          action={
            <Button variant="light" leftSection={<IconFilterOff size={16} />} onClick={() => list.clear(CONTACT_FILTER_KEYS)}>
              {t('crm.list.clearFilters')}
            </Button>
          }
        />
      ) : (
        <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
          {phone ? <ContactCards rows={rows} /> : <ContactsTable rows={rows} sort={view.sort} onSort={sort} customColumns={columns.columns} />}
        </PagedList>
      )}
    </Box>
  );
}
