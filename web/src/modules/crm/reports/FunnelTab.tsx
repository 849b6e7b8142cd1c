import { BarChart } from '@mantine/charts';
import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconChartFunnel, IconLayoutKanban } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { ReportFilter } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { MoneyTotals, useMoneyTotals } from '../deals/DealMoney';
import { EmptyPanel } from '../shared/EmptyPanel';
import { SALES_FUNNEL } from './report.documents';
import { usePercent } from './report-format';
import { ReportSkeleton } from './ReportState';
import { StatGrid } from './StatGrid';

/** How far the deals created in the period got: reached per stage (a bar each) and the conversion from the stage before. */
export function FunnelTab({ filter, pipelineName }: { filter: ReportFilter; pipelineName: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const percent = usePercent();
  const totals = useMoneyTotals();
  const query = useApiQuery(SALES_FUNNEL, { filter }, { keepPrevious: true });
  const funnel = query.data?.salesFunnel;

  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!funnel) return <ReportSkeleton />;
  if (funnel.created === 0) {
    return (
      <EmptyPanel
        label={t('reports.funnel.empty.title')}
        icon={<IconChartFunnel />}
        title={t('reports.funnel.empty.title')}
        description={t('reports.funnel.empty.body', { pipeline: pipelineName })}
        action={
          <Button component={Link} to="/deals" variant="light" leftSection={<IconLayoutKanban size={16} />}>
            {t('reports.openBoard')}
          </Button>
        }
      />
    );
  }

  const data = funnel.stages.map((stage) => ({ stage: stage.stage.name, reached: stage.reached }));
  const chartTitle = t('reports.funnel.chartTitle', { pipeline: pipelineName });

  return (
    <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <StatGrid
        label={t('reports.funnel.summary')}
        stats={[
          { label: t('reports.funnel.created'), value: format.number(funnel.created) },
          { label: t('reports.funnel.won'), value: format.number(funnel.won) },
          { label: t('reports.funnel.lost'), value: format.number(funnel.lost) },
          { label: t('reports.funnel.winRate'), value: percent(funnel.winRate) },
          { label: t('reports.funnel.wonAmount'), value: totals(funnel.wonAmount) },
        ]}
      />
      <Paper withBorder radius="md" p="md" component="section" aria-label={chartTitle}>
        <Title order={2} fz="h5" mb="sm">
          {chartTitle}
        </Title>
        <BarChart
          h={Math.max(160, 48 * data.length + 40)}
          data={data}
          dataKey="stage"
          orientation="vertical"
          series={[{ name: 'reached', color: 'blue.6', label: t('reports.funnel.reached') }]}
          withBarValueLabel
          valueFormatter={(value) => format.number(value)}
          yAxisProps={{ width: 120 }}
          xAxisProps={{ allowDecimals: false }}
          maxBarWidth={40}
          gridAxis="x"
        />
      </Paper>
      <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
        <Table.ScrollContainer minWidth={640} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('reports.funnel.tableLabel')}>
            <Table.Thead bg="var(--mantine-color-default-hover)">
              <Table.Tr>
                <Table.Th>{t('reports.funnel.stage')}</Table.Th>
                <Table.Th ta="right">{t('reports.funnel.reached')}</Table.Th>
                <Table.Th ta="right">{t('reports.funnel.conversion')}</Table.Th>
                <Table.Th ta="right">{t('reports.funnel.open')}</Table.Th>
                <Table.Th ta="right">{t('reports.funnel.lostHere')}</Table.Th>
                <Table.Th>{t('reports.funnel.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {funnel.stages.map((stage) => (
                <Table.Tr key={stage.stage.id}>
                  <Table.Td fw={600}>{stage.stage.name}</Table.Td>
                  <Table.Td ta="right">{format.number(stage.reached)}</Table.Td>
                  <Table.Td ta="right">{percent(stage.conversion)}</Table.Td>
                  <Table.Td ta="right">{format.number(stage.open)}</Table.Td>
                  <Table.Td ta="right">{format.number(stage.lost)}</Table.Td>
                  <Table.Td>
                    <MoneyTotals totals={stage.reachedAmount} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Text fz="xs" c="dimmed">
        {t('reports.funnel.explain')}
      </Text>
    </Stack>
  );
}
