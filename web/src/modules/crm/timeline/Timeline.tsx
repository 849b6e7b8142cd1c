import { Button, Center, Skeleton, Stack, Text, ThemeIcon, Timeline as MantineTimeline } from '@mantine/core';
import { IconChevronDown, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useCan, useSwitchedOn } from '../../../lib/viewer';
import { deliveryEventOf } from './delivery-event';
import { DeliveryEventEntry } from './DeliveryEventEntry';
import type { HistorySubject } from './interaction-form';
import { InteractionEntry } from './InteractionEntry';
import { TaskEntry } from './TaskEntry';
import { useTimeline } from './use-timeline';

/**
 * A person's or customer's history, newest first: calls, meetings, messages and notes, (while
 * tasks are on: the API leaves them out otherwise) tasks added and done, and (while Marketing is on
 * and the viewer may read it) what happened to the campaign and automation messages sent to them.
 * 25 at a time, "Show older" for more.
 */
export function Timeline({ subject }: { subject: HistorySubject }) {
  const { t } = useTranslation();
  const can = useCan();
  const switchedOn = useSwitchedOn();
  const query = useTimeline(subject, switchedOn('MARKETING') && can('MARKETING:read'));
  const entries = query.data?.pages.flatMap((page) => page.timeline.edges) ?? [];

  if (query.isError && !query.data) return <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  if (!query.data) {
    return (
      <Stack gap="lg" role="status" aria-label={t('common.loading')}>
        {[0, 1, 2].map((row) => (
          <Stack key={row} gap={6} pl={40}>
            <Skeleton height={12} width="35%" />
            <Skeleton height={10} width="70%" />
          </Stack>
        ))}
      </Stack>
    );
  }

  if (entries.length === 0) {
    return (
      <Center py="lg">
        <Stack gap="xs" align="center" maw={420}>
          <ThemeIcon variant="light" color="gray" radius="xl" size={40}>
            <IconHistory size={22} aria-hidden />
          </ThemeIcon>
          <Text fz="sm" c="dimmed" ta="center">
            {can('CRM:write') ? t('crm.timeline.empty', { name: subject.name }) : t('crm.timeline.emptyReadOnly', { name: subject.name })}
          </Text>
        </Stack>
      </Center>
    );
  }

  return (
    <Stack gap="md">
      <MantineTimeline active={-1} bulletSize={30} lineWidth={2} role="list" aria-label={t('crm.timeline.listLabel', { name: subject.name })}>
        {entries.map(({ cursor, node }) => {
          if (node.kind === 'INTERACTION') return node.interaction ? <InteractionEntry key={cursor} interaction={node.interaction} subjectType={subject.type} /> : null;
          if (node.kind === 'TASK_CREATED' || node.kind === 'TASK_COMPLETED') return node.task ? <TaskEntry key={cursor} task={node.task} kind={node.kind} at={node.at} /> : null;
          const event = deliveryEventOf(node);
          return event ? <DeliveryEventEntry key={cursor} event={event} /> : null;
        })}
      </MantineTimeline>
      {query.isFetchNextPageError && <QueryErrorAlert error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage && !query.isFetchNextPageError && (
        <Center>
          <Button variant="subtle" size="sm" leftSection={<IconChevronDown size={16} aria-hidden />} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('crm.timeline.showOlder')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
