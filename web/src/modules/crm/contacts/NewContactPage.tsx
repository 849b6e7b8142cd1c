import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useApiMutation } from '../../../lib/use-api';
import { useCan, useViewer } from '../../../lib/viewer';
import { NO_OWNER } from '../customers/customer-form';
import { useCustomFields } from '../fields/use-custom-fields';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CONTACT_QUERIES, CREATE_CONTACT } from './contact.documents';
import { createContactInput, emptyContact, type ContactFormValues } from './contact-form';
import { ContactForm } from './ContactForm';

/** `/contacts/new` (`?customerId=…` starts with that customer chosen; the old `companyId` works too). */
export function NewContactPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const [params] = useSearchParams();
  const customerId = params.get('customerId') || params.get('companyId') || null;
  const create = useApiMutation(CREATE_CONTACT, CONTACT_QUERIES);
  const viewer = useViewer();
  const custom = useCustomFields('CONTACT');
  const back = customerId ? { to: `/customers/${customerId}`, label: t('crm.customers.backToCustomer') } : { to: '/contacts', label: t('crm.people.backToList') };

  async function save(values: ContactFormValues) {
    const { createContact } = await create.mutateAsync({ input: createContactInput(values, custom.fields) });
    notifications.show({ color: 'green', message: t('crm.people.created', { name: [values.firstName.trim(), values.lastName.trim()].filter(Boolean).join(' ') }) });
    navigate(`/contacts/${createContact.id}`);
  }

  return (
    <Box maw={880}>
      <PageHeader title={t('crm.people.newTitle')} subtitle={t('crm.people.newIntro')} back={back} />
      {!can('CRM:write') ? (
        <NoPermissionAlert />
      ) : !viewer || !custom.ready ? (
        <DetailSkeleton />
      ) : (
        <ContactForm
          initial={emptyContact(customerId, viewer.user?.id ?? NO_OWNER, custom.fields)}
          customFields={custom.fields}
          creating
          submitLabel={t('crm.people.create')}
          cancelTo={back.to}
          onSave={save}
        />
      )}
    </Box>
  );
}
