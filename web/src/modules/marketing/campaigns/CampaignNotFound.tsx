import { useTranslation } from 'react-i18next';
import { NotFoundPanel } from '../../crm/shared/NotFoundPanel';

/** A campaign that does not exist (any more) in this company. */
export function CampaignNotFound() {
  const { t } = useTranslation();
  return <NotFoundPanel title={t('marketing.campaigns.notFound.title')} description={t('marketing.campaigns.notFound.body')} backTo="/campaigns" backLabel={t('marketing.campaigns.backToList')} />;
}
