import { Alert, Anchor, Box } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useCan, useViewer } from '../../../lib/viewer';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { isMissing } from '../../crm/shared/is-missing';
import { NoPermissionAlert } from '../../crm/shared/NoPermissionAlert';
import { CAMPAIGN } from './campaign.documents';
import { campaignValues } from './campaign-form';
import { CampaignActions } from './CampaignActions';
import { CampaignEditor } from './CampaignEditor';
import { CampaignNotFound } from './CampaignNotFound';
import { deviceZone } from '../shared/time-zones';

/** `/campaigns/:id/edit`: a draft or a scheduled campaign; one that has started can no longer change. */
export function EditCampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const viewer = useViewer();
  const query = useApiQuery(CAMPAIGN, { id });
  const campaign = query.data?.campaign;

  if (isMissing(query.error)) return <CampaignNotFound />;
  const editable = campaign?.status === 'DRAFT' || campaign?.status === 'SCHEDULED';

  return (
    <Box maw={960}>
      <PageHeader
        title={campaign ? t('marketing.campaigns.editTitle', { name: campaign.name }) : t('marketing.campaigns.editTitleLoading')}
        back={{ to: `/campaigns/${id}`, label: t('marketing.campaigns.backToCampaign') }}
        actions={campaign && editable && can('MARKETING:write') ? <CampaignActions campaign={campaign} only={['delete', 'cancel']} /> : null}
      />
      {!can('MARKETING:write') ? (
        <NoPermissionAlert />
      ) : query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !campaign || !viewer ? (
        <DetailSkeleton />
      ) : !editable ? (
        <Alert color="gray" icon={<IconLock />} title={t('marketing.campaigns.locked.title')} role="status">
          {t(`marketing.campaigns.locked.${campaign.status}`)}{' '}
          <Anchor component={Link} to={`/campaigns/${campaign.id}`}>
            {t('marketing.campaigns.locked.open')}
          </Anchor>
        </Alert>
      ) : (
        <CampaignEditor key={campaign.id} campaign={campaign} initial={campaignValues(campaign, viewer.tenant.settings.currency, deviceZone())} />
      )}
    </Box>
  );
}
