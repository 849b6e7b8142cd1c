import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { activationProblems } from './activation';
import type { AutomationDetail } from './automation-form';

interface ActivateModalProps {
  opened: boolean;
  automation: AutomationDetail;
  /** What starts it, in words. */
  trigger: string;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * Asks before switching an automation on, saying what will happen: who goes through it from now
 * (for a segment: whether those already in it do), that paused runs go on. What the API would refuse
 * (no steps, a segment deleted since) is said instead, and nothing is asked.
 */
export function ActivateModal({ opened, automation, trigger, loading, onConfirm, onClose }: ActivateModalProps) {
  const { t } = useTranslation();
  const problems = activationProblems(automation);
  const firstTime = !automation.activatedAt;
  const notes: string[] = [t('automations.activate.fromNow', { trigger })];
  if (automation.trigger.kind === 'SEGMENT_ENTERED') notes.push(firstTime && automation.trigger.includeExisting ? t('automations.activate.existingIncluded') : t('automations.activate.existingLeftOut'));
  if (automation.trigger.kind === 'TASK_OVERDUE') notes.push(t('automations.activate.tasksFromNow'));
  if (automation.status === 'PAUSED' && automation.stats.active > 0) notes.push(t('automations.activate.runsGoOn', { count: automation.stats.active }));
  notes.push(t('automations.activate.oncePerStep'));
  return (
    <Modal opened={opened} onClose={onClose} title={t('automations.activate.title', { name: automation.name })} centered>
      <Stack>
        {problems.length > 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('automations.activate.cannot')}>
            <List size="sm">
              {problems.map((problem) => (
                <List.Item key={`${problem.key}-${problem.step ?? 0}`}>{t(`automations.activate.problem.${problem.key}`, { step: problem.step })}</List.Item>
              ))}
            </List>
          </Alert>
        ) : (
          <List size="sm" spacing={6}>
            {notes.map((note) => (
              <List.Item key={note}>
                <Text fz="sm">{note}</Text>
              </List.Item>
            ))}
          </List>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={loading}>
            {t('common.cancel')}
          </Button>
          <Button onClick={onConfirm} loading={loading} disabled={problems.length > 0}>
            {t('automations.activate.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
