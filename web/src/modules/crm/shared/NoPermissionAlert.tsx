import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** A page for changing data, opened by someone whose role may only read it. */
export function NoPermissionAlert() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" icon={<IconLock />} title={t('crm.noPermission.title')} role="status">
      {t('errors.code.FORBIDDEN')}
    </Alert>
  );
}
