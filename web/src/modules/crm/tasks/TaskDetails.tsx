import { DataList, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskDetailQuery } from '../../../gql/graphql';
import { DetailField } from '../shared/DetailField';
import { DueTime } from './DueTime';
import { SubjectLink } from './SubjectLink';
import { TaskStatusLine } from './TaskStatusLine';

/** A task for someone who may only read it. */
export function TaskDetails({ task }: { task: TaskDetailQuery['task'] }) {
  const { t } = useTranslation();
  return (
    <>
      <TaskStatusLine task={task} />
      <DataList withDivider labelWidth={120} orientation="horizontal">
        <DetailField label={t('crm.tasks.fields.title')}>{task.title}</DetailField>
        <DetailField label={t('crm.tasks.fields.notes')}>
          {task.notes && (
            <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {task.notes}
            </Text>
          )}
        </DetailField>
        <DetailField label={t('crm.tasks.fields.dueAt')}>{task.dueAt && <DueTime dueAt={task.dueAt} overdue={task.overdue} />}</DetailField>
        <DetailField label={t('crm.tasks.fields.assignee')}>{task.assignee && (task.assignee.name ?? task.assignee.email)}</DetailField>
        <DetailField label={t('crm.tasks.fields.subject')}>{task.subjectId && <SubjectLink type={task.subjectType} id={task.subjectId} name={task.subjectName} />}</DetailField>
      </DataList>
    </>
  );
}
