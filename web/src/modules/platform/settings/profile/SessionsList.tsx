import { Badge, Button, Card, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import { QueryErrorAlert } from '../../../../components/QueryErrorAlert';
import type { SettingsSessionsQuery } from '../../../../gql/graphql';
import { showApiError } from '../../../../lib/form-errors';
import { useFormat } from '../../../../lib/format';
import { useApiMutation, useApiQuery } from '../../../../lib/use-api';
import { usePhone } from '../../../../lib/use-phone';
import { LoadingBlock } from '../LoadingBlock';
import { LOG_OUT_EVERYWHERE, REVOKE_SESSION, SETTINGS_SESSIONS } from './profile.documents';
import { useEndSession } from './use-end-session';
import { shortenAgent, summariseAgent } from './user-agent';

type Session = SettingsSessionsQuery['sessions'][number];

/** Where the person is signed in; any session can be ended, or all at once. */
export function SessionsList() {
  const { t } = useTranslation();
  const phone = usePhone();
  const format = useFormat();
  const endSession = useEndSession();
  const query = useApiQuery(SETTINGS_SESSIONS, {});
  const revoke = useApiMutation(REVOKE_SESSION, ['SettingsSessions']);
  const everywhere = useApiMutation(LOG_OUT_EVERYWHERE);
  const [revoking, setRevoking] = useState<Session | null>(null);
  const [endingAll, setEndingAll] = useState(false);

  function device(session: Session): string {
    const { browser, os } = summariseAgent(session.userAgent);
    if (browser && os) return t('settings.profile.sessions.browserOn', { browser, os });
    return browser ?? os ?? t('settings.profile.sessions.unknownDevice');
  }

  function confirmRevoke() {
    if (!revoking) return;
    const current = revoking.current;
    revoke.mutate(
      { input: { id: revoking.id } },
      {
        onSuccess: () => {
          setRevoking(null);
          if (current) endSession(t('settings.profile.sessions.endedHere'));
          else notifications.show({ color: 'green', message: t('settings.profile.sessions.ended') });
        },
        onError: (error) => {
          setRevoking(null);
          showApiError(t, error);
        },
      },
    );
  }

  function confirmEverywhere() {
    everywhere.mutate({}, {
      onSuccess: ({ logOutEverywhere }) => {
        setEndingAll(false);
        endSession(t('settings.profile.sessions.endedEverywhere', { count: logOutEverywhere }));
      },
      onError: (error) => {
        setEndingAll(false);
        showApiError(t, error);
      },
    });
  }

  // Long agents are cut on screen; the full text is the hover title, and what screen readers read.
  const agentText = (session: Session) => {
    const agent = session.userAgent;
    if (!agent) return null;
    const short = shortenAgent(agent);
    return (
      <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {short === agent ? (
          agent
        ) : (
          <>
            <span aria-hidden title={agent}>
              {short}
            </span>
            <VisuallyHidden>{agent}</VisuallyHidden>
          </>
        )}
      </Text>
    );
  };
  const deviceCell = (session: Session) => (
    <Stack gap={2} miw={0}>
      <Group gap="xs" wrap="nowrap">
        <Text fz="sm" fw={500}>
          {device(session)}
        </Text>
        {session.current && (
          <Badge miw="max-content" size="sm" color="green" variant="light">
            {t('settings.profile.sessions.thisDevice')}
          </Badge>
        )}
      </Group>
      {agentText(session)}
    </Stack>
  );
  const revokeButton = (session: Session) => (
    <Button size="xs" variant="subtle" color="red" aria-label={session.current ? undefined : t('settings.profile.sessions.endOf', { device: device(session) })} onClick={() => setRevoking(session)}>
      {session.current ? t('settings.profile.sessions.logOutHere') : t('settings.profile.sessions.end')}
    </Button>
  );

  let list;
  if (query.isPending) list = <LoadingBlock rows={2} />;
  else if (query.isError) list = <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  else if (phone)
    list = (
      <Stack gap="sm" data-testid="sessions-list" role="list" aria-label={t('settings.profile.sessions.title')}>
        {query.data.sessions.map((session) => (
          <Card key={session.id} withBorder padding="md" role="listitem">
            <Stack gap={6}>
              {deviceCell(session)}
              <Text fz="xs" c="dimmed">
                {t('settings.profile.sessions.ipLine', { ip: session.ip ?? t('common.none') })}
                {' · '}
                {t('settings.profile.sessions.lastSeenLine', { date: format.dateTime(session.lastSeenAt) })}
              </Text>
              <Group justify="flex-end">{revokeButton(session)}</Group>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  else
    list = (
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" data-testid="sessions-list" aria-label={t('settings.profile.sessions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.profile.sessions.device')}</Table.Th>
              <Table.Th>{t('settings.profile.sessions.ip')}</Table.Th>
              <Table.Th>{t('settings.profile.sessions.signedIn')}</Table.Th>
              <Table.Th>{t('settings.profile.sessions.lastSeen')}</Table.Th>
              <Table.Th>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.sessions.map((session) => (
              <Table.Tr key={session.id}>
                <Table.Td maw={360}>{deviceCell(session)}</Table.Td>
                <Table.Td>
                  <Text fz="sm" ff="monospace">
                    {session.ip ?? t('common.none')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{format.dateTime(session.createdAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{format.dateTime(session.lastSeenAt)}</Text>
                </Table.Td>
                <Table.Td>{revokeButton(session)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );

  return (
    <Stack gap="md">
      {list}
      <Group justify="flex-end">
        <Button color="red" variant="light" leftSection={<IconLogout size={16} />} onClick={() => setEndingAll(true)}>
          {t('settings.profile.sessions.logOutEverywhere')}
        </Button>
      </Group>
      <ConfirmModal
        opened={revoking !== null}
        title={revoking?.current ? t('settings.profile.sessions.logOutHereTitle') : t('settings.profile.sessions.endTitle')}
        message={revoking ? (revoking.current ? t('settings.profile.sessions.logOutHereConfirm') : t('settings.profile.sessions.endConfirm', { device: device(revoking) })) : ''}
        confirmLabel={revoking?.current ? t('settings.profile.sessions.logOutHere') : t('settings.profile.sessions.end')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      />
      <ConfirmModal
        opened={endingAll}
        title={t('settings.profile.sessions.logOutEverywhereTitle')}
        message={t('settings.profile.sessions.logOutEverywhereConfirm')}
        confirmLabel={t('settings.profile.sessions.logOutEverywhere')}
        loading={everywhere.isPending}
        onConfirm={confirmEverywhere}
        onClose={() => setEndingAll(false)}
      />
    </Stack>
  );
}
