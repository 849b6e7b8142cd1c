import { Alert, Anchor, Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconMailOff } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { operationName, useApiMutation, useApiQuery } from '../../../lib/use-api';
import { LinkProblemAlert } from './LinkProblemAlert';
import { PublicLayout } from './PublicLayout';
import { SubscriberHeading } from './SubscriberHeading';
import { UNSUBSCRIBE, UNSUBSCRIBE_PAGE } from './subscriber.documents';

/**
 * `/unsubscribe/:token`, opened from the link in a campaign message. Opening it changes nothing (mail
 * scanners follow every link); the person confirms with one click, and the page says it is done.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const client = useQueryClient();
  const query = useApiQuery(UNSUBSCRIBE_PAGE, { token }, { staleTime: Infinity });
  const unsubscribe = useApiMutation(UNSUBSCRIBE);
  const page = query.data?.unsubscribePage;

  async function confirm() {
    try {
      const { unsubscribe: after } = await unsubscribe.mutateAsync({ input: { token } });
      client.setQueryData([operationName(UNSUBSCRIBE_PAGE), { token }], { unsubscribePage: after });
    } catch {
      // Shown below the button from the mutation's state.
    }
  }

  const channel = page?.channel ?? 'EMAIL';
  const justDone = unsubscribe.isSuccess;
  return (
    <PublicLayout>
      <Stack gap="lg">
        {query.error ? (
          <>
            <SubscriberHeading title={t('subscriptions.public.unsubscribe.titleUnknown')} />
            <LinkProblemAlert error={query.error} kind="message" onRetry={() => void query.refetch()} />
          </>
        ) : !page ? (
          <Stack gap="sm" role="status" aria-label={t('common.loading')}>
            <Skeleton height={28} width="70%" />
            <Skeleton height={14} width="50%" />
            <Skeleton height={36} width={160} mt="md" />
          </Stack>
        ) : page.unsubscribed ? (
          <>
            <SubscriberHeading title={t(`subscriptions.public.unsubscribe.doneTitle.${channel}`)} subtitle={t('subscriptions.public.fromCompany', { company: page.companyName })} />
            <Alert color="green" icon={<IconCircleCheck />} role="status" title={justDone ? t('subscriptions.public.unsubscribe.justDone') : t('subscriptions.public.unsubscribe.alreadyDone')}>
              {t(`subscriptions.public.unsubscribe.doneBody.${channel}`, { company: page.companyName, address: page.address })}
            </Alert>
            <Text fz="sm" c="dimmed">
              {t('subscriptions.public.unsubscribe.changedMind')}{' '}
              <Anchor component={Link} to={`/preferences/${token}`} fz="sm">
                {t('subscriptions.public.unsubscribe.toPreferences')}
              </Anchor>
            </Text>
          </>
        ) : (
          <>
            <SubscriberHeading title={t(`subscriptions.public.unsubscribe.title.${channel}`)} subtitle={t('subscriptions.public.fromCompany', { company: page.companyName })} />
            <Text>{t(`subscriptions.public.unsubscribe.question.${channel}`, { company: page.companyName, address: page.address })}</Text>
            <Text fz="sm" c="dimmed">
              {t('subscriptions.public.unsubscribe.scope')}
            </Text>
            {unsubscribe.error && <LinkProblemAlert error={unsubscribe.error} kind="message" />}
            <Stack gap="sm" align="stretch">
              <Button size="md" color="red" leftSection={<IconMailOff size={18} aria-hidden />} loading={unsubscribe.isPending} onClick={() => void confirm()}>
                {t('subscriptions.public.unsubscribe.confirm')}
              </Button>
              <Button size="md" variant="default" component={Link} to={`/preferences/${token}`}>
                {t('subscriptions.public.unsubscribe.choose')}
              </Button>
            </Stack>
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
