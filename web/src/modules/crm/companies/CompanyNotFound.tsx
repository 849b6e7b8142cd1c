import { useTranslation } from 'react-i18next';
import { NotFoundPanel } from '../shared/NotFoundPanel';

/** A company that does not exist (any more) in this company's CRM. */
export function CompanyNotFound() {
  const { t } = useTranslation();
  return <NotFoundPanel title={t('crm.companies.notFound.title')} description={t('crm.companies.notFound.body')} backTo="/companies" backLabel={t('crm.companies.backToList')} />;
}
