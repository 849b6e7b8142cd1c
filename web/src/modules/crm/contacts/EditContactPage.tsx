import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CONTACT_DETAIL, UPDATE_CONTACT } from './contact.documents';
import { changedContactInput, contactFormValues, type ContactFormValues } from './contact-form';
import { ContactForm } from './ContactForm';
import { ContactNotFound } from './ContactNotFound';

/** `/contacts/:id/edit`: sends only what changed. */
export function EditContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const on = useSwitchedOn();
  const companiesOn = on('CRM.companies');
  const query = useApiQuery(CONTACT_DETAIL, { id, withCompany: companiesOn });
  const update = useApiMutation(UPDATE_CONTACT, ['ContactsList', 'ContactDetail', 'CompanyDetail', 'CompaniesList', 'TasksList', 'TaskDetail', 'Timeline']);
  const contact = query.data?.contact;

  if (isMissing(query.error)) return <ContactNotFound />;

  async function save(values: ContactFormValues) {
    if (!contact) return;
    const input = changedContactInput(contact.id, contactFormValues(contact), values, companiesOn);
    if (input) {
      await update.mutateAsync({ input });
      notifications.show({ color: 'green', message: t('crm.people.saved') });
    }
    navigate(`/contacts/${contact.id}`);
  }

  return (
    <Box maw={880}>
      <PageHeader
        title={contact ? t('crm.people.editTitle', { name: contact.fullName }) : t('crm.people.editTitleLoading')}
        back={{ to: `/contacts/${id}`, label: t('crm.people.backToPerson') }}
      />
      {!can('CRM:write') ? (
        <NoPermissionAlert />
      ) : query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !contact ? (
        <DetailSkeleton />
      ) : (
        <ContactForm key={contact.id} initial={contactFormValues(contact)} companyName={contact.company?.name} submitLabel={t('common.save')} cancelTo={`/contacts/${contact.id}`} onSave={save} />
      )}
    </Box>
  );
}
