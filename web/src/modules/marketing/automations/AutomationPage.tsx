import { Alert, Box, DataList, Grid, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle, IconPlayerPause, IconPencilOff } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { AutomationStatus } from '../../../gql/graphql';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../../crm/shared/DetailCard';
import { DetailField } from '../../crm/shared/DetailField';
import { DetailSkeleton } from '../../crm/shared/DetailSkeleton';
import { isMissing } from '../../crm/shared/is-missing';
import { AUTOMATION } from './automation.documents';
import { AutomationActions } from './AutomationActions';
import { AutomationFigures } from './AutomationFigures';
import { AutomationFlow, type StepFigures } from './AutomationFlow';
import { AutomationNotFound } from './AutomationNotFound';
import { AutomationRuns } from './AutomationRuns';
import { AutomationStatusBadge } from './AutomationStatusBadge';
import { triggerWords } from './automation-words';
import { useAutomationOptions, useHourFormat } from './use-automation-names';

/** While it is on, people move through it: the page asks again every few seconds. */
function refreshOf(status: AutomationStatus | undefined): number | undefined {
  return status === 'ACTIVE' ? 10_000 : undefined;
}

/**
 * `/campaigns/automations/:id`: an automation's status and what can be done with it, its trigger and
 * steps with how many people passed each, the people in it (how far each got), and its figures.
 */
export function AutomationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const can = useCan();
  const format = useFormat();
  const options = useAutomationOptions();
  const hour = useHourFormat();
  const query = useApiQuery(AUTOMATION, { id }, { refetchInterval: (data) => refreshOf(data?.automation.status) });
  const automation = query.data?.automation;
  const figures = useMemo(() => new Map<number, StepFigures>((automation?.stats.steps ?? []).map((step): [number, StepFigures] => [step.position, step])), [automation?.stats.steps]);

  if (isMissing(query.error)) return <AutomationNotFound />;
  if (query.error && !automation) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!automation) return <DetailSkeleton />;
  const trigger = triggerWords(t, automation.trigger, options.names, hour);
  const stepsLocked = automation.stats.runs > 0;

  return (
    <Box maw={1180}>
      <PageHeader
        back={{ to: '/campaigns/automations', label: t('automations.backToList') }}
        title={automation.name}
        subtitle={
          <Group gap="sm" wrap="wrap" mt={2}>
            <span data-testid="automation-status">
              <AutomationStatusBadge status={automation.status} />
            </span>
            <span>{trigger}</span>
          </Group>
        }
        actions={can('MARKETING:write') ? <AutomationActions automation={automation} trigger={trigger} /> : null}
      />
      {automation.status === 'PAUSED' && (
        <Alert color="yellow" variant="light" icon={<IconPlayerPause />} mb="lg" role="status">
          {automation.stats.active > 0 ? t('automations.pausedNote', { count: automation.stats.active }) : t('automations.pausedNoteEmpty')}
        </Alert>
      )}
      {automation.status === 'DRAFT' && (
        <Alert color="gray" variant="light" icon={<IconInfoCircle />} mb="lg" role="status">
          {t('automations.draftNote')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <DetailCard title={t('automations.flow.title')}>
              <Stack gap="md">
                <Box maw={640}>
                  <AutomationFlow label={t('automations.flow.label')} triggerWords={trigger} steps={automation.steps} names={options.names} figures={figures} />
                </Box>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <IconPencilOff size={16} aria-hidden style={{ flex: 'none', marginTop: 2, color: 'var(--mantine-color-dimmed)' }} />
                  <Text fz="xs" c="dimmed">
                    {automation.status === 'ACTIVE' ? t('automations.rules.active') : stepsLocked ? t('automations.rules.started') : t('automations.rules.open')}
                  </Text>
                </Group>
              </Stack>
            </DetailCard>
            <DetailCard title={t('automations.runs.title')}>
              <AutomationRuns automationId={automation.id} stepCount={automation.steps.length} refreshMs={refreshOf(automation.status)} />
            </DetailCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="lg">
            <AutomationFigures automation={automation} />
            <DetailCard title={t('crm.detail.details')}>
              <DataList orientation="vertical" gap="md">
                <DetailField label={t('automations.details.activatedAt')}>{automation.activatedAt && <Text fz="sm">{format.dateTime(automation.activatedAt)}</Text>}</DetailField>
                <DetailField label={t('crm.detail.created')}>
                  <Text fz="sm">{format.dateTime(automation.createdAt)}</Text>
                </DetailField>
              </DataList>
            </DetailCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Box>
  );
}
