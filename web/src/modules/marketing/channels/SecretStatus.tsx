import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Whether a write-only secret (password, auth token) is kept; its value is never shown. */
export function SecretStatus({ kept }: { kept: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={kept ? 'teal' : 'gray'} radius="sm" tt="none">
      {kept ? t('subscriptions.channels.secretSet') : t('subscriptions.channels.secretNotSet')}
    </Badge>
  );
}
