import { Button, Modal } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { DetailSkeleton } from '../shared/DetailSkeleton';
import { isMissing } from '../shared/is-missing';
import { DELETE_TASK, TASK_DETAIL, TASK_LIST_QUERIES, TASK_QUERIES, UPDATE_TASK } from './task.documents';
import { changedTaskInput, taskFormValues, type TaskFormValues } from './task-form';
import { TaskDetails } from './TaskDetails';
import { TaskForm } from './TaskForm';
import { TaskMissing } from './TaskMissing';
import { TaskStatusLine } from './TaskStatusLine';

/** One task in a dialog (`?task=<id>` on /tasks): its form to edit and delete it, or its details for readers. */
export function TaskModal({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const can = useCan();
  const canWrite = can('CRM:write');
  const [confirming, confirm] = useDisclosure(false);
  const query = useApiQuery(TASK_DETAIL, { id: taskId ?? '' }, { enabled: taskId !== null });
  const update = useApiMutation(UPDATE_TASK, TASK_QUERIES);
  // The deleted task's own query is not asked again: it would only answer "not found".
  const remove = useApiMutation(DELETE_TASK, TASK_LIST_QUERIES);
  const task = taskId !== null ? query.data?.task : undefined;

  async function save(values: TaskFormValues) {
    if (!task) return;
    const input = changedTaskInput(task.id, taskFormValues(task), values);
    if (input) {
      await update.mutateAsync({ input });
      notifications.show({ color: 'green', message: t('crm.tasks.saved') });
    }
    onClose();
  }

  async function confirmDelete(title: string, id: string) {
    try {
      await remove.mutateAsync({ input: { id } });
      confirm.close();
      notifications.show({ color: 'green', message: t('crm.tasks.deleted', { title }) });
      onClose();
    } catch (error) {
      showApiError(t, error);
    }
  }

  const title = !canWrite && task ? task.title : canWrite ? t('crm.tasks.editTitle') : t('crm.tasks.taskTitle');

  return (
    <>
      {/* Every open dialog hears Escape: while the confirmation is up, only it closes. */}
      <Modal opened={taskId !== null} onClose={onClose} closeOnEscape={!confirming} title={title} size="lg" fullScreen={phone}>
        {isMissing(query.error) ? (
          <TaskMissing onClose={onClose} />
        ) : query.error ? (
          <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : !task ? (
          <DetailSkeleton />
        ) : canWrite ? (
          <>
            <TaskStatusLine task={task} />
            <TaskForm
              key={task.id}
              initial={taskFormValues(task)}
              subjectName={task.subjectName}
              submitLabel={t('common.save')}
              onSave={save}
              onCancel={onClose}
              extra={
                <Button color="red" variant="subtle" leftSection={<IconTrash size={16} aria-hidden />} onClick={confirm.open}>
                  {t('crm.tasks.delete')}
                </Button>
              }
            />
          </>
        ) : (
          <TaskDetails task={task} />
        )}
      </Modal>
      {task && (
        <ConfirmModal
          opened={confirming}
          onClose={confirm.close}
          loading={remove.isPending}
          onConfirm={() => void confirmDelete(task.title, task.id)}
          title={t('crm.tasks.deleteTitle', { title: task.title })}
          message={t('crm.tasks.deleteBody')}
          confirmLabel={t('crm.tasks.deleteConfirm')}
        />
      )}
    </>
  );
}
