import { BarChart } from '@mantine/charts';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { ReportFilter } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { MoneyTotals } from '../deals/DealMoney';
import { EmptyPanel } from '../shared/EmptyPanel';
import { DEALS_BY_SOURCE } from './report.documents';
import { usePercent } from './report-format';
import { ReportSkeleton } from './ReportState';

/** Deals created in the period by the channel and campaign they came through: created and won (bars), win rate and amount won. */
export function SourcesTab({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const query = useApiQuery(DEALS_BY_SOURCE, { filter }, { keepPrevious: true });
  const rows = query.data?.dealsBySource;

  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!rows) return <ReportSkeleton />;
  if (rows.length === 0) {
    return <EmptyPanel label={t('reports.sources.empty.title')} icon={<IconWorld />} title={t('reports.sources.empty.title')} description={t('reports.sources.empty.body')} />;
  }

  const channelOf = (channel: string | null | undefined) => (channel ? t(`deals.channel.${channel}`) : t('reports.sources.unknown'));
  const labelOf = (row: (typeof rows)[number]) => (row.utmCampaign ? t('reports.sources.withCampaign', { channel: channelOf(row.channel), campaign: row.utmCampaign }) : channelOf(row.channel));
  const data = rows.map((row) => ({ source: labelOf(row), created: row.created, won: row.won }));
  const chartTitle = t('reports.sources.chartTitle');

  return (
    <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <Paper withBorder radius="md" p="md" component="section" aria-label={chartTitle}>
        <Title order={2} fz="h5" mb="sm">
          {chartTitle}
        </Title>
        <BarChart
          h={Math.max(180, 56 * data.length + 40)}
          data={data}
          dataKey="source"
          orientation="vertical"
          withLegend
          series={[
            { name: 'created', color: 'blue.5', label: t('reports.sources.created') },
            { name: 'won', color: 'green.6', label: t('reports.sources.won') },
          ]}
          valueFormatter={(value) => format.number(value)}
          yAxisProps={{ width: 140 }}
          xAxisProps={{ allowDecimals: false }}
          maxBarWidth={32}
          gridAxis="x"
        />
      </Paper>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('reports.sources.tableLabel')}>
            <Table.Thead bg="var(--mantine-color-default-hover)">
              <Table.Tr>
                <Table.Th>{t('reports.sources.channel')}</Table.Th>
                <Table.Th>{t('reports.sources.campaign')}</Table.Th>
                <Table.Th ta="right">{t('reports.sources.created')}</Table.Th>
                <Table.Th ta="right">{t('reports.sources.won')}</Table.Th>
                <Table.Th ta="right">{t('reports.sources.winRate')}</Table.Th>
                <Table.Th>{t('reports.sources.wonAmount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={`${row.channel ?? '-'}|${row.utmCampaign ?? '-'}`}>
                  <Table.Td fw={600}>{channelOf(row.channel)}</Table.Td>
                  <Table.Td>{row.utmCampaign ?? <Text span c="dimmed" fz="sm">{t('common.none')}</Text>}</Table.Td>
                  <Table.Td ta="right">{format.number(row.created)}</Table.Td>
                  <Table.Td ta="right">{format.number(row.won)}</Table.Td>
                  <Table.Td ta="right">{percent(row.winRate)}</Table.Td>
                  <Table.Td>
                    <MoneyTotals totals={row.wonAmount} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
