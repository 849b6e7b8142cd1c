import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCircleCheck, IconMailFast } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PublicLayout } from './PublicLayout';
import { SubscriberHeading } from './SubscriberHeading';
import { canRetryOnForm, subscribeOutcome } from './subscribe-result';

/** `/subscribe/done?result=…`: where a company's website form sends the browser after posting, saying what happened. */
export function SubscribeDonePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const outcome = subscribeOutcome(params.get('result'));
  const good = outcome === 'pending' || outcome === 'subscribed';
  const icon = outcome === 'pending' ? <IconMailFast /> : good ? <IconCircleCheck /> : <IconAlertTriangle />;
  return (
    <PublicLayout>
      <Stack gap="lg">
        <SubscriberHeading title={t(`subscriptions.public.done.${outcome}.title`)} />
        <Alert color={good ? 'green' : 'orange'} icon={icon} role={good ? 'status' : 'alert'}>
          <Text fz="sm">{t(`subscriptions.public.done.${outcome}.body`)}</Text>
        </Alert>
        {canRetryOnForm(outcome) && (
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => window.history.back()} w="fit-content">
            {t('subscriptions.public.done.back')}
          </Button>
        )}
      </Stack>
    </PublicLayout>
  );
}
