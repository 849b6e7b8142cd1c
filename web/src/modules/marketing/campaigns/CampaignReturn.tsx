import { Paper, SimpleGrid, Skeleton, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../../i18n/languages';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { MoneyTotals } from '../../crm/deals/DealMoney';
import { CAMPAIGN_REVENUE } from './campaign.documents';

/** Days after sending in which a deal won from a recipient counts (the API's default). */
const WINDOW_DAYS = 30;

/** What the campaign brought: deals won from the people it reached within 30 days, against its cost. Needs CRM deals. */
export function CampaignReturn({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const on = useSwitchedOn();
  const can = useCan();
  const shown = on('CRM.deals') && can('CRM:read');
  const query = useApiQuery(CAMPAIGN_REVENUE, { id: campaignId, days: WINDOW_DAYS }, { enabled: shown });
  if (!shown) return null;
  const revenue = query.data?.campaign.revenue;
  const title = t('marketing.stats.return.title', { days: WINDOW_DAYS });
  const percent = new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} fz="h5" mb="sm">
        {title}
      </Title>
      {query.error ? (
        <Text fz="sm" c="dimmed">
          {t('marketing.stats.return.failed')}
        </Text>
      ) : !revenue ? (
        <Skeleton h={48} />
      ) : (
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <div>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('marketing.stats.return.deals')}
            </Text>
            <Text fw={700}>{format.number(revenue.attributedDeals)}</Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('marketing.stats.return.won')}
            </Text>
            <MoneyTotals totals={revenue.wonAmounts} fw={700} fz="md" />
          </div>
          <div>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('marketing.campaigns.fields.cost')}
            </Text>
            <Text fw={700}>{revenue.cost ? format.money(revenue.cost.amount, revenue.cost.currency) : t('common.none')}</Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('marketing.stats.return.roi')}
            </Text>
            <Text fw={700} c={revenue.roi && Number(revenue.roi) < 0 ? 'red' : undefined}>
              {revenue.roi ? percent.format(Number(revenue.roi)) : t('common.none')}
            </Text>
          </div>
        </SimpleGrid>
      )}
    </Paper>
  );
}
