import { useTranslation } from 'react-i18next';
import { NotFoundPanel } from '../shared/NotFoundPanel';

/** A person who does not exist (any more) in this company. */
export function ContactNotFound() {
  const { t } = useTranslation();
  return <NotFoundPanel title={t('crm.people.notFound.title')} description={t('crm.people.notFound.body')} backTo="/contacts" backLabel={t('crm.people.backToList')} />;
}
