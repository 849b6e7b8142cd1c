import { Button, Group, Modal, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { deviceTimeZone } from '../../../lib/format';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { required } from '../../../lib/validators';
import { useViewer } from '../../../lib/viewer';
import { AssigneeSelect } from '../tasks/AssigneeSelect';
import { CREATE_TASK, TASK_QUERIES } from '../tasks/task.documents';
import { fromLocalInput, NOBODY, TITLE_MAX } from '../tasks/task-form';
import { DEAL_QUERIES } from './deal.documents';

interface DealTaskValues {
  title: string;
  /** `YYYY-MM-DDTHH:mm` in the device's time zone, or ''. */
  dueAt: string;
  assigneeId: string;
}

/** "New task" about a deal: what, by when, who; the deal is its subject. */
export function DealTaskModal({ deal, opened, onClose }: { deal: { id: string; title: string }; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('deals.tasks.newTitle', { title: deal.title })} size="lg" fullScreen={phone}>
      <DealTaskForm deal={deal} onDone={onClose} />
    </Modal>
  );
}

function DealTaskForm({ deal, onDone }: { deal: { id: string; title: string }; onDone: () => void }) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const create = useApiMutation(CREATE_TASK, [...TASK_QUERIES, ...DEAL_QUERIES]);
  const form = useForm<DealTaskValues>({
    initialValues: { title: '', dueAt: '', assigneeId: viewer?.user?.id ?? NOBODY },
    validate: {
      title: required(t, TITLE_MAX),
      dueAt: (value) => (value.trim() !== '' && fromLocalInput(value) === null ? t('crm.tasks.form.invalidDue') : null),
    },
  });

  async function submit(values: DealTaskValues) {
    try {
      const dueAt = fromLocalInput(values.dueAt);
      const { createTask } = await create.mutateAsync({
        input: { title: values.title.trim(), assigneeId: values.assigneeId === NOBODY ? null : values.assigneeId, subjectType: 'DEAL', subjectId: deal.id, ...(dueAt ? { dueAt } : {}) },
      });
      notifications.show({ color: 'green', message: t('crm.tasks.created', { title: createTask.title }) });
      onDone();
    } catch (error) {
      showApiError(t, error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <TextInput label={t('crm.tasks.fields.title')} placeholder={t('crm.tasks.form.titlePlaceholder')} required autoComplete="off" data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            type="datetime-local"
            label={t('crm.tasks.fields.dueAt')}
            description={t('crm.tasks.form.dueHint', { zone: deviceTimeZone() ?? '' })}
            leftSection={<IconCalendarClock size={16} aria-hidden />}
            {...form.getInputProps('dueAt')}
          />
          <AssigneeSelect
            label={t('crm.tasks.fields.assignee')}
            nobodyValue={NOBODY}
            value={form.values.assigneeId}
            onChange={(value) => form.setFieldValue('assigneeId', value ?? NOBODY)}
            error={form.errors.assigneeId}
          />
        </SimpleGrid>
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onDone} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('crm.tasks.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
