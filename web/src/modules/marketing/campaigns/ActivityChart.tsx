// The charts' own styles (legends, tooltips) load with the charts, as on the reports page.
import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Paper, Skeleton, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketingChannel } from '../../../gql/graphql';
import { intlLocale } from '../../../i18n/languages';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { isTimeZone } from '../shared/zoned-time';
import { activityKinds, everyHour } from './activity';
import { CAMPAIGN_STATS_OVER_TIME } from './campaign.documents';

const COLORS = { sent: 'blue.6', delivered: 'teal.6', opened: 'green.6', clicked: 'grape.6', bounced: 'orange.6', failed: 'red.6', unsubscribed: 'gray.6' } as const;
/** Up to a day of hours reads best as bars; beyond that, lines. */
const BARS_UP_TO = 24;

interface ActivityChartProps {
  campaignId: string;
  channel: MarketingChannel;
  /** The zone the hours are shown in: the campaign's, else the device's. */
  timeZone: string | null | undefined;
  /** Asks again this often while the campaign sends; undefined: once. */
  refreshMs: number | undefined;
}

/** What happened hour by hour since the first message left: sent, opened or delivered, clicked, bounced or failed, unsubscribed. */
export function ActivityChart({ campaignId, channel, timeZone, refreshMs }: ActivityChartProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useApiQuery(CAMPAIGN_STATS_OVER_TIME, { id: campaignId }, { refetchInterval: refreshMs, keepPrevious: true });
  const points = query.data?.campaign.statsOverTime;
  const zone = isTimeZone(timeZone) ? timeZone : undefined;
  const data = useMemo(() => {
    const hour = new Intl.DateTimeFormat(intlLocale(i18n.language), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone });
    return everyHour(points ?? []).map((point) => ({ ...point, hour: hour.format(new Date(point.at)) }));
  }, [points, zone, i18n.language]);
  const series = activityKinds(channel).map((kind) => ({ name: kind, color: COLORS[kind], label: t(`marketing.stats.activity.${kind}`) }));
  const title = t('marketing.stats.activity.title');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} fz="h5">
        {title}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('marketing.stats.activity.hint')}
      </Text>
      {query.error ? (
        <Text fz="sm" c="dimmed">
          {t('marketing.stats.activity.loadFailed')}
        </Text>
      ) : !points ? (
        <Skeleton h={260} />
      ) : data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('marketing.stats.activity.none')}
        </Text>
      ) : data.length <= BARS_UP_TO ? (
        <BarChart h={280} data={data} dataKey="hour" series={series} withLegend valueFormatter={(value) => format.number(value)} yAxisProps={{ allowDecimals: false }} maxBarWidth={18} />
      ) : (
        <LineChart h={280} data={data} dataKey="hour" series={series} withLegend withDots={false} curveType="monotone" valueFormatter={(value) => format.number(value)} yAxisProps={{ allowDecimals: false }} />
      )}
    </Paper>
  );
}
