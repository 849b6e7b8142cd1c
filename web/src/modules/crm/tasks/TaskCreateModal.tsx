import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { usePhone } from '../../../lib/use-phone';
import { useApiMutation } from '../../../lib/use-api';
import { useViewer } from '../../../lib/viewer';
import { TASK_QUERIES, CREATE_TASK } from './task.documents';
import { createTaskInput, emptyTask, type TaskFormValues, type TaskSubject } from './task-form';
import { TaskForm } from './TaskForm';

interface TaskCreateModalProps {
  opened: boolean;
  onClose: () => void;
  /** The person (or customer) the new task is about, chosen already. */
  subject?: TaskSubject | null;
}

/** "New task": a dialog with the task form, assigned to the viewer unless changed. */
export function TaskCreateModal({ opened, onClose, subject = null }: TaskCreateModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const viewer = useViewer();
  const create = useApiMutation(CREATE_TASK, TASK_QUERIES);

  async function save(values: TaskFormValues) {
    const { createTask } = await create.mutateAsync({ input: createTaskInput(values) });
    notifications.show({ color: 'green', message: t('crm.tasks.created', { title: createTask.title }) });
    onClose();
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('crm.tasks.newTitle')} size="lg" fullScreen={phone}>
      <TaskForm initial={emptyTask(viewer?.user?.id ?? null, subject)} subjectName={subject?.name} submitLabel={t('crm.tasks.create')} onSave={save} onCancel={onClose} />
    </Modal>
  );
}
