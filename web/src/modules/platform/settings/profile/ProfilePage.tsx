import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../../components/PageHeader';
import { useViewer } from '../../../../lib/viewer';
import { SettingsCard } from '../SettingsCard';
import { EmailStatus } from './EmailStatus';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { SessionsList } from './SessionsList';

/** The signed-in person's own account: name, language, email, password and sessions. */
export function ProfilePage() {
  const { t } = useTranslation();
  const user = useViewer()?.user;
  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t('settings.profile.title')} subtitle={t('settings.profile.description')} />
      {user && (
        <>
          <SettingsCard title={t('settings.profile.detailsTitle')} labelledBy="settings-profile-details">
            <ProfileForm key={user.id} name={user.name ?? null} locale={user.locale} />
          </SettingsCard>
          <SettingsCard title={t('settings.profile.emailTitle')} description={t('settings.profile.emailDescription')} labelledBy="settings-profile-email">
            <EmailStatus email={user.email} verified={user.emailVerified} />
          </SettingsCard>
          <SettingsCard title={t('settings.profile.passwordTitle')} description={t('settings.profile.passwordDescription')} labelledBy="settings-profile-password">
            <PasswordForm />
          </SettingsCard>
          <SettingsCard title={t('settings.profile.sessions.title')} description={t('settings.profile.sessions.description')} labelledBy="settings-profile-sessions">
            <SessionsList />
          </SettingsCard>
        </>
      )}
    </Stack>
  );
}
