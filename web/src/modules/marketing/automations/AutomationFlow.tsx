import { Box, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AutomationStepKind } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { stepWords, type StepLike } from './automation-words';
import { STEP_COLOR, STEP_ICON } from './step-icons';
import { Connector, TriggerNode } from './StepFlow';
import type { AutomationNames } from './automation-words';

export interface StepFigures {
  passed: number;
  skipped: number;
  stopped: number;
}

interface AutomationFlowProps {
  triggerWords: string;
  steps: (StepLike & { position: number })[];
  names: AutomationNames;
  /** How many runs went through each step, by position; none: the figures are not shown. */
  figures?: Map<number, StepFigures>;
  label: string;
}

/** What went through a step, in the words of its kind ("12 sent · 3 could not be reached"). */
function figureWords(t: ReturnType<typeof useTranslation>['t'], number: (n: number) => string, kind: AutomationStepKind, figures: StepFigures): string {
  const parts = [t(`automations.figures.passed.${kind}`, { count: figures.passed, number: number(figures.passed) })];
  if (figures.skipped > 0) parts.push(t('automations.figures.skipped', { count: figures.skipped, number: number(figures.skipped) }));
  if (figures.stopped > 0) parts.push(t('automations.figures.stopped', { count: figures.stopped, number: number(figures.stopped) }));
  return parts.join(' · ');
}

/** An automation's trigger and steps as a vertical flow to read (the page, a builder whose steps cannot change). */
export function AutomationFlow({ triggerWords, steps, names, figures, label }: AutomationFlowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const ordered = [...steps].sort((a, b) => a.position - b.position);
  return (
    <Stack gap={0} role="list" aria-label={label}>
      <Box role="listitem">
        <TriggerNode words={triggerWords} />
      </Box>
      {ordered.map((step) => {
        const Icon = STEP_ICON[step.kind];
        const number = step.position + 1;
        const stepFigures = figures?.get(step.position) ?? (figures ? { passed: 0, skipped: 0, stopped: 0 } : null);
        return (
          <Box key={step.position} role="listitem">
            <Connector />
            <Paper withBorder radius="md" p="sm" component="section" aria-label={t('automations.flow.stepLabel', { step: number, kind: t(`automations.stepKind.${step.kind}`) })}>
              <Group gap="sm" wrap="nowrap" align="flex-start">
                <ThemeIcon variant="light" color={STEP_COLOR[step.kind]} radius="xl" size={30}>
                  <Icon size={16} aria-hidden />
                </ThemeIcon>
                <Stack gap={2} miw={0} style={{ flex: 1 }}>
                  <Text fz="xs" c="dimmed" fw={600}>
                    {t('automations.flow.stepNumber', { step: number })}
                  </Text>
                  <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {stepWords(t, step, names)}
                  </Text>
                  {stepFigures && (
                    <Text fz="sm" c="dimmed" data-testid={`step-figures-${number}`}>
                      {figureWords(t, format.number, step.kind, stepFigures)}
                    </Text>
                  )}
                </Stack>
              </Group>
            </Paper>
          </Box>
        );
      })}
    </Stack>
  );
}
