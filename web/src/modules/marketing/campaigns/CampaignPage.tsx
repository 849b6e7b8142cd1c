import { Alert, Box, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { IconClock, IconPlayerPause } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { CampaignStatus } from '../../../gql/graphql';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { ReportSkeleton } from '../../crm/reports/ReportState';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { isMissing } from '../../crm/shared/is-missing';
import { CampaignStatusBadge } from '../shared/CampaignStatusBadge';
import { ChannelBadge } from '../shared/ChannelBadge';
import { useZonedFormat } from '../shared/use-zoned-format';
import { AudienceCount } from './AudiencePicker';
import { CAMPAIGN } from './campaign.documents';
import { CampaignActions } from './CampaignActions';
import { CampaignDetails } from './CampaignDetails';
import { CampaignFigures } from './CampaignFigures';
import { CampaignNotFound } from './CampaignNotFound';
import { CampaignReturn } from './CampaignReturn';

// The chart (recharts) loads with this page, not with the rest of the app.
const DeliveryChart = lazy(() => import('./DeliveryChart').then((module) => ({ default: module.DeliveryChart })));
const ActivityChart = lazy(() => import('./ActivityChart').then((module) => ({ default: module.ActivityChart })));

/** How often the page asks again: every few seconds while messages leave, less often while it waits for its time. */
function refreshOf(status: CampaignStatus | undefined): number | undefined {
  return status === 'SENDING' ? 5_000 : status === 'SCHEDULED' ? 10_000 : status === 'PAUSED' ? 15_000 : undefined;
}

/**
 * `/campaigns/:id`: a campaign's status and what can be done with it, its figures (recipients by
 * delivery state, opens, clicks, unsubscribes, cost) and its settings; a draft or scheduled one
 * shows how many people it reaches now instead.
 */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const zoned = useZonedFormat();
  const query = useApiQuery(CAMPAIGN, { id }, { refetchInterval: (data) => refreshOf(data?.campaign.status) });
  const campaign = query.data?.campaign;

  if (isMissing(query.error)) return <CampaignNotFound />;
  if (query.error && !campaign) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!campaign) return <DetailSkeleton />;
  const started = campaign.status !== 'DRAFT' && campaign.status !== 'SCHEDULED';

  return (
    <Box maw={1180}>
      <PageHeader
        back={{ to: '/campaigns', label: t('marketing.campaigns.backToList') }}
        title={campaign.name}
        subtitle={
          <Group gap="sm" wrap="wrap" mt={2}>
            <span data-testid="campaign-status">
              <CampaignStatusBadge status={campaign.status} />
            </span>
            <ChannelBadge channel={campaign.channel} />
            {campaign.sendAt && (
              <Group gap={4} wrap="nowrap">
                <IconClock size={14} aria-hidden />
                <span>{zoned(campaign.sendAt, campaign.timeZone)}</span>
              </Group>
            )}
          </Group>
        }
        actions={can('MARKETING:write') ? <CampaignActions campaign={campaign} /> : null}
      />
      {campaign.status === 'PAUSED' && (
        <Alert color="yellow" variant="light" icon={<IconPlayerPause />} mb="lg" role="status">
          {t('marketing.campaigns.paused')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            {started ? (
              <>
                <CampaignFigures campaign={campaign} />
                <Suspense fallback={<ReportSkeleton />}>
                  <ActivityChart campaignId={campaign.id} channel={campaign.channel} timeZone={campaign.timeZone} refreshMs={refreshOf(campaign.status)} />
                  <DeliveryChart stats={campaign.stats} />
                </Suspense>
                <CampaignReturn campaignId={campaign.id} />
              </>
            ) : (
              <Paper withBorder radius="md" p="md" component="section" aria-label={t('marketing.stats.notStarted.title')}>
                <Text fw={600}>{t('marketing.stats.notStarted.title')}</Text>
                <Text fz="sm" c="dimmed" mb="sm">
                  {campaign.status === 'SCHEDULED' ? t('marketing.stats.notStarted.scheduled') : t('marketing.stats.notStarted.draft')}
                </Text>
                <AudienceCount channel={campaign.channel} segmentIds={campaign.audience.segmentIds} listIds={campaign.audience.listIds} />
              </Paper>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <CampaignDetails campaign={campaign} />
        </Grid.Col>
      </Grid>
    </Box>
  );
}
