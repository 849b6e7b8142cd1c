import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A link to a task that was deleted (or never existed here). */
export function TaskMissing({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" align="flex-start" role="status">
      <Text fw={600}>{t('crm.tasks.notFound.title')}</Text>
      <Text fz="sm" c="dimmed">
        {t('crm.tasks.notFound.body')}
      </Text>
      <Button variant="light" onClick={onClose}>
        {t('common.close')}
      </Button>
    </Stack>
  );
}
