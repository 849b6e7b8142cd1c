import { Button, Center, Group, Modal, Skeleton, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconHistory, IconNote, IconPhonePlus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { InteractionKind, LogInteractionInput } from '../../../gql/graphql';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { DetailCard } from '../shared/DetailCard';
import { InteractionEntry } from '../timeline/InteractionEntry';
import { LOG_INTERACTION } from '../timeline/interaction.documents';
import { LogInteractionForm } from '../timeline/LogInteractionForm';
import { TaskEntry } from '../timeline/TaskEntry';
import { useRefreshHistory } from '../timeline/use-refresh-history';
import { DEAL_CUSTOMER_PEOPLE, DEAL_QUERIES } from './deal.documents';
import { CHANGE_COLOR, CHANGE_ICON, changeHeadline, changedByName, checklistWords } from './stage-change';
import { useDealTimeline, type DealTimelineNode } from './use-deal-timeline';

type StageChangeNode = NonNullable<DealTimelineNode['stageChange']>;

/** A stage change in the deal's history: what, who, when, the checklist of the stage left, and why. */
function StageChangeEntry({ change, at }: { change: StageChangeNode; at: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const Icon = CHANGE_ICON[change.kind];
  const who = changedByName(change);
  const checklist = checklistWords(t, change);
  return (
    <Timeline.Item
      role="listitem"
      bullet={
        <ThemeIcon variant="light" color={CHANGE_COLOR[change.kind]} radius="xl" size={26}>
          <Icon size={15} aria-hidden />
        </ThemeIcon>
      }
    >
      <Text fz="sm" fw={600} lh={1.35} style={{ overflowWrap: 'anywhere' }}>
        {changeHeadline(t, change)}
      </Text>
      {change.reason && (
        <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {change.reason}
        </Text>
      )}
      <Text fz="xs" c="dimmed" mt={4}>
        <time dateTime={at}>{format.dateTime(at)}</time>
        {who && (
          <>
            <span aria-hidden> · </span>
            {t('deals.history.by', { name: who })}
          </>
        )}
        {checklist && (
          <>
            <span aria-hidden> · </span>
            {checklist}
          </>
        )}
      </Text>
    </Timeline.Item>
  );
}

interface DealHistoryCardProps {
  deal: { id: string; title: string; customer: { id: string } };
}

/**
 * On a deal's page: everything about it, newest first (calls, meetings, notes, tasks, stage changes),
 * and (with CRM:write) ways to log a call, a meeting or a note about it, with one of its customer's people.
 */
export function DealHistoryCard({ deal }: DealHistoryCardProps) {
  const { t } = useTranslation();
  const can = useCan();
  const phone = usePhone();
  const [logging, setLogging] = useState<InteractionKind | null>(null);
  const [current, setCurrent] = useState<InteractionKind>('CALL');
  const query = useDealTimeline(deal.id);
  const people = useApiQuery(DEAL_CUSTOMER_PEOPLE, { customerId: deal.customer.id }, { staleTime: 60_000 });
  const log = useApiMutation(LOG_INTERACTION, DEAL_QUERIES);
  const refresh = useRefreshHistory();
  const entries = query.data?.pages.flatMap((page) => page.timeline.edges) ?? [];
  const subject = { type: 'DEAL' as const, id: deal.id, name: deal.title };

  function open(kind: InteractionKind) {
    setCurrent(kind);
    setLogging(kind);
  }

  async function save(input: LogInteractionInput) {
    // The form files it under its subject's customer; about a deal, the API fills the customer in itself.
    const { customerId: _customer, ...rest } = input;
    await log.mutateAsync({ input: { ...rest, dealId: deal.id } });
    notifications.show({ color: 'green', message: t(`crm.interactions.logged.${input.kind}`) });
    void refresh();
    setLogging(null);
  }

  let body;
  if (query.isError && !query.data) {
    body = <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  } else if (!query.data) {
    body = (
      <Stack gap="lg" role="status" aria-label={t('common.loading')}>
        {[0, 1, 2].map((row) => (
          <Stack key={row} gap={6} pl={40}>
            <Skeleton height={12} width="35%" />
            <Skeleton height={10} width="70%" />
          </Stack>
        ))}
      </Stack>
    );
  } else if (entries.length === 0) {
    body = (
      <Center py="lg">
        <Stack gap="xs" align="center" maw={420}>
          <ThemeIcon variant="light" color="gray" radius="xl" size={40}>
            <IconHistory size={22} aria-hidden />
          </ThemeIcon>
          <Text fz="sm" c="dimmed" ta="center">
            {t('deals.timeline.empty')}
          </Text>
        </Stack>
      </Center>
    );
  } else {
    body = (
      <Stack gap="md">
        <Timeline active={-1} bulletSize={30} lineWidth={2} role="list" aria-label={t('deals.timeline.listLabel', { title: deal.title })}>
          {entries.map(({ cursor, node }) =>
            node.kind === 'INTERACTION' && node.interaction ? (
              <InteractionEntry key={cursor} interaction={node.interaction} subjectType="DEAL" />
            ) : node.kind === 'STAGE_CHANGE' && node.stageChange ? (
              <StageChangeEntry key={cursor} change={node.stageChange} at={node.at} />
            ) : node.kind !== 'INTERACTION' && node.kind !== 'STAGE_CHANGE' && node.task ? (
              <TaskEntry key={cursor} task={node.task} kind={node.kind} at={node.at} />
            ) : null,
          )}
        </Timeline>
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

  return (
    <DetailCard
      title={t('crm.timeline.title')}
      action={
        can('CRM:write') && (
          <Group gap="xs" role="group" aria-label={t('crm.timeline.logActions')}>
            <Button size="xs" variant="light" leftSection={<IconPhonePlus size={14} aria-hidden />} onClick={() => open('CALL')}>
              {t('crm.timeline.logCall')}
            </Button>
            <Button size="xs" variant="light" leftSection={<IconUsers size={14} aria-hidden />} onClick={() => open('MEETING')}>
              {t('crm.timeline.logMeeting')}
            </Button>
            <Button size="xs" variant="light" leftSection={<IconNote size={14} aria-hidden />} onClick={() => open('NOTE')}>
              {t('crm.timeline.addNote')}
            </Button>
          </Group>
        )
      }
    >
      {body}
      <Modal opened={logging !== null} onClose={() => setLogging(null)} title={t(`crm.interactions.form.title.${current}`)} size="lg" fullScreen={phone}>
        {logging !== null && (
          <LogInteractionForm
            initialKind={logging}
            subject={subject}
            people={(people.data?.contacts.edges ?? []).map(({ node }) => ({ id: node.id, name: node.fullName }))}
            onSave={save}
            onCancel={() => setLogging(null)}
            onKindChange={setCurrent}
          />
        )}
      </Modal>
    </DetailCard>
  );
}
