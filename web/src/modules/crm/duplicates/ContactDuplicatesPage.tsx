import { Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { usePlace } from '../shared/AddressView';
import { TagList } from '../shared/TagList';
import { CONTACT_DUPLICATES, MERGE_CONTACTS } from './duplicates.documents';
import { DuplicatesLayout } from './DuplicatesLayout';
import { groupKey, mergedContact, type DuplicateContact } from './merge-preview';
import { MergeGroup, type MergeField } from './MergeGroup';
import { useAfterMerge } from './use-after-merge';

function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** `/contacts/duplicates`: people who share an email address, a phone number, or a name at one customer; keep one, merge the rest into it. */
export function ContactDuplicatesPage() {
  const { t } = useTranslation();
  const can = useCan();
  const place = usePlace();
  const query = useApiQuery(CONTACT_DUPLICATES, {});
  const merge = useApiMutation(MERGE_CONTACTS);
  const afterMerge = useAfterMerge();

  const fields: MergeField<DuplicateContact>[] = [
    { key: 'name', label: t('duplicates.fields.name'), render: (contact) => contact.fullName, value: (contact) => contact.fullName },
    {
      key: 'emails',
      label: t('duplicates.fields.emails'),
      render: (contact) => <Lines lines={contact.emails.map((email) => email.address)} />,
      value: (contact) => contact.emails.map((email) => email.address),
    },
    {
      key: 'phones',
      label: t('duplicates.fields.phones'),
      render: (contact) => <Lines lines={contact.phones.map((phone) => phone.number)} />,
      value: (contact) => contact.phones.map((phone) => phone.number),
    },
    { key: 'customer', label: t('duplicates.fields.customer'), render: (contact) => contact.customer?.name, value: (contact) => contact.customer?.id ?? null },
    { key: 'position', label: t('duplicates.fields.position'), render: (contact) => contact.position?.name, value: (contact) => contact.position?.id ?? null },
    { key: 'owner', label: t('duplicates.fields.owner'), render: (contact) => contact.owner && (contact.owner.name ?? contact.owner.email), value: (contact) => contact.owner?.id ?? null },
    { key: 'address', label: t('duplicates.fields.address'), render: (contact) => place(contact.address), value: (contact) => contact.address },
    { key: 'tags', label: t('duplicates.fields.tags'), render: (contact) => <TagList tags={contact.tags} />, value: (contact) => contact.tags },
  ];

  async function mergeInto(target: DuplicateContact, sources: DuplicateContact[]) {
    const result = await merge.mutateAsync({ input: { targetId: target.id, sourceIds: sources.map((source) => source.id) } });
    await afterMerge();
    notifications.show({ color: 'green', message: t('duplicates.people.merged', { count: sources.length, name: result.mergeContacts.fullName }) });
  }

  return (
    <DuplicatesLayout
      entity="people"
      back={{ to: '/contacts', label: t('crm.people.backToList') }}
      groups={query.data?.contactDuplicates}
      reasonOf={(group) => group.reason}
      error={query.error}
      onRetry={() => void query.refetch()}
      fetching={query.isFetching}
      renderGroup={(group) => (
        <MergeGroup
          key={`${groupKey(group)}:${group.contacts.map((contact) => contact.id).join(',')}`}
          entity="people"
          reason={group.reason}
          value={group.value}
          records={group.contacts}
          fields={fields}
          nameOf={(contact) => contact.fullName}
          linkOf={(contact) => `/contacts/${contact.id}`}
          preview={mergedContact}
          canMerge={can('CRM:write')}
          onMerge={mergeInto}
        />
      )}
    />
  );
}
