import { Badge, Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../gql/graphql';
import { useApiMutation } from '../../../../lib/use-api';
import { showMemberError } from './show-member-error';
import { SET_MEMBER_ROLE } from './users.documents';

interface MemberRoleSelectProps {
  userId: string;
  name: string;
  role: Role;
  /** Roles the viewer may give; empty shows the role read-only. */
  grantable: Role[];
}

/** A member's role, changed on the spot by people who manage users. */
export function MemberRoleSelect({ userId, name, role, grantable }: MemberRoleSelectProps) {
  const { t } = useTranslation();
  const save = useApiMutation(SET_MEMBER_ROLE, ['SettingsMembers', 'Viewer']);
  // A role the viewer cannot grant (an admin looking at an owner) cannot be taken away by them either.
  if (grantable.length === 0 || !grantable.includes(role)) {
    return (
      <Badge miw="max-content" variant="light" color={role === 'OWNER' ? 'blue' : 'gray'}>
        {t(`roles.${role}`)}
      </Badge>
    );
  }

  function change(next: string | null) {
    const chosen = grantable.find((candidate) => candidate === next);
    if (!chosen || chosen === role) return;
    save.mutate(
      { input: { userId, role: chosen } },
      {
        onSuccess: () => notifications.show({ color: 'green', message: t('settings.users.roleChanged', { name, role: t(`roles.${chosen}`) }) }),
        onError: (error) => showMemberError(t, error),
      },
    );
  }

  return (
    <Select
      aria-label={t('settings.users.roleOf', { name })}
      data={grantable.map((value) => ({ value, label: t(`roles.${value}`) }))}
      value={save.isPending && save.variables ? save.variables.input.role : role}
      onChange={change}
      allowDeselect={false}
      disabled={save.isPending}
      w={180}
      size="sm"
    />
  );
}
