import { useTranslation } from 'react-i18next';
import { NotFoundPanel } from '../shared/NotFoundPanel';

/** A deal that does not exist (any more) in this company. */
export function DealNotFound() {
  const { t } = useTranslation();
  return <NotFoundPanel title={t('deals.notFound.title')} description={t('deals.notFound.body')} backTo="/deals" backLabel={t('deals.backToBoard')} />;
}
