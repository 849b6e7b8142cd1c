import { Group, MultiSelect, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealPipelinesQuery } from '../../../gql/graphql';
import { usePhone } from '../../../lib/use-phone';
import { CHANNELS } from '../deals/deal-form';
import { useMemberOptions } from '../deals/use-members';
import { dayString, PERIODS, type PeriodKind } from './period';
import { customParams, type ReportsView } from './reports-view';

interface ReportFiltersProps {
  view: ReportsView;
  pipelines: DealPipelinesQuery['pipelines'];
  /** The funnel is of one pipeline: "all pipelines" is not offered there. */
  onePipeline: boolean;
  /** The company's time zone, which the period's days are in. */
  timeZone: string;
  onChange: (changes: Record<string, string | null>) => void;
}

/** The period (this month, quarter or year, or chosen days), the pipeline, owners and channels: all in the address. */
export function ReportFilters({ view, pipelines, onePipeline, timeZone, onChange }: ReportFiltersProps) {
  const { t } = useTranslation();
  const members = useMemberOptions();
  const phone = usePhone();
  const periodLabelId = useId();
  const periods = PERIODS.map((kind) => ({ value: kind, label: t(`reports.period.${kind}`) }));
  const periodError = view.periodProblem === 'inverted' ? t('errors.reason.INVALID_DATE_RANGE') : view.periodProblem === 'tooLong' ? t('reports.filters.tooLong') : undefined;

  function pickPeriod(kind: PeriodKind) {
    if (kind === 'custom') onChange(customParams(view));
    else onChange({ period: kind === 'month' ? null : kind, from: null, to: null });
  }

  return (
    <Paper withBorder radius="md" p="sm" mb="md" role="search" aria-label={t('reports.filters.label')}>
      <Stack gap="sm">
        <Group gap="sm" align="flex-end" wrap="wrap">
          {phone ? (
            // Four choices side by side do not fit a phone: a list instead.
            <Select
              label={t('reports.filters.period')}
              value={view.period}
              allowDeselect={false}
              onChange={(value) => pickPeriod(PERIODS.find((kind) => kind === value) ?? 'month')}
              data={periods}
              style={{ flex: '1 1 100%' }}
              comboboxProps={{ withinPortal: true }}
            />
          ) : (
            <Stack gap={4}>
              <Text id={periodLabelId} component="div" fz="sm" fw={500}>
                {t('reports.filters.period')}
              </Text>
              <SegmentedControl aria-labelledby={periodLabelId} value={view.period} onChange={(value) => pickPeriod(PERIODS.find((kind) => kind === value) ?? 'month')} data={periods} />
            </Stack>
          )}
          {view.period === 'custom' && (
            <>
              <TextInput
                type="date"
                label={t('reports.filters.from')}
                value={dayString(view.first)}
                onChange={(event) => onChange({ from: event.currentTarget.value || null })}
                leftSection={<IconCalendarEvent size={16} aria-hidden />}
                style={{ flex: '0 1 11rem' }}
              />
              <TextInput
                type="date"
                label={t('reports.filters.to')}
                value={dayString(view.last)}
                onChange={(event) => onChange({ to: event.currentTarget.value || null })}
                error={periodError}
                leftSection={<IconCalendarEvent size={16} aria-hidden />}
                style={{ flex: '0 1 11rem' }}
              />
            </>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {t('reports.filters.zone', { zone: timeZone })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('reports.filters.pipeline')}
            placeholder={onePipeline ? undefined : t('reports.filters.allPipelines')}
            data={pipelines.map((pipeline) => ({ value: pipeline.id, label: pipeline.name }))}
            value={view.pipelineId ?? (onePipeline ? (pipelines[0]?.id ?? null) : null)}
            onChange={(pipeline) => onChange({ pipeline })}
            clearable={!onePipeline}
            allowDeselect={!onePipeline}
            clearButtonProps={{ 'aria-label': t('reports.filters.clearPipeline'), 'aria-hidden': false, tabIndex: 0 }}
            description={onePipeline ? t('reports.filters.funnelPipeline') : undefined}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('reports.filters.owners')}
            placeholder={view.owners.length === 0 ? t('reports.filters.anyOwner') : undefined}
            data={members.options}
            value={view.owners}
            onChange={(owners) => onChange({ owners: owners.join(',') || null })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('reports.filters.clearOwners'), 'aria-hidden': false, tabIndex: 0 }}
            nothingFoundMessage={t('reports.filters.noOwner')}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            label={t('reports.filters.channels')}
            placeholder={view.channels.length === 0 ? t('reports.filters.anyChannel') : undefined}
            data={CHANNELS.map((channel) => ({ value: channel, label: t(`deals.channel.${channel}`) }))}
            value={view.channels}
            onChange={(channels) => onChange({ channels: channels.join(',') || null })}
            clearable
            clearButtonProps={{ 'aria-label': t('reports.filters.clearChannels'), 'aria-hidden': false, tabIndex: 0 }}
            comboboxProps={{ withinPortal: true }}
          />
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
