import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';
import type { CampaignDetail } from './campaign-form';

/** The delivery states a recipient moves through, in that order, with their colours. */
const STATES = [
  { key: 'queued', color: 'gray.5' },
  { key: 'sending', color: 'blue.4' },
  { key: 'sent', color: 'blue.7' },
  { key: 'delivered', color: 'green.6' },
  { key: 'bounced', color: 'orange.6' },
  { key: 'failed', color: 'red.6' },
  { key: 'skipped', color: 'gray.7' },
] as const;

/**
 * Recipients by delivery state, one bar each. The API gives counts per state (not yet per hour), so
 * the chart shows where everyone is now; it is asked again while the campaign sends.
 */
export function DeliveryChart({ stats }: { stats: CampaignDetail['stats'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t('marketing.stats.chartTitle');
  const data = STATES.map((state) => ({ state: t(`marketing.stats.state.${state.key}`), recipients: stats[state.key], color: state.color }));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} fz="h5">
        {title}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('marketing.stats.chartHint')}
      </Text>
      <BarChart
        h={300}
        data={data}
        dataKey="state"
        orientation="vertical"
        series={[{ name: 'recipients', color: 'blue.6', label: t('marketing.stats.recipients') }]}
        valueFormatter={(value) => format.number(value)}
        xAxisProps={{ allowDecimals: false }}
        yAxisProps={{ width: 110 }}
        withBarValueLabel
        maxBarWidth={28}
      />
    </Paper>
  );
}
