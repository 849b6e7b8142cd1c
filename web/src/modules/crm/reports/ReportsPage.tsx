import '@mantine/charts/styles.css';
import { Alert, Box, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconChartFunnel, IconScale, IconStairs, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useViewer } from '../../../lib/viewer';
import { PIPELINES } from '../deals/deal.documents';
import { useDayFormat } from '../deals/use-day-format';
import { EmptyPanel } from '../shared/EmptyPanel';
import { FunnelTab } from './FunnelTab';
import { ManagersTab } from './ManagersTab';
import { dayString } from './period';
import { ReportFilters } from './ReportFilters';
import { readReportsView, REPORT_TABS, reportFilter, type ReportTab } from './reports-view';
import { ReportSkeleton } from './ReportState';
import { SourcesTab } from './SourcesTab';
import { WonLostTab } from './WonLostTab';

const TAB_ICON = { funnel: IconChartFunnel, wonLost: IconScale, managers: IconUsersGroup, sources: IconWorld } as const;

/**
 * `/reports`: sales reports for a period of the company's calendar (this month, quarter or year, or
 * chosen days), narrowed by pipeline, owners and channels. Tabs: the funnel, won and lost, managers,
 * sources. Everything chosen is in the address, so a report can be bookmarked or sent.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const formatDay = useDayFormat();
  const [params, setParams] = useSearchParams();
  const timeZone = viewer?.tenant.settings.timeZone ?? 'UTC';
  const view = readReportsView(params, timeZone);
  const pipelines = useApiQuery(PIPELINES, {}, { staleTime: 30_000 });
  const all = pipelines.data?.pipelines;

  function change(changes: Record<string, string | null>) {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  }

  const funnelPipeline = all?.find((pipeline) => pipeline.id === view.pipelineId) ?? all?.[0] ?? null;
  const chosen = view.pipelineId && all?.some((pipeline) => pipeline.id === view.pipelineId) ? view.pipelineId : null;

  function tab(value: ReportTab) {
    if (!all) return <ReportSkeleton />;
    if (view.periodProblem) {
      return (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('reports.badPeriod')}>
          {view.periodProblem === 'inverted' ? t('errors.reason.INVALID_DATE_RANGE') : t('reports.filters.tooLong')}
        </Alert>
      );
    }
    switch (value) {
      case 'funnel':
        return funnelPipeline ? (
          <FunnelTab filter={reportFilter(view, timeZone, funnelPipeline.id)} pipelineName={funnelPipeline.name} />
        ) : (
          <EmptyPanel label={t('deals.noPipeline.title')} icon={<IconStairs />} title={t('deals.noPipeline.title')} description={t('deals.noPipeline.body')} />
        );
      case 'wonLost':
        return <WonLostTab filter={reportFilter(view, timeZone, chosen)} />;
      case 'managers':
        return <ManagersTab filter={reportFilter(view, timeZone, chosen)} sort={view.managerSort} dir={view.managerDir} onSort={(msort, mdir) => change({ msort, mdir })} />;
      case 'sources':
        return <SourcesTab filter={reportFilter(view, timeZone, chosen)} />;
    }
  }

  return (
    <Box maw={1280}>
      <PageHeader
        title={t('reports.title')}
        leading={<IconChartBar size={28} aria-hidden />}
        subtitle={t('reports.subtitle', { from: formatDay(dayString(view.first)), to: formatDay(dayString(view.last)) })}
      />
      {pipelines.error ? (
        <QueryErrorAlert error={pipelines.error} onRetry={() => void pipelines.refetch()} />
      ) : (
        <>
          <ReportFilters view={view} pipelines={all ?? []} onePipeline={view.tab === 'funnel'} timeZone={timeZone} onChange={change} />
          <Tabs value={view.tab} onChange={(value) => change({ tab: value === 'funnel' ? null : value })} keepMounted={false}>
            <Tabs.List mb="md" style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
              {REPORT_TABS.map((value) => {
                const Icon = TAB_ICON[value];
                return (
                  <Tabs.Tab key={value} value={value} leftSection={<Icon size={16} aria-hidden />}>
                    {t(`reports.tabs.${value}`)}
                  </Tabs.Tab>
                );
              })}
            </Tabs.List>
            {REPORT_TABS.map((value) => (
              <Tabs.Panel key={value} value={value}>
                {view.tab === value && tab(value)}
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      )}
    </Box>
  );
}
