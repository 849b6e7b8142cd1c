import { Button, Center, Group, Modal, Spoiler, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconInbox, IconUserPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { MessagesUnmatchedQuery } from '../../../gql/graphql';
import type { ApiError } from '../../../lib/api-error';
import { showApiError } from '../../../lib/form-errors';
import { useFormat } from '../../../lib/format';
import { request } from '../../../lib/graphql-client';
import { operationName, useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { useCan } from '../../../lib/viewer';
import { LoadingBlock } from '../../platform/settings/LoadingBlock';
import { SettingsCard } from '../../platform/settings/SettingsCard';
import { PersonSelect } from '../tasks/PersonSelect';
import { useRefreshHistory } from '../timeline/use-refresh-history';
import { ATTACH_MESSAGE_TO_CONTACT, UNMATCHED_EMAILS } from './inbound.documents';

const PAGE = 25;

type UnmatchedEmail = MessagesUnmatchedQuery['messages']['edges'][number]['node'];

/** Received emails from addresses none of the company's people has, newest first; each can be given its person. */
export function UnmatchedEmails() {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const [attaching, setAttaching] = useState<UnmatchedEmail | null>(null);
  const query = useInfiniteQuery<MessagesUnmatchedQuery, ApiError, InfiniteData<MessagesUnmatchedQuery, string | null>, unknown[], string | null>({
    queryKey: [operationName(UNMATCHED_EMAILS), { first: PAGE }],
    queryFn: ({ pageParam }) => request(UNMATCHED_EMAILS, { first: PAGE, after: pageParam }),
    initialPageParam: null,
    getNextPageParam: (last) => (last.messages.pageInfo.hasNextPage ? (last.messages.pageInfo.endCursor ?? undefined) : undefined),
    staleTime: 0,
  });
  const rows = query.data?.pages.flatMap((page) => page.messages.edges.map((edge) => edge.node)) ?? [];
  const total = query.data?.pages[0]?.messages.totalCount ?? 0;
  const title = t('crm.messages.unmatched.title');

  return (
    <SettingsCard title={title} description={t('crm.messages.unmatched.description')} labelledBy="unmatched-emails-title">
      {query.isError && !query.data ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <LoadingBlock rows={2} height={60} />
      ) : rows.length === 0 ? (
        <Group gap="sm" wrap="nowrap">
          <IconInbox size={20} aria-hidden color="var(--mantine-color-dimmed)" />
          <Text fz="sm" c="dimmed">
            {t('crm.messages.unmatched.none')}
          </Text>
        </Group>
      ) : (
        <Stack gap={0} role="list" aria-label={t('crm.messages.unmatched.listLabel', { count: total })}>
          {rows.map((email, index) => (
            <Group
              key={email.id}
              role="listitem"
              justify="space-between"
              align="flex-start"
              gap="sm"
              py="sm"
              wrap="wrap"
              style={index > 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
            >
              <Stack gap={2} miw={0} style={{ flex: '1 1 18rem' }}>
                <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {email.subject || t('crm.messages.unmatched.noSubject')}
                </Text>
                <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('crm.messages.unmatched.from', { from: email.from ?? t('crm.messages.unmatched.unknownSender'), when: format.dateTime(email.sentAt ?? email.createdAt) })}
                </Text>
                {email.body && (
                  <Spoiler maxHeight={48} showLabel={t('crm.timeline.showMore')} hideLabel={t('crm.timeline.showLess')} fz="sm">
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {email.body}
                    </Text>
                  </Spoiler>
                )}
              </Stack>
              {can('CRM:write') && (
                <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setAttaching(email)}>
                  {t('crm.messages.unmatched.attach')}
                </Button>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {query.isFetchNextPageError && <QueryErrorAlert error={query.error} onRetry={() => void query.fetchNextPage()} />}
      {query.hasNextPage && !query.isFetchNextPageError && (
        <Center>
          <Button variant="subtle" size="sm" leftSection={<IconChevronDown size={16} aria-hidden />} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('crm.messages.unmatched.showMore')}
          </Button>
        </Center>
      )}
      <AttachEmailModal email={attaching} onClose={() => setAttaching(null)} />
    </SettingsCard>
  );
}

/** "Attach to a person": picks whose email it is; it joins their history and leaves this list. */
function AttachEmailModal({ email, onClose }: { email: UnmatchedEmail | null; onClose: () => void }) {
  const { t } = useTranslation();
  const phone = usePhone();
  return (
    <Modal opened={email !== null} onClose={onClose} title={t('crm.messages.unmatched.attachTitle')} size="md" fullScreen={phone}>
      {email && <AttachEmailForm key={email.id} email={email} onClose={onClose} />}
    </Modal>
  );
}

function AttachEmailForm({ email, onClose }: { email: UnmatchedEmail; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const refreshHistory = useRefreshHistory();
  const attach = useApiMutation(ATTACH_MESSAGE_TO_CONTACT);
  const [contactId, setContactId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!contactId) {
      setError(t('errors.reason.REQUIRED'));
      return;
    }
    try {
      const result = await attach.mutateAsync({ input: { messageId: email.id, contactId } });
      notifications.show({ color: 'green', message: t('crm.messages.unmatched.attached', { name: result.attachMessageToContact.contactName ?? '' }) });
      await client.invalidateQueries({ queryKey: [operationName(UNMATCHED_EMAILS)] });
      void refreshHistory();
      onClose();
    } catch (caught) {
      showApiError(t, caught);
    }
  }

  return (
    <form
      onSubmit={(submitted) => {
        submitted.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Stack gap="md">
        <Text fz="sm">{t('crm.messages.unmatched.attachIntro', { subject: email.subject || t('crm.messages.unmatched.noSubject'), from: email.from ?? t('crm.messages.unmatched.unknownSender') })}</Text>
        <PersonSelect
          label={t('crm.messages.unmatched.person')}
          description={t('crm.messages.unmatched.personHint')}
          value={contactId}
          onChange={(id) => {
            setContactId(id);
            setError(null);
          }}
          error={error}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={attach.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={attach.isPending}>
            {t('crm.messages.unmatched.attachConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
