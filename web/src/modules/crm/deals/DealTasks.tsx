import { Anchor, Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { AssigneeName } from '../tasks/AssigneeName';
import { DueTime } from '../tasks/DueTime';
import { TASKS_LIST } from '../tasks/task.documents';
import { TaskDoneCheckbox } from '../tasks/TaskDoneCheckbox';
import { TaskModal } from '../tasks/TaskModal';
import { DealTaskModal } from './DealTaskModal';

const SHOWN = 20;

/** On a deal's page: the open tasks about it, soonest due first, and a way to add one. */
export function DealTasks({ deal }: { deal: { id: string; title: string } }) {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, create] = useDisclosure(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const query = useApiQuery(TASKS_LIST, { first: SHOWN, after: null, filter: { subjectType: 'DEAL', subjectId: deal.id, status: 'OPEN' }, orderBy: { field: 'DUE_AT', direction: 'ASC' } });
  const connection = query.data?.tasks;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const title = t('deals.tasks.title');

  return (
    <DetailCard
      title={title}
      action={
        <Group gap="xs">
          {connection && (
            <Badge variant="light" color="gray" radius="sm" aria-label={t('deals.tasks.count', { count: connection.totalCount })}>
              {connection.totalCount}
            </Badge>
          )}
          {can('CRM:write') && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={create.open}>
              {t('deals.tasks.add')}
            </Button>
          )}
        </Group>
      }
    >
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !connection ? (
        <Stack gap="sm" role="status" aria-label={t('common.loading')}>
          <Skeleton height={14} width="70%" />
          <Skeleton height={14} width="50%" />
        </Stack>
      ) : rows.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('deals.tasks.none')}
        </Text>
      ) : (
        <Stack gap={0} role="list" aria-label={title}>
          {rows.map((task, index) => (
            <Group
              key={task.id}
              role="listitem"
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              py="sm"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <div style={{ paddingTop: 2 }}>
                <TaskDoneCheckbox id={task.id} title={task.title} done={Boolean(task.completedAt)} />
              </div>
              <Stack gap={4} miw={0} style={{ flex: 1 }}>
                <Anchor component="button" type="button" onClick={() => setOpenId(task.id)} fw={600} fz="sm" c="var(--mantine-color-text)" ta="left" style={{ overflowWrap: 'anywhere' }}>
                  {task.title}
                </Anchor>
                <Group gap="md" wrap="wrap">
                  <DueTime dueAt={task.dueAt} overdue={task.overdue} />
                  <AssigneeName assignee={task.assignee} />
                </Group>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
      {connection && connection.totalCount > rows.length && (
        <Text fz="sm" c="dimmed" mt="sm">
          {t('deals.tasks.more', { count: connection.totalCount - rows.length })}
        </Text>
      )}
      <DealTaskModal deal={deal} opened={creating} onClose={create.close} />
      <TaskModal taskId={openId} onClose={() => setOpenId(null)} />
    </DetailCard>
  );
}
