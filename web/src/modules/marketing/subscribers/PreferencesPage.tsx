import { Alert, Anchor, Skeleton, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiQuery } from '../../../lib/use-api';
import { LinkProblemAlert } from './LinkProblemAlert';
import { PreferencesForm } from './PreferencesForm';
import { PublicLayout } from './PublicLayout';
import { SubscriberHeading } from './SubscriberHeading';
import { UNSUBSCRIBE_PAGE } from './subscriber.documents';

/** `/preferences/:token`: the preference centre of the person a message went to: their lists, and email and SMS at all. */
export function PreferencesPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const query = useApiQuery(UNSUBSCRIBE_PAGE, { token }, { staleTime: Infinity });
  const page = query.data?.unsubscribePage;
  const [saved, setSaved] = useState(false);
  return (
    <PublicLayout>
      <Stack gap="lg">
        <SubscriberHeading
          title={t('subscriptions.public.preferences.title')}
          subtitle={page ? t('subscriptions.public.preferences.subtitle', { company: page.companyName, address: page.address }) : undefined}
        />
        {query.error ? (
          <LinkProblemAlert error={query.error} kind="message" onRetry={() => void query.refetch()} />
        ) : !page ? (
          <Stack gap="sm" role="status" aria-label={t('common.loading')}>
            <Skeleton height={14} width="60%" />
            <Skeleton height={24} />
            <Skeleton height={24} />
          </Stack>
        ) : page.emailConsent === null ? (
          // The person was deleted since: nothing is left to choose but to refuse this address.
          <Alert color="gray" role="status">
            <Text fz="sm">{t('subscriptions.public.preferences.notOnRecord')}</Text>
            <Anchor component={Link} to={`/unsubscribe/${token}`} fz="sm">
              {t('subscriptions.public.preferences.toUnsubscribe')}
            </Anchor>
          </Alert>
        ) : (
          <>
            {saved && (
              <Alert color="green" icon={<IconCircleCheck />} role="status">
                {t('subscriptions.public.preferences.saved')}
              </Alert>
            )}
            <PreferencesForm key={JSON.stringify(page)} token={token} page={page} onSaved={() => setSaved(true)} onEdit={() => setSaved(false)} />
          </>
        )}
      </Stack>
    </PublicLayout>
  );
}
