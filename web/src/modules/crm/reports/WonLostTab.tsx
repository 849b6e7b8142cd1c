import { BarChart } from '@mantine/charts';
import { Button, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { IconLayoutKanban, IconScale } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { ReportFilter } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { MoneyTotals } from '../deals/DealMoney';
import { EmptyPanel } from '../shared/EmptyPanel';
import { WON_LOST } from './report.documents';
import { usePercent } from './report-format';
import { ReportSkeleton } from './ReportState';

/** A share of a checklist done, as a bar and a percentage; a dash for a stage without a checklist. */
function Discipline({ share }: { share: string | null | undefined }) {
  const percent = usePercent();
  if (share === null || share === undefined) return <Text fz="sm" c="dimmed">{percent(null)}</Text>;
  const value = Number(share) * 100;
  return (
    <Stack gap={2} miw={90}>
      <Text fz="sm" ta="right">
        {percent(share)}
      </Text>
      <Progress value={value} size="xs" color={value >= 80 ? 'green' : value >= 50 ? 'yellow' : 'red'} aria-hidden />
    </Stack>
  );
}

/** Deals closed in the period: won and lost per stage (stacked bars), how much of each stage's checklist was done, and why deals were lost. */
export function WonLostTab({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useApiQuery(WON_LOST, { filter }, { keepPrevious: true });
  const report = query.data?.wonLostReport;

  if (query.error) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!report) return <ReportSkeleton />;
  const closed = report.stages.reduce((sum, stage) => sum + stage.won + stage.lost, 0);
  if (closed === 0) {
    return (
      <EmptyPanel
        label={t('reports.wonLost.empty.title')}
        icon={<IconScale />}
        title={t('reports.wonLost.empty.title')}
        description={t('reports.wonLost.empty.body')}
        action={
          <Button component={Link} to="/deals" variant="light" leftSection={<IconLayoutKanban size={16} />}>
            {t('reports.openBoard')}
          </Button>
        }
      />
    );
  }

  const data = report.stages.map((stage) => ({ stage: stage.stageName, won: stage.won, lost: stage.lost }));
  const chartTitle = t('reports.wonLost.chartTitle');
  const reasonsTitle = t('reports.wonLost.reasonsTitle');

  return (
    <Stack gap="md" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      <Paper withBorder radius="md" p="md" component="section" aria-label={chartTitle}>
        <Title order={2} fz="h5" mb="sm">
          {chartTitle}
        </Title>
        <BarChart
          h={280}
          data={data}
          dataKey="stage"
          type="stacked"
          withLegend
          series={[
            { name: 'won', color: 'green.6', label: t('reports.wonLost.won') },
            { name: 'lost', color: 'red.6', label: t('reports.wonLost.lost') },
          ]}
          valueFormatter={(value) => format.number(value)}
          yAxisProps={{ allowDecimals: false }}
          maxBarWidth={64}
        />
      </Paper>
      <Paper withBorder radius="md" component="section" aria-label={t('reports.wonLost.byStage')} style={{ overflow: 'hidden' }}>
        <Title order={2} fz="h5" p="md" pb={0}>
          {t('reports.wonLost.byStage')}
        </Title>
        <Text fz="xs" c="dimmed" px="md" pt={4}>
          {t('reports.wonLost.disciplineHint')}
        </Text>
        <Table.ScrollContainer minWidth={760} type="native">
          <Table verticalSpacing="sm" horizontalSpacing="md" mt="sm" aria-label={t('reports.wonLost.byStage')}>
            <Table.Thead bg="var(--mantine-color-default-hover)">
              <Table.Tr>
                <Table.Th>{t('reports.wonLost.stage')}</Table.Th>
                <Table.Th ta="right">{t('reports.wonLost.won')}</Table.Th>
                <Table.Th>{t('reports.wonLost.wonAmount')}</Table.Th>
                <Table.Th ta="right">{t('reports.wonLost.lost')}</Table.Th>
                <Table.Th>{t('reports.wonLost.lostAmount')}</Table.Th>
                <Table.Th ta="right">{t('reports.wonLost.checklistWon')}</Table.Th>
                <Table.Th ta="right">{t('reports.wonLost.checklistLost')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.stages.map((stage) => (
                <Table.Tr key={stage.stageId ?? stage.stageName}>
                  <Table.Td fw={600}>{stage.stageName}</Table.Td>
                  <Table.Td ta="right">{format.number(stage.won)}</Table.Td>
                  <Table.Td>
                    <MoneyTotals totals={stage.wonAmount} />
                  </Table.Td>
                  <Table.Td ta="right">{format.number(stage.lost)}</Table.Td>
                  <Table.Td>
                    <MoneyTotals totals={stage.lostAmount} />
                  </Table.Td>
                  <Table.Td>
                    <Discipline share={stage.checklistDoneWhenWon} />
                  </Table.Td>
                  <Table.Td>
                    <Discipline share={stage.checklistDoneWhenLost} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder radius="md" component="section" aria-label={reasonsTitle} style={{ overflow: 'hidden' }}>
        <Title order={2} fz="h5" p="md" pb={0}>
          {reasonsTitle}
        </Title>
        {report.lostReasons.length === 0 ? (
          <Text fz="sm" c="dimmed" p="md">
            {t('reports.wonLost.noReasons')}
          </Text>
        ) : (
          <Table verticalSpacing="sm" horizontalSpacing="md" mt="sm" aria-label={reasonsTitle}>
            <Table.Thead bg="var(--mantine-color-default-hover)">
              <Table.Tr>
                <Table.Th>{t('reports.wonLost.reason')}</Table.Th>
                <Table.Th ta="right">{t('reports.wonLost.deals')}</Table.Th>
                <Table.Th>{t('reports.wonLost.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.lostReasons.map((reason) => (
                <Table.Tr key={reason.reason}>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{reason.reason}</Table.Td>
                  <Table.Td ta="right">{format.number(reason.count)}</Table.Td>
                  <Table.Td>
                    <MoneyTotals totals={reason.amount} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
