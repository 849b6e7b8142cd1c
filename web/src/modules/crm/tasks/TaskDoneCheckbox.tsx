import { Checkbox, ThemeIcon, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { COMPLETE_TASK, TASK_QUERIES } from './task.documents';

/** Ticks a task done (or, unticked, open again); readers see only whether it is done. */
export function TaskDoneCheckbox({ id, title, done }: { id: string; title: string; done: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const complete = useApiMutation(COMPLETE_TASK, TASK_QUERIES);
  // Shown ticked at once; the list catches up when the API answers.
  const [pending, setPending] = useState<boolean | null>(null);

  if (!can('CRM:write')) {
    const label = done ? t('crm.tasks.status.done') : t('crm.tasks.status.open');
    return (
      <Tooltip label={label}>
        <ThemeIcon variant="transparent" color={done ? 'green' : 'gray'} size="sm" role="img" aria-label={label}>
          {done ? <IconCircleCheck size={18} /> : <IconCircle size={18} />}
        </ThemeIcon>
      </Tooltip>
    );
  }

  async function toggle(next: boolean) {
    // A second click while the first is on its way changes nothing.
    if (pending !== null) return;
    setPending(next);
    try {
      await complete.mutateAsync({ input: { id, done: next } });
      notifications.show({ color: 'green', message: next ? t('crm.tasks.completed', { title }) : t('crm.tasks.reopened', { title }) });
    } catch (error) {
      showApiError(t, error);
    } finally {
      setPending(null);
    }
  }

  return (
    <Checkbox
      aria-label={t('crm.tasks.markDone', { title })}
      checked={pending ?? done}
      onChange={(event) => void toggle(event.currentTarget.checked)}
      radius="xl"
      color="green"
    />
  );
}
