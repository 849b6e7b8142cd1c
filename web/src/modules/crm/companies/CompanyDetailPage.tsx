import { Anchor, Box, Button, DataList, Grid, Stack, Text } from '@mantine/core';
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
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { DetailField } from '../shared/DetailField';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NameAvatar } from '../shared/NameAvatar';
import { HistoryCard } from '../timeline/HistoryCard';
import { COMPANY_DETAIL, DELETE_COMPANY } from './company.documents';
import { CompanyNotFound } from './CompanyNotFound';
import { CompanyPeople } from './CompanyPeople';

function WebsiteLink({ domain }: { domain: string }) {
  const { t } = useTranslation();
  return (
    <Anchor inherit href={`https://${domain}`} target="_blank" rel="noopener noreferrer" aria-label={t('crm.companies.openWebsite', { domain })}>
      <Box component="span" style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
        {domain}
        <IconExternalLink size={14} aria-hidden />
      </Box>
    </Anchor>
  );
}

/** `/companies/:id`: one company, its details and its people; edit and delete with CRM:write. */
export function CompanyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const can = useCan();
  const canWrite = can('CRM:write');
  const [confirming, { open, close }] = useDisclosure(false);
  const query = useApiQuery(COMPANY_DETAIL, { id });
  const remove = useApiMutation(DELETE_COMPANY, ['CompaniesList', 'CompanyOptions', 'ContactsList', 'ContactDetail', 'TasksList', 'TaskDetail', 'Timeline']);
  const company = query.data?.company;

  if (isMissing(query.error)) return <CompanyNotFound />;
  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!company) return <DetailSkeleton />;

  async function confirmDelete(name: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      close();
      notifications.show({ color: 'green', message: t('crm.companies.deleted', { name }) });
      navigate('/companies');
    } catch (error) {
      showApiError(t, error);
    }
  }

  const people = company.contacts.totalCount;

  return (
    <Box maw={1180}>
      <PageHeader
        back={{ to: '/companies', label: t('crm.companies.backToList') }}
        leading={<NameAvatar name={company.name} size={56} square />}
        title={company.name}
        subtitle={company.domain ? <WebsiteLink domain={company.domain} /> : null}
        actions={
          canWrite ? (
            <>
              <Button component={Link} to={`/companies/${company.id}/edit`} variant="default" leftSection={<IconPencil size={16} />}>
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
                <DetailField label={t('crm.companies.fields.domain')}>{company.domain && <WebsiteLink domain={company.domain} />}</DetailField>
                <DetailField label={t('crm.companies.fields.email')}>{company.email && <Anchor inherit href={`mailto:${company.email}`}>{company.email}</Anchor>}</DetailField>
                <DetailField label={t('crm.companies.fields.phone')}>{company.phone && <Anchor inherit href={`tel:${company.phone}`}>{company.phone}</Anchor>}</DetailField>
              </DataList>
            </DetailCard>
            <DetailCard title={t('crm.detail.record')}>
              <DataList orientation="vertical" gap="md">
                <DetailField label={t('crm.detail.created')}>
                  <Text fz="sm">{format.dateTime(company.createdAt)}</Text>
                </DetailField>
                <DetailField label={t('crm.detail.updated')}>
                  <Text fz="sm">{format.dateTime(company.updatedAt)}</Text>
                </DetailField>
              </DataList>
            </DetailCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <CompanyPeople companyId={company.id} people={company.contacts} canWrite={canWrite} />
            <HistoryCard
              subject={{ type: 'COMPANY', id: company.id, name: company.name }}
              people={company.contacts.edges.map(({ node }) => ({ id: node.id, name: node.fullName }))}
            />
          </Stack>
        </Grid.Col>
      </Grid>
      <ConfirmModal
        opened={confirming}
        onClose={close}
        loading={remove.isPending}
        onConfirm={() => void confirmDelete(company.name)}
        title={t('crm.companies.deleteTitle', { name: company.name })}
        message={people > 0 ? t('crm.companies.deleteBodyPeople', { count: people }) : t('crm.companies.deleteBody')}
        confirmLabel={t('crm.companies.deleteConfirm')}
      />
    </Box>
  );
}
