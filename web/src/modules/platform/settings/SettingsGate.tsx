import { Alert, Stack, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/viewer';

/** A settings page, or why the viewer's role cannot open it. */
export function SettingsGate({ permission, titleKey, children }: { permission: string; titleKey: string; children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  if (can(permission)) return children;
  return (
    <Stack gap="lg">
      <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
        {t(titleKey)}
      </Title>
      <Alert icon={<IconLock />} color="gray" title={t('settings.forbidden.title')} role="status">
        {t('settings.forbidden.body')}
      </Alert>
    </Stack>
  );
}
