import { useTranslation } from 'react-i18next';
import { NotFoundPanel } from '../shared/NotFoundPanel';

/** A customer that does not exist (any more) in this company's CRM. */
export function CustomerNotFound() {
  const { t } = useTranslation();
  return <NotFoundPanel title={t('crm.customers.notFound.title')} description={t('crm.customers.notFound.body')} backTo="/customers" backLabel={t('crm.customers.backToList')} />;
}
