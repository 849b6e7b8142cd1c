import { ActionIcon, Box, Group, Paper, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AutomationStepKind } from '../../../gql/graphql';
import { newStep, STEPS_MAX, type AutomationFormValues } from './automation-form';
import { AddStepMenu } from './AddStepMenu';
import { triggerWords } from './automation-words';
import { STEP_COLOR, STEP_ICON, TRIGGER_ICON } from './step-icons';
import { StepFields } from './StepFields';
import { useHourFormat, type AutomationOptions } from './use-automation-names';

/** The line that joins two boxes of the flow, with what sits on it (an "add here" button). */
export function Connector({ children }: { children?: ReactNode }) {
  return (
    <Group gap="xs" pl={22} mih={28} wrap="nowrap" aria-hidden={children ? undefined : true}>
      <Box w={2} h={children ? 40 : 28} bg="var(--mantine-color-default-border)" />
      {children}
    </Group>
  );
}

/** The box a flow starts with: what starts it, in words. */
export function TriggerNode({ words }: { words: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon variant="light" color="orange" radius="xl" size={30}>
          <TRIGGER_ICON size={16} aria-hidden />
        </ThemeIcon>
        <Stack gap={0} miw={0}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('automations.flow.starts')}
          </Text>
          <Text fz="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
            {words}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

interface StepFlowProps {
  form: UseFormReturnType<AutomationFormValues>;
  options: AutomationOptions;
}

/**
 * The steps as a vertical flow under the trigger: each step a box with its settings, moved up or down
 * or removed with its buttons; a step is added at the end or between two others.
 */
export function StepFlow({ form, options }: StepFlowProps) {
  const { t } = useTranslation();
  const hour = useHourFormat();
  const steps = form.values.steps;
  const full = steps.length >= STEPS_MAX;

  function add(kind: AutomationStepKind, at: number) {
    form.insertListItem('steps', newStep(kind), at);
    form.clearFieldError('steps');
  }

  return (
    <Stack gap={0} role="list" aria-label={t('automations.flow.label')}>
      <Box role="listitem">
        <TriggerNode words={triggerWords(t, form.values.trigger, options.names, hour)} />
      </Box>
      {steps.map((step, index) => {
        const Icon = STEP_ICON[step.kind];
        const number = index + 1;
        const kind = t(`automations.stepKind.${step.kind}`);
        return (
          <Box key={step.key} role="listitem">
            <Connector>
              <AddStepMenu compact label={t('automations.flow.addBefore', { step: number })} onAdd={(kind) => add(kind, index)} on={options.on} disabled={full} />
            </Connector>
            <Paper withBorder radius="md" p="md" component="section" aria-label={t('automations.flow.stepLabel', { step: number, kind })}>
              <Group justify="space-between" wrap="nowrap" mb="sm" gap="xs">
                <Group gap="sm" wrap="nowrap" miw={0}>
                  <ThemeIcon variant="light" color={STEP_COLOR[step.kind]} radius="xl" size={30}>
                    <Icon size={16} aria-hidden />
                  </ThemeIcon>
                  <Text fw={600} fz="sm">
                    {t('automations.flow.stepTitle', { step: number, kind })}
                  </Text>
                </Group>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('automations.flow.moveUp', { step: number })}>
                    <ActionIcon variant="subtle" color="gray" aria-label={t('automations.flow.moveUp', { step: number })} disabled={index === 0} onClick={() => form.reorderListItem('steps', { from: index, to: index - 1 })}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('automations.flow.moveDown', { step: number })}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('automations.flow.moveDown', { step: number })}
                      disabled={index === steps.length - 1}
                      onClick={() => form.reorderListItem('steps', { from: index, to: index + 1 })}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('automations.flow.remove', { step: number })}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('automations.flow.remove', { step: number })} onClick={() => form.removeListItem('steps', index)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
              <StepFields form={form} step={step} index={index} options={options} />
            </Paper>
          </Box>
        );
      })}
      <Box role="listitem">
        <Connector />
        <Group gap="sm">
          <AddStepMenu label={t('automations.flow.add')} onAdd={(kind) => add(kind, steps.length)} on={options.on} disabled={full} />
          {full && (
            <Text fz="xs" c="dimmed">
              {t('automations.form.tooManySteps', { max: STEPS_MAX })}
            </Text>
          )}
        </Group>
        {typeof form.errors.steps === 'string' && (
          <Text fz="sm" c="red" mt="xs" role="alert">
            {form.errors.steps}
          </Text>
        )}
      </Box>
    </Stack>
  );
}
