import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { useCustomFields } from '../fields/use-custom-fields';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CONTACT_DETAIL, CONTACT_QUERIES, UPDATE_CONTACT } from './contact.documents';
import { changedContactInput, contactFormValues, type ContactFormValues } from './contact-form';
import { ContactForm } from './ContactForm';
import { ContactNotFound } from './ContactNotFound';

/** `/contacts/:id/edit`: sends only what changed (consent changes on the person's page, with its source). */
export function EditContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const custom = useCustomFields('CONTACT');
  const query = useApiQuery(CONTACT_DETAIL, { id, withCustomFields: custom.on });
  const update = useApiMutation(UPDATE_CONTACT, CONTACT_QUERIES);
  const contact = query.data?.contact;

  if (isMissing(query.error)) return <ContactNotFound />;

  async function save(values: ContactFormValues) {
    if (!contact) return;
    const input = changedContactInput(contact.id, contactFormValues(contact, custom.fields), values, custom.fields);
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
      ) : !contact || !custom.ready ? (
        <DetailSkeleton />
      ) : (
        <ContactForm
          key={contact.id}
          initial={contactFormValues(contact, custom.fields)}
          customFields={custom.fields}
          creating={false}
          customerName={contact.customer?.name}
          submitLabel={t('common.save')}
          cancelTo={`/contacts/${contact.id}`}
          onSave={save}
        />
      )}
    </Box>
  );
}
