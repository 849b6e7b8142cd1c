import { Anchor, Badge, Box, Button, DataList, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCrown, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { ContactPointType } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { CustomerKindIcon } from '../customers/CustomerKindIcon';
import { EventsCard } from '../events/EventsCard';
import { CustomFieldValues } from '../fields/CustomFieldValues';
import { useCustomFields } from '../fields/use-custom-fields';
import { ContactMessageActions } from '../messages/ContactMessageActions';
import { hasAddress } from '../shared/address';
import { AddressView } from '../shared/AddressView';
import { DetailCard } from '../shared/DetailCard';
import { DetailField } from '../shared/DetailField';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NameAvatar } from '../shared/NameAvatar';
import { TagList } from '../shared/TagList';
import { SubjectTasks } from '../tasks/SubjectTasks';
import { HistoryCard } from '../timeline/HistoryCard';
import { CONTACT_DETAIL, CONTACT_LIST_QUERIES, DELETE_CONTACT } from './contact.documents';
import { ConsentCard } from './ConsentCard';
import { ContactNotFound } from './ContactNotFound';

/** One address or number, linked, with its type; the main one marked. */
function PointLine({ href, value, type, main }: { href: string; value: string; type: ContactPointType; main: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Anchor inherit href={href} style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Anchor>
      <Text fz="xs" c="dimmed" span>
        {t(`crm.people.pointType.${type}`)}
      </Text>
      {main && (
        <Badge size="xs" variant="light" radius="sm" tt="none">
          {t('crm.people.points.main')}
        </Badge>
      )}
    </Group>
  );
}

/** `/contacts/:id`: one person, how to reach them, whom they belong to, their consent; edit and delete with CRM:write. */
export function ContactDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const can = useCan();
  const on = useSwitchedOn();
  const tasksShown = on('CRM.tasks') && can('CRM:read');
  const [confirming, { open, close }] = useDisclosure(false);
  const custom = useCustomFields('CONTACT');
  const query = useApiQuery(CONTACT_DETAIL, { id, withCustomFields: custom.on });
  const remove = useApiMutation(DELETE_CONTACT, CONTACT_LIST_QUERIES);
  const contact = query.data?.contact;

  if (isMissing(query.error)) return <ContactNotFound />;
  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!contact) return <DetailSkeleton />;

  async function confirmDelete(name: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      close();
      notifications.show({ color: 'green', message: t('crm.people.deleted', { name }) });
      navigate('/contacts');
    } catch (error) {
      showApiError(t, error);
    }
  }

  const { customer, position } = contact;
  const subtitle =
    position || customer ? (
      <Group gap={6}>
        {position && <span>{position.name}</span>}
        {position && customer && <span aria-hidden>·</span>}
        {customer && (
          <Anchor component={Link} to={`/customers/${customer.id}`} fz="sm">
            {customer.name}
          </Anchor>
        )}
      </Group>
    ) : null;

  return (
    <Box maw={1080}>
      <PageHeader
        back={{ to: '/contacts', label: t('crm.people.backToList') }}
        leading={<NameAvatar name={contact.fullName} size={56} />}
        title={contact.fullName}
        subtitle={subtitle}
        actions={
          can('CRM:write') ? (
            <>
              <Button component={Link} to={`/contacts/${contact.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
                {t('common.edit')}
              </Button>
              <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
                {t('common.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <ContactMessageActions contact={contact} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <DetailCard title={t('crm.detail.details')}>
              <DataList withDivider labelWidth={140} orientation="horizontal">
                <DetailField label={t('crm.people.fields.firstName')}>{contact.firstName}</DetailField>
                <DetailField label={t('crm.people.fields.lastName')}>{contact.lastName}</DetailField>
                <DetailField label={t('crm.people.fields.customer')}>
                  {customer && (
                    <Group gap={8} wrap="nowrap">
                      <CustomerKindIcon kind={customer.kind} size={22} />
                      <Anchor inherit component={Link} to={`/customers/${customer.id}`}>
                        {customer.name}
                      </Anchor>
                    </Group>
                  )}
                </DetailField>
                <DetailField label={t('crm.people.fields.position')}>
                  {position && (
                    <Group gap={6} wrap="nowrap">
                      <span>{position.name}</span>
                      {position.decisionMaker && (
                        <Badge size="sm" variant="light" color="yellow" radius="sm" tt="none" leftSection={<IconCrown size={12} aria-hidden />}>
                          {t('crm.positions.decisionMaker')}
                        </Badge>
                      )}
                    </Group>
                  )}
                </DetailField>
                <DetailField label={t('crm.people.fields.emails')}>
                  {contact.emails.length > 0 && (
                    <Stack gap={4}>
                      {contact.emails.map((entry, index) => (
                        <PointLine key={entry.address} href={`mailto:${entry.address}`} value={entry.address} type={entry.type} main={index === 0 && contact.emails.length > 1} />
                      ))}
                    </Stack>
                  )}
                </DetailField>
                <DetailField label={t('crm.people.fields.phones')}>
                  {contact.phones.length > 0 && (
                    <Stack gap={4}>
                      {contact.phones.map((entry, index) => (
                        <PointLine key={entry.number} href={`tel:${entry.number}`} value={entry.number} type={entry.type} main={index === 0 && contact.phones.length > 1} />
                      ))}
                    </Stack>
                  )}
                </DetailField>
                <DetailField label={t('crm.people.fields.address')}>{hasAddress(contact.address) && <AddressView address={contact.address} />}</DetailField>
                <DetailField label={t('crm.people.fields.tags')}>{contact.tags.length > 0 && <TagList tags={contact.tags} />}</DetailField>
                <DetailField label={t('ownRecords.owner')}>{contact.owner ? (contact.owner.name ?? contact.owner.email) : null}</DetailField>
                <CustomFieldValues fields={custom.fields} values={contact.customFields} />
              </DataList>
            </DetailCard>
            <ConsentCard contact={contact} />
            <EventsCard subject={{ type: 'CONTACT', id: contact.id }} />
            {tasksShown && <SubjectTasks subject={{ type: 'CONTACT', id: contact.id, name: contact.fullName }} />}
            <HistoryCard subject={{ type: 'CONTACT', id: contact.id, name: contact.fullName }} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <DetailCard title={t('crm.detail.record')}>
            <DataList orientation="vertical" gap="md">
              <DetailField label={t('crm.detail.created')}>
                <Text fz="sm">{format.dateTime(contact.createdAt)}</Text>
              </DetailField>
              <DetailField label={t('crm.detail.updated')}>
                <Text fz="sm">{format.dateTime(contact.updatedAt)}</Text>
              </DetailField>
            </DataList>
          </DetailCard>
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirming}
        onClose={close}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete(contact.fullName)}
        title={t('crm.people.deleteTitle', { name: contact.fullName })}
        message={t('crm.people.deleteBody')}
        confirmLabel={t('crm.people.deleteConfirm')}
      />
    </Box>
  );
}
