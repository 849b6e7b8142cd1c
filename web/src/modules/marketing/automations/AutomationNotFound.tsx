import { useTranslation } from 'react-i18next';
import { NotFoundPanel } from '../../crm/shared/NotFoundPanel';

/** An automation that does not exist (any more) in this company. */
export function AutomationNotFound() {
  const { t } = useTranslation();
  return <NotFoundPanel title={t('automations.notFound.title')} description={t('automations.notFound.body')} backTo="/campaigns/automations" backLabel={t('automations.backToList')} />;
}
