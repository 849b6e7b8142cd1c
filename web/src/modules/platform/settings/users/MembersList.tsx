import { ActionIcon, Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../../components/ConfirmModal';
import type { SettingsMembersQuery } from '../../../../gql/graphql';
import { useApiMutation } from '../../../../lib/use-api';
import { usePhone } from '../../../../lib/use-phone';
import { useViewer } from '../../../../lib/viewer';
import { MemberRoleSelect } from './MemberRoleSelect';
import { grantableRoles } from './roles';
import { showMemberError } from './show-member-error';
import { REMOVE_MEMBER } from './users.documents';

type Member = SettingsMembersQuery['members'][number];

/** The company's people; owners and admins change roles and remove people here. */
export function MembersList({ members, manage }: { members: Member[]; manage: boolean }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const viewer = useViewer();
  const grantable = manage ? grantableRoles(viewer?.role) : [];
  const [removing, setRemoving] = useState<Member | null>(null);
  const remove = useApiMutation(REMOVE_MEMBER, ['SettingsMembers']);
  const nameOf = (member: Member) => member.user.name ?? member.user.email;
  const isSelf = (member: Member) => member.user.id === viewer?.user?.id;
  // Nobody removes themselves here, nor someone whose role they could not grant.
  const removable = (member: Member) => manage && !isSelf(member) && grantable.includes(member.role);

  function confirmRemove() {
    if (!removing) return;
    const name = nameOf(removing);
    remove.mutate(
      { input: { userId: removing.user.id } },
      {
        onSuccess: () => {
          setRemoving(null);
          notifications.show({ color: 'green', message: t('settings.users.removed', { name }) });
        },
        onError: (error) => {
          setRemoving(null);
          showMemberError(t, error);
        },
      },
    );
  }

  const removeButton = (member: Member) =>
    removable(member) ? (
      <Tooltip label={t('settings.users.remove', { name: nameOf(member) })}>
        <ActionIcon variant="subtle" color="red" aria-label={t('settings.users.remove', { name: nameOf(member) })} onClick={() => setRemoving(member)}>
          <IconUserMinus size={18} />
        </ActionIcon>
      </Tooltip>
    ) : null;

  const nameCell = (member: Member) => (
    <Group gap="xs" wrap="nowrap">
      <Text fw={500} fz="sm">
        {member.user.name ?? t('settings.users.noName')}
      </Text>
      {isSelf(member) && (
        <Badge miw="max-content" size="xs" variant="outline">
          {t('settings.users.you')}
        </Badge>
      )}
    </Group>
  );

  const list = phone ? (
    <Stack gap="sm" data-testid="members-list" aria-label={t('settings.users.membersTitle')} role="list">
      {members.map((member) => (
        <Card key={member.user.id} withBorder padding="md" role="listitem">
          <Stack gap="xs">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} miw={0}>
                {nameCell(member)}
                <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {member.user.email}
                </Text>
              </Stack>
              {removeButton(member)}
            </Group>
            <MemberRoleSelect userId={member.user.id} name={nameOf(member)} role={member.role} grantable={grantable} />
          </Stack>
        </Card>
      ))}
    </Stack>
  ) : (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover data-testid="members-list" aria-label={t('settings.users.membersTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.users.name')}</Table.Th>
            <Table.Th>{t('settings.users.email')}</Table.Th>
            <Table.Th>{t('settings.users.role')}</Table.Th>
            {manage && <Table.Th w={64}>{t('common.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => (
            <Table.Tr key={member.user.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{nameCell(member)}</Table.Td>
              <Table.Td>
                <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
                  {member.user.email}
                </Text>
              </Table.Td>
              <Table.Td>
                <MemberRoleSelect userId={member.user.id} name={nameOf(member)} role={member.role} grantable={grantable} />
              </Table.Td>
              {manage && <Table.Td>{removeButton(member)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );

  return (
    <>
      {list}
      <ConfirmModal
        opened={removing !== null}
        title={t('settings.users.removeTitle')}
        message={removing ? t('settings.users.removeConfirm', { name: nameOf(removing) }) : ''}
        confirmLabel={t('settings.users.removeAction')}
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      />
    </>
  );
}
