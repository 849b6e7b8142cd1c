import { Alert } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** The API refused a switch: why, next to it, until dismissed or the next change. */
export function RefusalAlert({ message, onClose }: { message: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle />} title={t('settings.modules.refusedTitle')} role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={onClose}>
      {message}
    </Alert>
  );
}
