import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconLinkOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/error-message';
import { linkProblemOf } from './link-problem';

interface LinkProblemAlertProps {
  error: unknown;
  /** What the link was for: the words of a bad message link and a bad confirmation link differ. */
  kind: 'message' | 'confirmation';
  onRetry?: () => void;
}

/** A link that cannot be used, explained for the person who clicked it: what may have happened and what to do; never the error itself. */
export function LinkProblemAlert({ error, kind, onRetry }: LinkProblemAlertProps) {
  const { t } = useTranslation();
  const problem = linkProblemOf(error);
  if (problem === 'badLink') {
    return (
      <Alert color="orange" icon={<IconLinkOff />} title={t(`subscriptions.public.badLink.${kind}.title`)} role="alert">
        <Stack gap="xs">
          <Text fz="sm">{t(`subscriptions.public.badLink.${kind}.why`)}</Text>
          <Text fz="sm">{t(`subscriptions.public.badLink.${kind}.next`)}</Text>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" title={t('subscriptions.public.failed')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text fz="sm">{problem === 'failed' ? t('subscriptions.public.failedBody') : problem === 'offline' ? t('subscriptions.public.offline') : errorMessage(t, error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
