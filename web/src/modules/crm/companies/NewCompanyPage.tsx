import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useApiMutation } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { CREATE_COMPANY } from './company.documents';
import { createCompanyInput, EMPTY_COMPANY, type CompanyFormValues } from './company-form';
import { CompanyForm } from './CompanyForm';

/** `/companies/new`. */
export function NewCompanyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const can = useCan();
  const create = useApiMutation(CREATE_COMPANY, ['CompaniesList', 'CompanyOptions']);

  async function save(values: CompanyFormValues) {
    const { createCompany } = await create.mutateAsync({ input: createCompanyInput(values) });
    notifications.show({ color: 'green', message: t('crm.companies.created', { name: values.name.trim() }) });
    navigate(`/companies/${createCompany.id}`);
  }

  return (
    <Box maw={880}>
      <PageHeader title={t('crm.companies.newTitle')} subtitle={t('crm.companies.newIntro')} back={{ to: '/companies', label: t('crm.companies.backToList') }} />
      {can('CRM:write') ? <CompanyForm initial={EMPTY_COMPANY} submitLabel={t('crm.companies.create')} cancelTo="/companies" onSave={save} /> : <NoPermissionAlert />}
    </Box>
  );
}
