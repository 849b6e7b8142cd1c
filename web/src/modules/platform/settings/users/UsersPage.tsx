import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/PageHeader';
import { QueryErrorAlert } from '../../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../../lib/use-api';
import { useCan, useViewer } from '../../../../lib/viewer';
import { LoadingBlock } from '../LoadingBlock';
import { SettingsCard } from '../SettingsCard';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';
import { MembersList } from './MembersList';
import { OwnRecordsCard } from './OwnRecordsCard';
import { grantableRoles } from './roles';
import { SETTINGS_INVITATIONS, SETTINGS_MEMBERS } from './users.documents';

/** The company's people and invitations; read-only for people who do not manage users. */
export function UsersPage() {
  const { t } = useTranslation();
  const manage = useCan()('users:manage');
  const viewer = useViewer();
  const members = useApiQuery(SETTINGS_MEMBERS, {});
  const invitations = useApiQuery(SETTINGS_INVITATIONS, {}, { enabled: manage });
  const roles = grantableRoles(viewer?.role);

  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t('settings.users.title')} subtitle={t(manage ? 'settings.users.description' : 'settings.users.descriptionReadOnly')} />
      {!manage && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
          {t('settings.users.readOnly')}
        </Alert>
      )}
      <SettingsCard title={t('settings.users.membersTitle')} labelledBy="settings-members">
        {members.isPending ? (
          <LoadingBlock rows={3} />
        ) : members.isError ? (
          <QueryErrorAlert error={members.error} onRetry={() => void members.refetch()} />
        ) : (
          <MembersList members={members.data.members} manage={manage} />
        )}
      </SettingsCard>
      {manage && (
        <SettingsCard title={t('settings.users.inviteTitle')} description={t('settings.users.inviteDescription')} labelledBy="settings-invite">
          <InviteForm roles={roles} />
        </SettingsCard>
      )}
      {manage && (
        <SettingsCard title={t('settings.users.invitationsTitle')} labelledBy="settings-invitations">
          {invitations.isPending ? (
            <LoadingBlock rows={2} />
          ) : invitations.isError ? (
            <QueryErrorAlert error={invitations.error} onRetry={() => void invitations.refetch()} />
          ) : (
            <InvitationsList invitations={invitations.data.invitations} />
          )}
        </SettingsCard>
      )}
      <OwnRecordsCard />
    </Stack>
  );
}
