import { Box } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderDirection, SegmentEntity } from '../../../gql/graphql';
import { useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { ContactCards } from '../contacts/ContactCards';
import { CONTACTS_LIST } from '../contacts/contact.documents';
import { ContactsTable } from '../contacts/ContactsTable';
import { CONTACT_SORTS, readContactsView } from '../contacts/contacts-view';
import { CustomerCards } from '../customers/CustomerCards';
import { CUSTOMERS_LIST } from '../customers/customer.documents';
import { CustomersTable } from '../customers/CustomersTable';
import { CUSTOMER_SORTS, readCustomersView } from '../customers/customers-view';
import { EmptyPanel } from '../shared/EmptyPanel';
import { ListQueryError } from '../shared/ListQueryError';
import { ListSkeleton } from '../shared/ListSkeleton';
import { PagedList } from '../shared/PagedList';
import { sortParams } from '../shared/sort';
import { PAGE_SIZE, useListUrl, type ListUrl } from '../shared/use-list-url';

function EmptySegment() {
  const { t } = useTranslation();
  return <EmptyPanel label={t('segments.page.emptyTitle')} icon={<IconUserSearch />} title={t('segments.page.emptyTitle')} description={t('segments.page.emptyBody')} />;
}

function PeopleMembers({ segmentId, list }: { segmentId: string; list: ListUrl }) {
  const phone = usePhone();
  const { sort } = readContactsView(list.params);
  const query = useApiQuery(CONTACTS_LIST, { first: PAGE_SIZE, after: list.after, filter: { segmentId }, orderBy: { field: sort.field, direction: sort.direction } }, { keepPrevious: true });
  const connection = query.data?.contacts;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const onSort = (key: string, direction: OrderDirection | null) => list.update(sortParams(key, direction ?? CONTACT_SORTS.find((option) => option.key === key)?.natural ?? 'ASC'));
  if (query.error) return <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />;
  if (!connection) return <ListSkeleton />;
  if (rows.length === 0) return <EmptySegment />;
  return (
    <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
      {phone ? <ContactCards rows={rows} /> : <ContactsTable rows={rows} sort={sort} onSort={onSort} />}
    </PagedList>
  );
}

function CustomerMembers({ segmentId, list }: { segmentId: string; list: ListUrl }) {
  const phone = usePhone();
  const { sort } = readCustomersView(list.params, null);
  const query = useApiQuery(CUSTOMERS_LIST, { first: PAGE_SIZE, after: list.after, filter: { segmentId }, orderBy: { field: sort.field, direction: sort.direction } }, { keepPrevious: true });
  const connection = query.data?.customers;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const onSort = (key: string, direction: OrderDirection | null) => list.update(sortParams(key, direction ?? CUSTOMER_SORTS.find((option) => option.key === key)?.natural ?? 'ASC'));
  if (query.error) return <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={list} />;
  if (!connection) return <ListSkeleton />;
  if (rows.length === 0) return <EmptySegment />;
  return (
    <PagedList list={list} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
      {phone ? <CustomerCards rows={rows} /> : <CustomersTable rows={rows} sort={sort} onSort={onSort} />}
    </PagedList>
  );
}

/** A segment's members as its list shows them, 25 a page, sortable. */
export function SegmentMembers({ entity, segmentId }: { entity: SegmentEntity; segmentId: string }) {
  const list = useListUrl();
  return <Box>{entity === 'CONTACT' ? <PeopleMembers segmentId={segmentId} list={list} /> : <CustomerMembers segmentId={segmentId} list={list} />}</Box>;
}
