import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useFormat } from '../../../lib/format';
import { useApiQuery } from '../../../lib/use-api';
import { NameAvatar } from '../shared/NameAvatar';
import { OVERDUE_TASKS } from './task.documents';
import { UNASSIGNED } from './tasks-view';
import classes from './OverduePanel.module.css';

interface OverduePanelProps {
  /** The assignee the overdue list is narrowed to now (a member's id or UNASSIGNED). */
  active: string | null;
  onPick: (assignee: string) => void;
}

/** For managers: how many open tasks are past due per person, the oldest first; a click lists them. */
export function OverduePanel({ active, onPick }: OverduePanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useApiQuery(OVERDUE_TASKS, {});
  const title = t('crm.tasks.overduePanel.title');
  const rows = query.data?.overdueTasks;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-label={title}>
      <Title order={2} fz="h5" mb={4}>
        {title}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('crm.tasks.overduePanel.intro')}
      </Text>
      {query.error ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !rows ? (
        <Stack gap="sm" role="status" aria-label={t('common.loading')}>
          <Skeleton height={36} />
          <Skeleton height={36} />
        </Stack>
      ) : rows.length === 0 ? (
        <Group gap={6} wrap="nowrap">
          <IconCircleCheck size={18} color="var(--mantine-color-green-6)" aria-hidden />
          <Text fz="sm">{t('crm.tasks.overduePanel.none')}</Text>
        </Group>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3, xl: 1 }} spacing="xs" verticalSpacing={4} role="list">
          {rows.map((row) => {
            const key = row.assignee?.id ?? UNASSIGNED;
            const name = row.assignee ? (row.assignee.name ?? row.assignee.email) : t('crm.tasks.assignee.nobody');
            const oldest = format.dateTime(row.oldestDueAt);
            return (
              <div role="listitem" key={key}>
                <UnstyledButton
                  className={classes.row}
                  data-active={active === key || undefined}
                  aria-pressed={active === key}
                  aria-label={t('crm.tasks.overduePanel.row', { name, count: row.count, when: oldest })}
                  onClick={() => onPick(key)}
                >
                  <Group gap="sm" wrap="nowrap">
                    <NameAvatar name={name} size={30} />
                    <Stack gap={0} miw={0} style={{ flex: 1 }}>
                      <Text fz="sm" fw={500} truncate="end">
                        {name}
                      </Text>
                      <Text fz="xs" c="dimmed" truncate="end">
                        {t('crm.tasks.overduePanel.oldest', { when: oldest })}
                      </Text>
                    </Stack>
                    <Badge color="red" variant="light" circle={row.count < 10} aria-hidden>
                      {format.number(row.count)}
                    </Badge>
                  </Group>
                </UnstyledButton>
              </div>
            );
          })}
        </SimpleGrid>
      )}
    </Paper>
  );
}
