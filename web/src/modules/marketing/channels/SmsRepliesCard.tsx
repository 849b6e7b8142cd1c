import { List, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { useApiQuery } from '../../../lib/use-api';
import { LoadingBlock } from '../../platform/settings/LoadingBlock';
import { SettingsCard } from '../../platform/settings/SettingsCard';
import { CopyField } from '../lists/CopyField';
import { SMS_INBOUND_WEBHOOK_URL } from './channel-settings.documents';

/** The address to paste into the Twilio number's "a message comes in" webhook, so STOP and START replies change SMS consent. */
export function SmsRepliesCard() {
  const { t } = useTranslation();
  const query = useApiQuery(SMS_INBOUND_WEBHOOK_URL, {});
  const url = query.data?.smsInboundWebhookUrl;
  return (
    <SettingsCard title={t('subscriptions.channels.replies.title')} description={t('subscriptions.channels.replies.description')} labelledBy="sms-replies-title">
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !url ? (
        <LoadingBlock rows={1} />
      ) : (
        <Stack gap="md">
          <CopyField label={t('subscriptions.channels.replies.address')} value={url} />
          <List size="sm" spacing={4} c="dimmed">
            <List.Item>{t('subscriptions.channels.replies.howTwilio')}</List.Item>
            <List.Item>{t('subscriptions.channels.replies.howWords')}</List.Item>
            <List.Item>{t('subscriptions.channels.replies.howSecret')}</List.Item>
          </List>
        </Stack>
      )}
    </SettingsCard>
  );
}
