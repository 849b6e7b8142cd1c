import { Alert, Button, Group, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { MarketingChannel } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useApiQuery } from '../../../lib/use-api';
import { CAMPAIGN_AUDIENCE_COUNT } from './campaign.documents';

interface SendNowModalProps {
  opened: boolean;
  onClose: () => void;
  name: string;
  channel: MarketingChannel;
  audience: { segmentIds: string[]; listIds: string[] };
  /** When an A/B test's winner goes out; a time already past must be moved first. */
  winnerAt?: string | null;
  /** Starts sending; a thrown API error is shown as a notification. */
  onConfirm: () => Promise<void>;
}

/** "Send now?": how many people it reaches at this moment, asked again when the dialog opens; nothing leaves before the confirmation. */
export function SendNowModal({ opened, onClose, name, channel, audience, winnerAt = null, onConfirm }: SendNowModalProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const count = useApiQuery(CAMPAIGN_AUDIENCE_COUNT, { channel, audience }, { enabled: opened });
  const reach = count.data?.campaignAudienceCount;
  const winnerPassed = winnerAt !== null && new Date(winnerAt) <= new Date();

  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } catch (error) {
      showApiError(t, error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('marketing.sendNow.title', { name })} centered>
      <Stack>
        {winnerPassed ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
            {t('marketing.sendNow.winnerPassed')}
          </Alert>
        ) : count.error ? (
          <QueryErrorAlert error={count.error} onRetry={() => void count.refetch()} />
        ) : reach === undefined ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text fz="sm">{t('marketing.audience.counting')}</Text>
          </Group>
        ) : reach === 0 ? (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
            {t(`marketing.sendNow.nobody.${channel}`)}
          </Alert>
        ) : (
          <Text fz="sm" data-testid="send-now-count">
            {t(`marketing.sendNow.body.${channel}`, { count: reach })}
          </Text>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void confirm()} loading={busy} disabled={!reach || winnerPassed} leftSection={<IconSend size={16} aria-hidden />}>
            {reach ? t('marketing.sendNow.confirm', { count: reach }) : t('marketing.sendNow.confirmNone')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
