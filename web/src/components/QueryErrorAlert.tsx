import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/error-message';

interface QueryErrorAlertProps {
  error: unknown;
  onRetry: () => void;
  /** Another way out beside "Try again" (such as back to the first page). */
  extra?: ReactNode;
}

/** A query that failed: what happened, in the user's language, and a way to try again. */
export function QueryErrorAlert({ error, onRetry, extra }: QueryErrorAlertProps) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('errors.title')} role="alert">
      <Text fz="sm" mb="sm">
        {errorMessage(t, error)}
      </Text>
      <Group gap="sm">
        <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
          {t('common.retry')}
        </Button>
        {extra}
      </Group>
    </Alert>
  );
}
