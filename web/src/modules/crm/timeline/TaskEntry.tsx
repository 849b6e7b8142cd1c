import { Anchor, Text, ThemeIcon, Timeline, type TimelineItemProps } from '@mantine/core';
import { Trans } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineEntryKind } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { TASK_CREATED_ICON, TASK_DONE_ICON } from './kind-icons';
import type { TimelineEntryNode } from './use-timeline';

type TaskNode = NonNullable<TimelineEntryNode['task']>;

interface TaskEntryProps extends Omit<TimelineItemProps, 'title' | 'children' | 'bullet'> {
  task: TaskNode;
  kind: Exclude<TimelineEntryKind, 'INTERACTION'>;
  at: string;
}

/** "Task added: …" or "Task done: …" in a history, the title opening the task. */
export function TaskEntry({ task, kind, at, ...item }: TaskEntryProps) {
  const format = useFormat();
  const done = kind === 'TASK_COMPLETED';
  const Icon = done ? TASK_DONE_ICON : TASK_CREATED_ICON;
  const when = format.dateTime(at);
  return (
    <Timeline.Item
      {...item}
      role="listitem"
      bullet={
        <ThemeIcon variant="light" color={done ? 'green' : 'gray'} radius="xl" size={26}>
          <Icon size={15} aria-hidden />
        </ThemeIcon>
      }
    >
      <Text fz="sm" lh={1.35} style={{ overflowWrap: 'anywhere' }}>
        <Trans
          i18nKey={done ? 'crm.timeline.taskDone' : 'crm.timeline.taskCreated'}
          values={{ title: task.title }}
          components={{ anchor: <Anchor component={Link} to={`/tasks?task=${encodeURIComponent(task.id)}`} fw={600} inherit /> }}
        />
      </Text>
      <Text fz="xs" c="dimmed" mt={4}>
        <time dateTime={at}>{when}</time>
      </Text>
    </Timeline.Item>
  );
}
