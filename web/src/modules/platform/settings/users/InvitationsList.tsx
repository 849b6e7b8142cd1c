import { Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import type { SettingsInvitationsQuery } from '../../../../gql/graphql';
import { showApiError } from '../../../../lib/form-errors';
import { useFormat } from '../../../../lib/format';
import { useApiMutation } from '../../../../lib/use-api';
import { usePhone } from '../../../../lib/use-phone';
import { REVOKE_INVITATION } from './users.documents';

type Invitation = SettingsInvitationsQuery['invitations'][number];

/** Invitations not yet accepted, each revocable. */
export function InvitationsList({ invitations }: { invitations: Invitation[] }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const format = useFormat();
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const revoke = useApiMutation(REVOKE_INVITATION, ['SettingsInvitations']);

  if (invitations.length === 0) {
    return (
      <Text c="dimmed" fz="sm" data-testid="invitations-list">
        {t('settings.users.noInvitations')}
      </Text>
    );
  }

  function confirmRevoke() {
    if (!revoking) return;
    const address = revoking.email;
    revoke.mutate(
      { input: { id: revoking.id } },
      {
        onSuccess: () => {
          setRevoking(null);
          notifications.show({ color: 'green', message: t('settings.users.invitationRevoked', { email: address }) });
        },
        onError: (error) => {
          setRevoking(null);
          showApiError(t, error);
        },
      },
    );
  }

  const revokeButton = (invitation: Invitation) => (
    <Button size="xs" variant="subtle" color="red" aria-label={t('settings.users.revokeInvitationOf', { email: invitation.email })} onClick={() => setRevoking(invitation)}>
      {t('settings.users.revokeInvitation')}
    </Button>
  );

  return (
    <>
      {phone ? (
        <Stack gap="sm" data-testid="invitations-list" role="list" aria-label={t('settings.users.invitationsTitle')}>
          {invitations.map((invitation) => (
            <Card key={invitation.id} withBorder padding="md" role="listitem">
              <Stack gap={6}>
                <Text fw={500} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {invitation.email}
                </Text>
                <Group gap="xs">
                  <Badge miw="max-content" variant="light" color="gray">
                    {t(`roles.${invitation.role}`)}
                  </Badge>
                  <Text fz="xs" c="dimmed">
                    {t('settings.users.expires', { date: format.date(invitation.expiresAt) })}
                  </Text>
                </Group>
                <Group justify="flex-end">{revokeButton(invitation)}</Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : (
        <Table verticalSpacing="sm" data-testid="invitations-list" aria-label={t('settings.users.invitationsTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.users.email')}</Table.Th>
              <Table.Th>{t('settings.users.role')}</Table.Th>
              <Table.Th>{t('settings.users.expiresAt')}</Table.Th>
              <Table.Th w={120}>{t('common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invitations.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                    {invitation.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge miw="max-content" variant="light" color="gray">
                    {t(`roles.${invitation.role}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{format.date(invitation.expiresAt)}</Text>
                </Table.Td>
                <Table.Td>{revokeButton(invitation)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmModal
        opened={revoking !== null}
        title={t('settings.users.revokeInvitationTitle')}
        message={revoking ? t('settings.users.revokeInvitationConfirm', { email: revoking.email }) : ''}
        confirmLabel={t('settings.users.revokeInvitation')}
        loading={revoke.isPending}
        onConfirm={confirmRevoke}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
