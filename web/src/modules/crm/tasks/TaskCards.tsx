import { Card, Group, Stack, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AssigneeName } from './AssigneeName';
import { DueTime } from './DueTime';
import { SubjectLink } from './SubjectLink';
import { TaskDoneCheckbox } from './TaskDoneCheckbox';
import { TaskTitleLink } from './TaskTitleLink';
import type { TaskRow } from './tasks-view';

/** Tasks as cards (phones): done box and title, then due time, assignee and who it is about. */
export function TaskCards({ rows }: { rows: TaskRow[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" role="list" aria-label={t('crm.tasks.listLabel')}>
      {rows.map((task) => (
        <Card key={task.id} withBorder radius="md" padding="md" role="listitem" style={task.overdue ? { borderColor: 'var(--mantine-color-red-4)' } : undefined}>
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <div style={{ paddingTop: 2 }}>
              <TaskDoneCheckbox id={task.id} title={task.title} done={Boolean(task.completedAt)} />
            </div>
            <Stack gap={6} miw={0} style={{ flex: 1 }}>
              <TaskTitleLink id={task.id} title={task.title} done={Boolean(task.completedAt)} />
              <div>
                <VisuallyHidden>{t('crm.tasks.columns.due')}: </VisuallyHidden>
                <DueTime dueAt={task.dueAt} overdue={task.overdue} />
              </div>
              <Group gap="md" wrap="wrap">
                <div>
                  <VisuallyHidden>{t('crm.tasks.columns.assignee')}: </VisuallyHidden>
                  <AssigneeName assignee={task.assignee} />
                </div>
                {task.subjectId && (
                  <div style={{ minWidth: 0 }}>
                    <VisuallyHidden>{t('crm.tasks.columns.subject')}: </VisuallyHidden>
                    <SubjectLink type={task.subjectType} id={task.subjectId} name={task.subjectName} />
                  </div>
                )}
              </Group>
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
