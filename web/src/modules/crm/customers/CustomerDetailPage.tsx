import { Anchor, Box, Button, DataList, Grid, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { CounterpartiesCard } from '../counterparties/CounterpartiesCard';
import { CustomerDeals } from '../deals/CustomerDeals';
import { EventsCard } from '../events/EventsCard';
import { CustomFieldValues } from '../fields/CustomFieldValues';
import { useCustomFields } from '../fields/use-custom-fields';
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
import { CUSTOMER_DETAIL, CUSTOMER_LIST_QUERIES, DELETE_CUSTOMER } from './customer.documents';
import { CustomerKindIcon } from './CustomerKindIcon';
import { CustomerNotFound } from './CustomerNotFound';
import { CustomerPeople } from './CustomerPeople';
import { LifecycleBadge } from './LifecycleBadge';

function WebsiteLink({ domain }: { domain: string }) {
  const { t } = useTranslation();
  return (
    <Anchor inherit href={`https://${domain}`} target="_blank" rel="noopener noreferrer" aria-label={t('crm.customers.openWebsite', { domain })}>
      <Box component="span" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {domain}
        <IconExternalLink size={14} aria-hidden />
      </Box>
    </Anchor>
  );
}

/**
 * `/customers/:id`: the customer's card. Who it is (kind, stage, owner, tags), how to reach it, where
 * it is and where it came from; its legal entities (with counterparties on), its people, its tasks
 * and its history. Edit and delete with CRM:write.
 */
export function CustomerDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const can = useCan();
  const on = useSwitchedOn();
  const canWrite = can('CRM:write');
  const counterpartiesShown = on('CRM.counterparties');
  const tasksShown = on('CRM.tasks');
  const [confirming, { open, close }] = useDisclosure(false);
  const custom = useCustomFields('CUSTOMER');
  const query = useApiQuery(CUSTOMER_DETAIL, { id, withCustomFields: custom.on });
  const remove = useApiMutation(DELETE_CUSTOMER, CUSTOMER_LIST_QUERIES);
  const customer = query.data?.customer;

  if (isMissing(query.error)) return <CustomerNotFound />;
  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!customer) return <DetailSkeleton />;

  async function confirmDelete(name: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      close();
      notifications.show({ color: 'green', message: t('crm.customers.deleted', { name }) });
      navigate('/customers');
    } catch (error) {
      showApiError(t, error);
    }
  }

  const people = customer.contacts.totalCount;
  const owner = customer.owner ? (customer.owner.name ?? customer.owner.email) : null;
  const { source } = customer;
  const sourceKnown = Boolean(source.channel || source.referredBy || source.utmSource || source.utmMedium || source.utmCampaign);

  return (
    <Box maw={1180}>
      <PageHeader
        back={{ to: '/customers', label: t('crm.customers.backToList') }}
        leading={<NameAvatar name={customer.name} size={56} square={customer.kind === 'ORGANIZATION'} />}
        title={customer.name}
        subtitle={
          <Stack gap={6} mt={2}>
            <Group gap="xs" wrap="wrap">
              <CustomerKindIcon kind={customer.kind} size={20} />
              <Text fz="sm" c="dimmed" span>
                {t(`crm.customers.kind.${customer.kind}`)}
              </Text>
              <LifecycleBadge stage={customer.lifecycleStage} />
            </Group>
            <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {owner ? t('crm.customers.ownedBy', { name: owner }) : t('crm.customers.noOwner')}
            </Text>
            <TagList tags={customer.tags} />
          </Stack>
        }
        actions={
          canWrite ? (
            <>
              <Button component={Link} to={`/customers/${customer.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
                {t('common.edit')}
              </Button>
              <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>
                {t('common.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="lg">
            <DetailCard title={t('crm.detail.details')}>
              <DataList orientation="vertical" gap="md">
                <DetailField label={t('crm.customers.fields.kind')}>{t(`crm.customers.kind.${customer.kind}`)}</DetailField>
                <DetailField label={t('crm.customers.fields.stage')}>
                  <LifecycleBadge stage={customer.lifecycleStage} />
                </DetailField>
                <DetailField label={t('crm.customers.fields.owner')}>
                  {owner && (
                    <Group gap={8} wrap="nowrap" align="flex-start">
                      <NameAvatar name={owner} size={22} />
                      <Text fz="sm" miw={0} style={{ overflowWrap: 'anywhere' }}>
                        {owner}
                      </Text>
                    </Group>
                  )}
                </DetailField>
                {customer.kind === 'ORGANIZATION' && <DetailField label={t('crm.customers.fields.domain')}>{customer.domain && <WebsiteLink domain={customer.domain} />}</DetailField>}
                <DetailField label={t('crm.customers.fields.email')}>{customer.email && <Anchor inherit href={`mailto:${customer.email}`}>{customer.email}</Anchor>}</DetailField>
                <DetailField label={t('crm.customers.fields.phone')}>{customer.phone && <Anchor inherit href={`tel:${customer.phone}`}>{customer.phone}</Anchor>}</DetailField>
                <DetailField label={t('crm.customers.fields.tags')}>{customer.tags.length > 0 && <TagList tags={customer.tags} />}</DetailField>
                <CustomFieldValues fields={custom.fields} values={customer.customFields} />
              </DataList>
            </DetailCard>
            <DetailCard title={t('crm.customers.addressTitle')}>
              {hasAddress(customer.address) ? (
                <AddressView address={customer.address} />
              ) : (
                <Text fz="sm" c="dimmed">
                  {t('crm.customers.noAddress')}
                </Text>
              )}
            </DetailCard>
            <DetailCard title={t('crm.customers.sourceTitle')}>
              {sourceKnown ? (
                <DataList orientation="vertical" gap="md">
                  {source.channel && <DetailField label={t('crm.customers.fields.channel')}>{t(`crm.customers.channel.${source.channel}`)}</DetailField>}
                  {source.referredBy && (
                    <DetailField label={t('crm.customers.fields.referredBy')}>
                      <Anchor inherit component={Link} to={`/customers/${source.referredBy.id}`}>
                        {source.referredBy.name}
                      </Anchor>
                    </DetailField>
                  )}
                  {source.utmSource && <DetailField label={t('crm.customers.fields.utmSource')}>{source.utmSource}</DetailField>}
                  {source.utmMedium && <DetailField label={t('crm.customers.fields.utmMedium')}>{source.utmMedium}</DetailField>}
                  {source.utmCampaign && <DetailField label={t('crm.customers.fields.utmCampaign')}>{source.utmCampaign}</DetailField>}
                </DataList>
              ) : (
                <Text fz="sm" c="dimmed">
                  {t('crm.customers.noSource')}
                </Text>
              )}
            </DetailCard>
            <DetailCard title={t('crm.detail.record')}>
              <DataList orientation="vertical" gap="md">
                <DetailField label={t('crm.detail.created')}>
                  <Text fz="sm">{format.dateTime(customer.createdAt)}</Text>
                </DetailField>
                <DetailField label={t('crm.detail.updated')}>
                  <Text fz="sm">{format.dateTime(customer.updatedAt)}</Text>
                </DetailField>
              </DataList>
            </DetailCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            {counterpartiesShown && <CounterpartiesCard customerId={customer.id} />}
            <CustomerPeople customerId={customer.id} people={customer.contacts} canWrite={canWrite} />
            <CustomerDeals customer={{ id: customer.id, name: customer.name }} />
            <EventsCard subject={{ type: 'CUSTOMER', id: customer.id }} />
            {tasksShown && <SubjectTasks subject={{ type: 'CUSTOMER', id: customer.id, name: customer.name }} />}
            <HistoryCard
              subject={{ type: 'CUSTOMER', id: customer.id, name: customer.name }}
              people={customer.contacts.edges.map(({ node }) => ({ id: node.id, name: node.fullName }))}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirming}
        onClose={close}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete(customer.name)}
        title={t('crm.customers.deleteTitle', { name: customer.name })}
        message={people > 0 ? t('crm.customers.deleteBodyPeople', { count: people }) : t('crm.customers.deleteBody')}
        confirmLabel={t('crm.customers.deleteConfirm')}
      />
    </Box>
  );
}
