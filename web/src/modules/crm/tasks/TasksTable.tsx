import { Group, Paper, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrderDirection } from '../../../gql/graphql';
import { SortableTh } from '../shared/SortableTh';
import type { Sort } from '../shared/sort';
import { AssigneeName } from './AssigneeName';
import { DueTime } from './DueTime';
import { SubjectLink } from './SubjectLink';
import { TaskDoneCheckbox } from './TaskDoneCheckbox';
import { TaskTitleLink } from './TaskTitleLink';
import type { TaskRow } from './tasks-view';

interface TasksTableProps {
  rows: TaskRow[];
  sort: Sort<string>;
  onSort: (key: string, direction: OrderDirection | null) => void;
}

/** Tasks as a table (desktop): done box, title, due time, assignee, who it is about. */
export function TasksTable({ rows, sort, onSort }: TasksTableProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={720} type="native">
        <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={t('crm.tasks.listLabel')}>
          <Table.Thead bg="var(--mantine-color-default-hover)">
            <Table.Tr>
              <Table.Th w={48}>
                <VisuallyHidden>{t('crm.tasks.columns.done')}</VisuallyHidden>
              </Table.Th>
              <Table.Th>{t('crm.tasks.columns.title')}</Table.Th>
              <SortableTh active={sort.key === 'due'} direction={sort.direction} onSort={() => onSort('due', sort.key === 'due' ? (sort.direction === 'ASC' ? 'DESC' : 'ASC') : null)} width="13rem">
                {t('crm.tasks.columns.due')}
              </SortableTh>
              <Table.Th w="16%">{t('crm.tasks.columns.assignee')}</Table.Th>
              <Table.Th w="20%">{t('crm.tasks.columns.subject')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Group justify="center">
                    <TaskDoneCheckbox id={task.id} title={task.title} done={Boolean(task.completedAt)} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <TaskTitleLink id={task.id} title={task.title} done={Boolean(task.completedAt)} />
                </Table.Td>
                <Table.Td>
                  <DueTime dueAt={task.dueAt} overdue={task.overdue} />
                </Table.Td>
                <Table.Td>
                  <AssigneeName assignee={task.assignee} />
                </Table.Td>
                <Table.Td>
                  <SubjectLink type={task.subjectType} id={task.subjectId} name={task.subjectName} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
