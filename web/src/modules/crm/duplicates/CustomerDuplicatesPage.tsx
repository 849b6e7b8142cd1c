import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { LifecycleBadge } from '../customers/LifecycleBadge';
import { usePlace } from '../shared/AddressView';
import { TagList } from '../shared/TagList';
import { CUSTOMER_DUPLICATES, MERGE_CUSTOMERS } from './duplicates.documents';
import { DuplicatesLayout } from './DuplicatesLayout';
import { groupKey, mergedCustomer, type DuplicateCustomer } from './merge-preview';
import { MergeGroup, type MergeField } from './MergeGroup';
import { useAfterMerge } from './use-after-merge';

/** `/customers/duplicates`: customers sharing a tax id, web domain, email, phone or name; keep one, merge the rest into it. */
export function CustomerDuplicatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormat();
  const place = usePlace();
  const query = useApiQuery(CUSTOMER_DUPLICATES, {});
  const merge = useApiMutation(MERGE_CUSTOMERS);
  const afterMerge = useAfterMerge();

  const fields: MergeField<DuplicateCustomer>[] = [
    { key: 'name', label: t('duplicates.fields.name'), render: (customer) => customer.name, value: (customer) => customer.name },
    { key: 'kind', label: t('duplicates.fields.kind'), render: (customer) => t(`crm.customers.kind.${customer.kind}`), value: (customer) => customer.kind },
    { key: 'stage', label: t('duplicates.fields.stage'), render: (customer) => <LifecycleBadge stage={customer.lifecycleStage} />, value: (customer) => customer.lifecycleStage },
    { key: 'domain', label: t('duplicates.fields.domain'), render: (customer) => customer.domain, value: (customer) => customer.domain },
    { key: 'email', label: t('duplicates.fields.email'), render: (customer) => customer.email, value: (customer) => customer.email },
    { key: 'phone', label: t('duplicates.fields.phone'), render: (customer) => customer.phone, value: (customer) => customer.phone },
    { key: 'owner', label: t('duplicates.fields.owner'), render: (customer) => customer.owner && (customer.owner.name ?? customer.owner.email), value: (customer) => customer.owner?.id ?? null },
    { key: 'address', label: t('duplicates.fields.address'), render: (customer) => place(customer.address), value: (customer) => customer.address },
    {
      key: 'channel',
      label: t('duplicates.fields.channel'),
      render: (customer) => customer.source.channel && t(`crm.customers.channel.${customer.source.channel}`),
      value: (customer) => customer.source.channel,
    },
    { key: 'tags', label: t('duplicates.fields.tags'), render: (customer) => <TagList tags={customer.tags} />, value: (customer) => customer.tags },
    { key: 'people', label: t('duplicates.fields.people'), render: (customer) => format.number(customer.contacts.totalCount), value: (customer) => customer.contacts.totalCount },
  ];

  async function mergeInto(target: DuplicateCustomer, sources: DuplicateCustomer[]) {
    const result = await merge.mutateAsync({ input: { targetId: target.id, sourceIds: sources.map((source) => source.id) } });
    await afterMerge();
    notifications.show({ color: 'green', message: t('duplicates.customers.merged', { count: sources.length, name: result.mergeCustomers.name }) });
  }

  return (
    <DuplicatesLayout
      entity="customers"
      back={{ to: '/customers', label: t('crm.customers.backToList') }}
      groups={query.data?.customerDuplicates}
      reasonOf={(group) => group.reason}
      error={query.error}
      onRetry={() => void query.refetch()}
      fetching={query.isFetching}
      renderGroup={(group) => (
        <MergeGroup
          key={`${groupKey(group)}:${group.customers.map((customer) => customer.id).join(',')}`}
          entity="customers"
          reason={group.reason}
          value={group.value}
          records={group.customers}
          fields={fields}
          nameOf={(customer) => customer.name}
          linkOf={(customer) => `/customers/${customer.id}`}
          preview={mergedCustomer}
          canMerge={can('CRM:write')}
          onMerge={mergeInto}
        />
      )}
    />
  );
}
