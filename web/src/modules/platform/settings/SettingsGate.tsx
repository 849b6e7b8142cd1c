import { Alert, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { useCan } from '../../../lib/viewer';

/** A settings page, or why the viewer's role cannot open it. */
export function SettingsGate({ permission, titleKey, children }: { permission: string; titleKey: string; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (can(permission)) return children;
  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t(titleKey)} />
      <Alert icon={<IconLock />} color="gray" title={t('settings.forbidden.title')} role="status">
        {t('settings.forbidden.body')}
      </Alert>
    </Stack>
  );
}
