import { Anchor, Box, Button, DataList, Grid, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconMail, IconPencil, IconPhone, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { DetailField } from '../shared/DetailField';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NameAvatar } from '../shared/NameAvatar';
import { ContactTasks } from '../tasks/ContactTasks';
import { HistoryCard } from '../timeline/HistoryCard';
import { CONTACT_DETAIL, DELETE_CONTACT } from './contact.documents';
import { ContactNotFound } from './ContactNotFound';

/** `/contacts/:id`: one person, how to reach them, and (with CRM:write) edit and delete. */
export function ContactDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const format = useFormat();
  const can = useCan();
  const on = useSwitchedOn();
  const companiesOn = on('CRM.companies');
  const tasksShown = on('CRM.tasks') && can('CRM:read');
  const [confirming, { open, close }] = useDisclosure(false);
  const query = useApiQuery(CONTACT_DETAIL, { id, withCompany: companiesOn });
  const remove = useApiMutation(DELETE_CONTACT, ['ContactsList', 'CompanyDetail', 'CompaniesList', 'TasksList', 'TaskDetail', 'Timeline']);
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

  const company = companiesOn ? contact.company : null;
  const subtitle =
    contact.jobTitle || company ? (
      <Group gap={6}>
        {contact.jobTitle && <span>{contact.jobTitle}</span>}
        {contact.jobTitle && company && <span aria-hidden>·</span>}
        {company && (
          <Anchor component={Link} to={`/companies/${company.id}`} fz="sm">
            {company.name}
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
      {(contact.email || contact.phone) && (
        <Group gap="sm" mb="lg">
          {contact.email && (
            <Button component="a" href={`mailto:${contact.email}`} variant="light" size="xs" leftSection={<IconMail size={14} />}>
              {t('crm.people.sendEmail')}
            </Button>
          )}
          {contact.phone && (
            <Button component="a" href={`tel:${contact.phone}`} variant="light" size="xs" leftSection={<IconPhone size={14} />}>
              {t('crm.people.call')}
            </Button>
          )}
        </Group>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <DetailCard title={t('crm.detail.details')}>
            <DataList withDivider labelWidth={140} orientation="horizontal">
              <DetailField label={t('crm.people.fields.firstName')}>{contact.firstName}</DetailField>
              <DetailField label={t('crm.people.fields.lastName')}>{contact.lastName}</DetailField>
              <DetailField label={t('crm.people.fields.email')}>{contact.email && <Anchor inherit href={`mailto:${contact.email}`}>{contact.email}</Anchor>}</DetailField>
              <DetailField label={t('crm.people.fields.phone')}>{contact.phone && <Anchor inherit href={`tel:${contact.phone}`}>{contact.phone}</Anchor>}</DetailField>
              <DetailField label={t('crm.people.fields.jobTitle')}>{contact.jobTitle}</DetailField>
              {companiesOn && (
                <DetailField label={t('crm.people.fields.company')}>
                  {company && (
                    <Group gap={8} wrap="nowrap">
                      <NameAvatar name={company.name} size={22} square />
                      <Anchor inherit component={Link} to={`/companies/${company.id}`}>
                        {company.name}
                      </Anchor>
                    </Group>
                  )}
                </DetailField>
              )}
            </DataList>
          </DetailCard>
          {tasksShown && (
            <Box mt="lg">
              <ContactTasks contactId={contact.id} contactName={contact.fullName} />
            </Box>
          )}
          <Box mt="lg">
            <HistoryCard subject={{ type: 'CONTACT', id: contact.id, name: contact.fullName }} />
          </Box>
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
