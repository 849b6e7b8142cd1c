import { Badge, Box, Button, Card, Code, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import type { SettingsApiKeysQuery } from '../../../../gql/graphql';
import { showApiError } from '../../../../lib/form-errors';
import { useFormat } from '../../../../lib/format';
import { useApiMutation } from '../../../../lib/use-api';
import { usePhone } from '../../../../lib/use-phone';
import { REVOKE_API_KEY } from './api-keys.documents';

type ApiKey = SettingsApiKeysQuery['apiKeys'][number];

/** The company's API keys, newest first; revoked ones stay listed, marked. */
export function ApiKeysList({ keys }: { keys: ApiKey[] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const format = useFormat();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useApiMutation(REVOKE_API_KEY, ['SettingsApiKeys']);

  function confirmRevoke() {
    if (!revoking) return;
    const name = revoking.name;
    revoke.mutate(
      { input: { id: revoking.id } },
      {
        onSuccess: () => {
          setRevoking(null);
          notifications.show({ color: 'green', message: t('settings.apiKeys.revoked', { name }) });
        },
        onError: (error) => {
          setRevoking(null);
          showApiError(t, error);
        },
      },
    );
  }

  const moduleBadges = (key: ApiKey) => (
    <Group gap={4}>
      {key.modules.map((module) => (
        <Badge miw="max-content" key={module} variant="light" color="gray" size="sm">
          {t(`modules.${module}.name`)}
        </Badge>
      ))}
    </Group>
  );
  const access = (key: ApiKey) => (
    <Badge miw="max-content" variant="light" color={key.access === 'READ_WRITE' ? 'orange' : 'blue'} size="sm">
      {t(`settings.apiKeys.access${key.access}`)}
    </Badge>
  );
  const status = (key: ApiKey) =>
    key.revokedAt ? (
      <Badge miw="max-content" variant="light" color="red" size="sm">
        {t('settings.apiKeys.revokedOn', { date: format.date(key.revokedAt) })}
      </Badge>
    ) : (
      <Badge miw="max-content" variant="light" color="green" size="sm">
        {t('settings.apiKeys.active')}
      </Badge>
    );
  const prefix = (key: ApiKey) => (
    <Text fz="xs" c="dimmed">
      {t('settings.apiKeys.prefix')} <Code fz="xs">{key.prefix}…</Code>
    </Text>
  );
  const lastUsed = (key: ApiKey) => (key.lastUsedAt ? format.dateTime(key.lastUsedAt) : t('settings.apiKeys.neverUsed'));
  const revokeButton = (key: ApiKey) =>
    key.revokedAt ? null : (
      <Button size="xs" variant="subtle" color="red" aria-label={t('settings.apiKeys.revokeOf', { name: key.name })} onClick={() => setRevoking(key)}>
        {t('settings.apiKeys.revoke')}
      </Button>
    );

  return (
    <>
      {phone ? (
        <Stack gap="sm" data-testid="api-keys-list" role="list" aria-label={t('settings.apiKeys.listLabel')}>
          {keys.map((key) => (
            <Card key={key.id} withBorder padding="md" role="listitem" opacity={key.revokedAt ? 0.75 : 1}>
              <Stack gap={8}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} miw={0}>
                    <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {key.name}
                    </Text>
                    {prefix(key)}
                  </Stack>
                  <Box style={{ flexShrink: 0 }}>{status(key)}</Box>
                </Group>
                <Group gap="xs">
                  {access(key)}
                  {moduleBadges(key)}
                </Group>
                <Text fz="xs" c="dimmed">
                  {t('settings.apiKeys.lastUsedLine', { value: lastUsed(key) })}
                  {' · '}
                  {t('settings.apiKeys.createdLine', { value: format.date(key.createdAt) })}
                </Text>
                {!key.revokedAt && <Group justify="flex-end">{revokeButton(key)}</Group>}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Card withBorder padding={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="api-keys-list" aria-label={t('settings.apiKeys.listLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.apiKeys.name')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.access')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.modules')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.lastUsed')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.created')}</Table.Th>
                <Table.Th>{t('settings.apiKeys.status')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((key) => (
                <Table.Tr key={key.id} opacity={key.revokedAt ? 0.7 : 1}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {key.name}
                    </Text>
                    {prefix(key)}
                    {key.rateLimitPerMinute !== null && key.rateLimitPerMinute !== undefined && (
                      <Text fz="xs" c="dimmed" mt={4}>
                        {t('settings.apiKeys.rateLimitShort', { count: key.rateLimitPerMinute, value: format.number(key.rateLimitPerMinute) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{access(key)}</Table.Td>
                  <Table.Td>{moduleBadges(key)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text fz="sm">{lastUsed(key)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text fz="sm">{format.date(key.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{status(key)}</Table.Td>
                  <Table.Td>{revokeButton(key)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        </Card>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('settings.apiKeys.revokeTitle')}
        message={revoking ? t('settings.apiKeys.revokeConfirm', { name: revoking.name }) : ''}
        confirmLabel={t('settings.apiKeys.revoke')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
