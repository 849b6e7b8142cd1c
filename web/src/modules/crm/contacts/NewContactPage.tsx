import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useApiMutation } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CREATE_CONTACT } from './contact.documents';
import { createContactInput, emptyContact, type ContactFormValues } from './contact-form';
import { ContactForm } from './ContactForm';

/** `/contacts/new` (`?companyId=…` starts with that company chosen). */
export function NewContactPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const on = useSwitchedOn();
  const [params] = useSearchParams();
  const companiesOn = on('CRM.companies');
  const companyId = companiesOn ? params.get('companyId') || null : null;
  const create = useApiMutation(CREATE_CONTACT, ['ContactsList', 'CompanyDetail', 'CompaniesList']);
  const back = companyId ? { to: `/companies/${companyId}`, label: t('crm.companies.backToCompany') } : { to: '/contacts', label: t('crm.people.backToList') };

  async function save(values: ContactFormValues) {
    const { createContact } = await create.mutateAsync({ input: createContactInput(values, companiesOn) });
    notifications.show({ color: 'green', message: t('crm.people.created', { name: [values.firstName.trim(), values.lastName.trim()].filter(Boolean).join(' ') }) });
    navigate(`/contacts/${createContact.id}`);
  }

  return (
    <Box maw={880}>
      <PageHeader title={t('crm.people.newTitle')} subtitle={t('crm.people.newIntro')} back={back} />
      {can('CRM:write') ? <ContactForm initial={emptyContact(companyId)} submitLabel={t('crm.people.create')} cancelTo={back.to} onSave={save} /> : <NoPermissionAlert />}
    </Box>
  );
}
