import { Alert, Loader, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useApiMutation } from '../../../lib/use-api';
import { LinkProblemAlert } from './LinkProblemAlert';
import { PublicLayout } from './PublicLayout';
import { SubscriberHeading } from './SubscriberHeading';
import { CONFIRM_SUBSCRIPTION } from './subscriber.documents';

/**
 * `/subscribe/confirm/:token`, opened from the confirmation email of a double opt-in: confirms once
 * and says what the person is now subscribed to. Following the link is the person's confirming act.
 */
export function ConfirmSubscriptionPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const confirm = useApiMutation(CONFIRM_SUBSCRIPTION);
  const { mutate } = confirm;
  // A link works once: never send it twice, even when React runs effects twice.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    mutate({ input: { token } });
  }, [token, mutate]);

  const done = confirm.data?.confirmSubscription;
  return (
    <PublicLayout>
      <Stack gap="lg">
        <SubscriberHeading title={t('subscriptions.public.confirm.title')} subtitle={done ? t('subscriptions.public.fromCompany', { company: done.companyName }) : undefined} />
        {done ? (
          <Alert color="green" icon={<IconCircleCheck />} role="status" title={t('subscriptions.public.confirm.doneTitle')}>
            {t('subscriptions.public.confirm.doneBody', { list: done.listName, company: done.companyName })}
          </Alert>
        ) : confirm.error ? (
          <LinkProblemAlert error={confirm.error} kind="confirmation" />
        ) : (
          <Stack align="center" gap="xs" role="status">
            <Loader aria-hidden />
            <Text fz="sm" c="dimmed">
              {t('subscriptions.public.confirm.working')}
            </Text>
          </Stack>
        )}
        {done && (
          <Text fz="sm" c="dimmed">
            {t('subscriptions.public.confirm.leaveAnytime')}
          </Text>
        )}
      </Stack>
    </PublicLayout>
  );
}
