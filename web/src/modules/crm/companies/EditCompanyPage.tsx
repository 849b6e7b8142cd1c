import { Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { NoPermissionAlert } from '../shared/NoPermissionAlert';
import { COMPANY_DETAIL, UPDATE_COMPANY } from './company.documents';
import { changedCompanyInput, companyFormValues, type CompanyFormValues } from './company-form';
import { CompanyForm } from './CompanyForm';
import { CompanyNotFound } from './CompanyNotFound';

/** `/companies/:id/edit`: sends only what changed. */
export function EditCompanyPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const query = useApiQuery(COMPANY_DETAIL, { id });
  const update = useApiMutation(UPDATE_COMPANY, ['CompaniesList', 'CompanyDetail', 'CompanyOptions', 'CompanyName', 'ContactsList', 'ContactDetail', 'TasksList', 'TaskDetail', 'Timeline']);
  const company = query.data?.company;

  if (isMissing(query.error)) return <CompanyNotFound />;

  async function save(values: CompanyFormValues) {
    if (!company) return;
    const input = changedCompanyInput(company.id, companyFormValues(company), values);
    if (input) {
      await update.mutateAsync({ input });
      notifications.show({ color: 'green', message: t('crm.companies.saved') });
    }
    navigate(`/companies/${company.id}`);
  }

  return (
    <Box maw={880}>
      <PageHeader
        title={company ? t('crm.companies.editTitle', { name: company.name }) : t('crm.companies.editTitleLoading')}
        back={{ to: `/companies/${id}`, label: t('crm.companies.backToCompany') }}
      />
      {!can('CRM:write') ? (
        <NoPermissionAlert />
      ) : query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !company ? (
        <DetailSkeleton />
      ) : (
        <CompanyForm key={company.id} initial={companyFormValues(company)} submitLabel={t('common.save')} cancelTo={`/companies/${company.id}`} onSave={save} />
      )}
    </Box>
  );
}
