import { ActionIcon, Anchor, Button, Group, Paper, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubscriptionListMembersQuery } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { DetailCard } from '../../crm/shared/DetailCard';
import { ListQueryError } from '../../crm/shared/ListQueryError';
import { ListSkeleton } from '../../crm/shared/ListSkeleton';
import { NameAvatar } from '../../crm/shared/NameAvatar';
import { PagedList } from '../../crm/shared/PagedList';
import { PAGE_SIZE, useListUrl } from '../../crm/shared/use-list-url';
import { AddMembersModal } from './AddMembersModal';
import { LIST_MEMBERS, LIST_QUERIES, REMOVE_LIST_MEMBERS } from './list.documents';
import { MEMBER_STATUSES, readMemberStatus } from './list-members-view';
import { MemberStatusBadge } from './MemberStatusBadge';

type Member = SubscriptionListMembersQuery['listMembers']['edges'][number]['node'];

const ALL = 'ALL';

/** A list's people, the latest to join first, 25 a page, narrowed by status (kept in the address); add people, take them off. */
export function ListMembers({ list, canWrite }: { list: { id: string; name: string }; canWrite: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const url = useListUrl();
  const status = readMemberStatus(url.params);
  const [adding, setAdding] = useState(false);
  const query = useApiQuery(LIST_MEMBERS, { listId: list.id, first: PAGE_SIZE, after: url.after, filter: status ? { status } : null }, { keepPrevious: true });
  const connection = query.data?.listMembers;
  const rows = connection?.edges.map((edge) => edge.node) ?? [];
  const title = t('subscriptions.members.title');

  return (
    <DetailCard
      title={title}
      action={
        canWrite ? (
          <Button size="xs" variant="light" leftSection={<IconUsersPlus size={14} aria-hidden />} onClick={() => setAdding(true)}>
            {t('subscriptions.members.add')}
          </Button>
        ) : null
      }
    >
      <Stack gap="md">
        <SegmentedControl
          aria-label={t('subscriptions.members.statusFilter')}
          data={[{ value: ALL, label: t('subscriptions.members.everyone') }, ...MEMBER_STATUSES.map((value) => ({ value, label: t(`subscriptions.members.statusPlural.${value}`) }))]}
          value={status ?? ALL}
          onChange={(value) => url.update({ status: value === ALL ? null : value }, { replace: true })}
          fullWidth={phone}
          orientation={phone ? 'vertical' : 'horizontal'}
          w={phone ? '100%' : 'fit-content'}
        />
        {query.error ? (
          <ListQueryError error={query.error} onRetry={() => void query.refetch()} list={url} />
        ) : !connection ? (
          <ListSkeleton rows={3} />
        ) : rows.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {status ? t(`subscriptions.members.noneWith.${status}`) : canWrite ? t('subscriptions.members.none') : t('subscriptions.members.noneReadOnly')}
          </Text>
        ) : (
          <PagedList list={url} connection={connection} shown={rows.length} stale={query.isPlaceholderData}>
            <Paper withBorder radius="md" px="md">
              <Stack gap={0} role="list" aria-label={title}>
                {rows.map((member, index) => (
                  <MemberRow key={member.id} listId={list.id} member={member} canWrite={canWrite} first={index === 0} />
                ))}
              </Stack>
            </Paper>
          </PagedList>
        )}
      </Stack>
      <AddMembersModal opened={adding} onClose={() => setAdding(false)} list={list} />
    </DetailCard>
  );
}

function MemberRow({ listId, member, canWrite, first }: { listId: string; member: Member; canWrite: boolean; first: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useApiMutation(REMOVE_LIST_MEMBERS, LIST_QUERIES);
  const { contact } = member;
  const name = contact?.fullName ?? t('subscriptions.members.hidden');
  const source = t(`subscriptions.members.source.${member.source}`, { defaultValue: member.source });
  const when =
    member.status === 'UNSUBSCRIBED' && member.unsubscribedAt
      ? t('subscriptions.members.leftOn', { date: format.date(member.unsubscribedAt) })
      : member.status === 'PENDING'
        ? t('subscriptions.members.waitingSince', { date: format.date(member.joinedAt) })
        : t('subscriptions.members.joinedOn', { date: format.date(member.confirmedAt ?? member.joinedAt) });

  async function takeOff() {
    if (!contact) return;
    try {
      await remove.mutateAsync({ input: { listId, contactIds: [contact.id] } });
      notifications.show({ color: 'green', message: t('subscriptions.members.removed', { name }) });
    } catch (error) {
      showApiError(t, error);
    }
  }

  const removeLabel = t('subscriptions.members.remove', { name });
  return (
    <Group role="listitem" gap="sm" wrap="wrap" py="sm" justify="space-between" style={first ? undefined : { borderTop: '1px solid var(--mantine-color-default-border)' }}>
      <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 16rem' }}>
        <NameAvatar name={name} size={34} />
        <Stack gap={0} miw={0}>
          {contact ? (
            <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600} fz="sm" c="var(--mantine-color-text)" style={{ overflowWrap: 'anywhere' }}>
              {contact.fullName}
            </Anchor>
          ) : (
            <Text fz="sm" fw={600} c="dimmed">
              {name}
            </Text>
          )}
          <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {[contact?.email, source, when].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <MemberStatusBadge status={member.status} />
        {canWrite && contact && member.status !== 'UNSUBSCRIBED' && (
          <Tooltip label={removeLabel} openDelay={400}>
            <ActionIcon variant="subtle" color="gray" aria-label={removeLabel} onClick={() => void takeOff()} loading={remove.isPending}>
              <IconUserMinus size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Group>
  );
}
