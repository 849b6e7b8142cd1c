import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TaskDetailQuery } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';

/** Above a task's form: done since when, or overdue; and when it was added. */
export function TaskStatusLine({ task }: { task: TaskDetailQuery['task'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="xs" mb="md" wrap="wrap">
      {task.completedAt ? (
        <Badge color="green" variant="light">
          {t('crm.tasks.doneOn', { when: format.dateTime(task.completedAt) })}
        </Badge>
      ) : task.overdue ? (
        <Badge color="red" variant="light">
          {t('crm.tasks.overdue')}
        </Badge>
      ) : (
        <Badge color="blue" variant="light">
          {t('crm.tasks.status.open')}
        </Badge>
      )}
      <Text fz="xs" c="dimmed">
        {t('crm.tasks.addedOn', { when: format.dateTime(task.createdAt) })}
      </Text>
    </Group>
  );
}
