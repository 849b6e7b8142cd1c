import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NameAvatar } from '../shared/NameAvatar';
import type { TaskRow } from './tasks-view';

/** Who a task is assigned to, or "Nobody". */
export function AssigneeName({ assignee }: { assignee: TaskRow['assignee'] }) {
  const { t } = useTranslation();
  if (!assignee) {
    return (
      <Text fz="sm" c="dimmed" span>
        {t('crm.tasks.assignee.nobody')}
      </Text>
    );
  }
  const name = assignee.name ?? assignee.email;
  return (
    <Group gap={8} wrap="nowrap" miw={0}>
      <NameAvatar name={name} size={22} />
      <Text fz="sm" truncate="end">
        {name}
      </Text>
    </Group>
  );
}
