import { Anchor, DataList, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { intlLocale } from '../../../i18n/languages';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { DetailCard } from '../../crm/shared/DetailCard';
import { DetailField } from '../../crm/shared/DetailField';
import { useZonedFormat } from '../shared/use-zoned-format';
import { CAMPAIGN_LISTS, CAMPAIGN_SEGMENTS } from './campaign.documents';
import type { CampaignDetail } from './campaign-form';

/** Hours as the user's clock shows them ("21:00" or "9:00 PM"). */
function useHour(): (hour: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(intlLocale(i18n.language), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return (hour) => format.format(Date.UTC(2000, 0, 1, hour));
}

/** What a campaign sends, to whom, when and how: its settings as saved. */
export function CampaignDetails({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const zoned = useZonedFormat();
  const hour = useHour();
  const segments = useApiQuery(CAMPAIGN_SEGMENTS, {}, { staleTime: 30_000 });
  const lists = useApiQuery(CAMPAIGN_LISTS, {}, { staleTime: 30_000 });
  const names = new Map([...(segments.data?.segments ?? []), ...(lists.data?.subscriptionLists ?? [])].map((source) => [source.id, source.name]));
  const loaded = segments.data !== undefined && lists.data !== undefined;
  // Until both lists are in, a name not found yet is not a deleted one.
  const audience = [...campaign.audience.segmentIds, ...campaign.audience.listIds].map((id) => names.get(id) ?? (loaded ? t('marketing.stats.deletedSource') : '…'));
  const ab = campaign.abTest;
  return (
    <DetailCard title={t('crm.detail.details')}>
      <DataList orientation="vertical" gap="md">
        <DetailField label={t('marketing.campaigns.fields.template')}>
          <Anchor component={Link} to={`/campaigns/templates/${campaign.template.id}`} fz="sm">
            {campaign.template.name}
          </Anchor>
        </DetailField>
        <DetailField label={t('marketing.campaigns.fields.audience')}>
          {audience.length > 0 && <Text fz="sm">{audience.join(', ')}</Text>}
        </DetailField>
        <DetailField label={campaign.status === 'DRAFT' ? t('marketing.stats.sendAt') : campaign.status === 'SCHEDULED' ? t('marketing.stats.sendsAt') : t('marketing.stats.startedAt')}>
          {campaign.sendAt && <Text fz="sm">{zoned(campaign.sendAt, campaign.timeZone)}</Text>}
        </DetailField>
        {campaign.finishedAt && (
          <DetailField label={campaign.status === 'CANCELLED' ? t('marketing.stats.cancelledAt') : t('marketing.stats.finishedAt')}>
            <Text fz="sm">{zoned(campaign.finishedAt, campaign.timeZone)}</Text>
          </DetailField>
        )}
        <DetailField label={t('marketing.campaigns.fields.throttle')}>
          {campaign.throttlePerMinute ? t('marketing.stats.perMinute', { count: campaign.throttlePerMinute }) : t('marketing.stats.noThrottle')}
        </DetailField>
        {campaign.channel === 'SMS' && (
          <DetailField label={t('marketing.campaigns.fields.quietHours')}>
            {campaign.quietHours ? t('marketing.stats.quietHours', { start: hour(campaign.quietHours.start), end: hour(campaign.quietHours.end) }) : t('marketing.stats.noQuietHours')}
          </DetailField>
        )}
        <DetailField label={t('marketing.campaigns.fields.abTest')}>
          {ab && (
            <Text fz="sm">
              {ab.winner
                ? t('marketing.stats.abWinner', { share: ab.testSharePercent, winner: ab.winner })
                : t('marketing.stats.abPending', { share: ab.testSharePercent, time: zoned(ab.winnerAt, campaign.timeZone) })}
            </Text>
          )}
        </DetailField>
        <DetailField label={t('marketing.campaigns.fields.cost')}>{campaign.cost && format.money(campaign.cost.amount, campaign.cost.currency)}</DetailField>
        <DetailField label={t('crm.detail.created')}>
          <Text fz="sm">{format.dateTime(campaign.createdAt)}</Text>
        </DetailField>
      </DataList>
    </DetailCard>
  );
}
