import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../lib/format';

/** A task's due time; red with an "Overdue" badge once it has passed while open. */
export function DueTime({ dueAt, overdue }: { dueAt: string | null | undefined; overdue: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!dueAt) {
    return (
      <Text fz="sm" c="dimmed" span>
        {t('crm.tasks.noDue')}
      </Text>
    );
  }
  return (
    <Group gap={6} wrap="wrap">
      <Text fz="sm" c={overdue ? 'red.7' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} span>
        <time dateTime={dueAt}>{format.dateTime(dueAt)}</time>
      </Text>
      {overdue && (
        <Badge color="red" variant="light" size="sm">
          {t('crm.tasks.overdue')}
        </Badge>
      )}
    </Group>
  );
}
