import { Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { useCan, useViewer } from '../../../lib/viewer';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { NoPermissionAlert } from '../../crm/shared/NoPermissionAlert';
import { isChannel } from '../shared/channels';
import { emptyCampaign } from './campaign-form';
import { CampaignEditor } from './CampaignEditor';
import { deviceZone } from '../shared/time-zones';

/** `/campaigns/new` (`?channel=SMS` starts an SMS campaign). */
export function NewCampaignPage() {
  const { t } = useTranslation();
  const can = useCan();
  const viewer = useViewer();
  const [params] = useSearchParams();
  const channelParam = params.get('channel');
  const channel = isChannel(channelParam) ? channelParam : 'EMAIL';
  const back = { to: '/campaigns', label: t('marketing.campaigns.backToList') };
  return (
    <Box maw={960}>
      <PageHeader title={t('marketing.campaigns.newTitle')} subtitle={t('marketing.campaigns.newIntro')} back={back} />
      {!can('MARKETING:write') ? (
        <NoPermissionAlert />
      ) : !viewer ? (
        <DetailSkeleton />
      ) : (
        <CampaignEditor initial={emptyCampaign(channel, viewer.tenant.settings.currency, deviceZone())} />
      )}
    </Box>
  );
}
