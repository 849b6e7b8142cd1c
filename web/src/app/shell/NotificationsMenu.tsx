import { ActionIcon, Box, Center, Indicator, Loader, Menu, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconBell, IconChecks, IconRefresh } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { LatestNotificationsQuery } from '../../gql/graphql';
import { errorMessage } from '../../lib/error-message';
import { showApiError } from '../../lib/form-errors';
import { useFormat, type Formatters } from '../../lib/format';
import { useApiMutation, useApiQuery } from '../../lib/use-api';
import { useViewer } from '../../lib/viewer';

const UNREAD_COUNT = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

const LATEST_NOTIFICATIONS = graphql(`
  query LatestNotifications {
    notifications(first: 10) {
      edges {
        node {
          id
          kind
          link
          createdAt
          readAt
          params {
            key
            value
          }
        }
      }
    }
  }
`);

const MARK_NOTIFICATIONS_READ = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input)
  }
`);

type Item = LatestNotificationsQuery['notifications']['edges'][number]['node'];

/** How often the unread count is asked for. */
const POLL_MS = 60_000;

/** A notification in the user's language, from its kind and parameters. */
function worded(t: TFunction, format: Formatters, item: Item): string {
  const param = (key: string) => item.params.find((entry) => entry.key === key)?.value;
  if (item.kind === 'TASK_DUE') {
    const dueAt = param('dueAt');
    const when = dueAt && !Number.isNaN(new Date(dueAt).getTime()) ? format.dateTime(dueAt) : format.dateTime(item.createdAt);
    return t('notifications.kind.TASK_DUE', { title: param('title') ?? '', when });
  }
  return t('notifications.kind.other');
}

/** Only links inside the app are followed. */
function inAppLink(link: string | null | undefined): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** The bell in the header: the unread count (asked for every minute) and the latest ten notifications. */
export function NotificationsMenu() {
  const { t } = useTranslation();
  const format = useFormat();
  const viewer = useViewer();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const count = useApiQuery(UNREAD_COUNT, {}, { enabled: viewer !== null, refetchInterval: POLL_MS });
  const latest = useApiQuery(LATEST_NOTIFICATIONS, {}, { enabled: opened, refetchInterval: opened ? POLL_MS : undefined });
  const markRead = useApiMutation(MARK_NOTIFICATIONS_READ, ['UnreadNotificationCount', 'LatestNotifications']);
  if (!viewer) return null;

  const unread = count.data?.unreadNotificationCount ?? 0;
  const label = unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button');
  const items = latest.data?.notifications.edges.map((edge) => edge.node);

  function open(item: Item) {
    if (!item.readAt) markRead.mutate({ input: { ids: [item.id] } }, { onError: (error) => showApiError(t, error) });
    const link = inAppLink(item.link);
    if (link) navigate(link);
  }

  function markAll() {
    markRead.mutate({ input: { all: true } }, { onError: (error) => showApiError(t, error) });
  }

  return (
    <Menu position="bottom-end" withinPortal opened={opened} onChange={setOpened} width={360}>
      <Indicator label={<span aria-hidden>{unread > 99 ? '99+' : format.number(unread)}</span>} disabled={unread === 0} size={18} offset={6} color="red">
        <Menu.Target>
          <Tooltip label={t('notifications.title')} disabled={opened}>
            <ActionIcon variant="subtle" size="lg" aria-label={label}>
              <IconBell size={20} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
      </Indicator>
      <Menu.Dropdown maw="calc(100vw - 16px)" aria-label={t('notifications.title')}>
        <Menu.Label>{t('notifications.title')}</Menu.Label>
        {latest.error ? (
          <Box px="sm" py="xs" role="alert">
            <Text fz="sm" c="red">
              {errorMessage(t, latest.error)}
            </Text>
            <Menu.Item leftSection={<IconRefresh size={16} aria-hidden />} closeMenuOnClick={false} onClick={() => void latest.refetch()}>
              {t('common.retry')}
            </Menu.Item>
          </Box>
        ) : !items ? (
          <Center py="md">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Center>
        ) : items.length === 0 ? (
          <Text fz="sm" c="dimmed" px="sm" py="md">
            {t('notifications.empty')}
          </Text>
        ) : (
          items.map((item) => (
            <Menu.Item
              key={item.id}
              onClick={() => open(item)}
              bg={item.readAt ? undefined : 'var(--mantine-color-blue-light)'}
              mb={2}
              leftSection={
                <Box w={8} h={8} style={{ borderRadius: '50%', background: item.readAt ? 'transparent' : 'var(--mantine-color-blue-filled)' }} aria-hidden />
              }
            >
              <Stack gap={2}>
                <Text fz="sm" fw={item.readAt ? 400 : 600} style={{ overflowWrap: 'anywhere' }}>
                  {!item.readAt && <VisuallyHidden>{t('notifications.unread')}: </VisuallyHidden>}
                  {worded(t, format, item)}
                </Text>
                <Text fz="xs" c="dimmed">
                  <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
                </Text>
              </Stack>
            </Menu.Item>
          ))
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconChecks size={16} aria-hidden />} closeMenuOnClick={false} disabled={unread === 0} onClick={markAll}>
          {t('notifications.markAllRead')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
