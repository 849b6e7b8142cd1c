import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { LoadingBlock } from '../../platform/settings/LoadingBlock';
import { MARKETING_CHANNEL_SETTINGS } from './channel-settings.documents';
import { SmsRepliesCard } from './SmsRepliesCard';
import { SmtpCard } from './SmtpCard';
import { ThrottleCard } from './ThrottleCard';
import { TwilioCard } from './TwilioCard';

/** `/settings/marketing-channels` (owners and admins): where campaigns send from, how fast, and where SMS replies come back. */
export function ChannelSettingsPage() {
  const { t } = useTranslation();
  const query = useApiQuery(MARKETING_CHANNEL_SETTINGS, {});
  const settings = query.data?.marketingChannelSettings;
  return (
    <Stack gap="lg">
      <PageHeader size="large" mb={0} title={t('subscriptions.channels.title')} subtitle={t('subscriptions.channels.intro')} />
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !settings ? (
        <LoadingBlock rows={4} />
      ) : (
        <>
          {/* Each card starts afresh from what was saved: secrets typed never linger in the page. */}
          <SmtpCard key={`smtp:${JSON.stringify(settings.smtp)}`} smtp={settings.smtp} />
          <TwilioCard key={`twilio:${JSON.stringify(settings.twilio)}`} twilio={settings.twilio} />
          <ThrottleCard key={`throttle:${settings.emailsPerMinute ?? ''}:${settings.smsPerMinute ?? ''}`} settings={settings} />
        </>
      )}
      <SmsRepliesCard />
    </Stack>
  );
}
