import { ActionIcon, Button, Code, CopyButton, Group, List, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import { showApiError } from '../../../lib/form-errors';
import { operationName, useApiMutation, useApiQuery } from '../../../lib/use-api';
import { LoadingBlock } from '../../platform/settings/LoadingBlock';
import { SettingsCard } from '../../platform/settings/SettingsCard';
import { INBOUND_EMAIL_URL, ROTATE_INBOUND_EMAIL_TOKEN } from './inbound.documents';

/** What the gateway may post: the raw email (media types, not words). */
const RAW_FORMATS = ['message/rfc822', 'text/plain'];

/** The company's secret inbound address, to point a mail gateway at; copy it, or replace it (the old one stops at once). */
export function InboundAddressCard() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const query = useApiQuery(INBOUND_EMAIL_URL, {});
  const rotate = useApiMutation(ROTATE_INBOUND_EMAIL_TOKEN);
  const [confirming, setConfirming] = useState(false);

  async function confirmRotate() {
    try {
      const result = await rotate.mutateAsync({});
      client.setQueryData([operationName(INBOUND_EMAIL_URL), {}], { inboundEmailUrl: result.rotateInboundEmailToken });
      setConfirming(false);
      notifications.show({ color: 'green', message: t('crm.messages.inbound.rotated') });
    } catch (error) {
      showApiError(t, error);
    }
  }

  const url = query.data?.inboundEmailUrl;
  return (
    <SettingsCard title={t('crm.messages.inbound.addressTitle')} description={t('crm.messages.inbound.addressDescription')} labelledBy="inbound-address-title">
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !url ? (
        <LoadingBlock rows={1} />
      ) : (
        <Stack gap="md">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput label={t('crm.messages.inbound.address')} value={url} readOnly style={{ flex: 1 }} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} onFocus={(event) => event.currentTarget.select()} />
            <CopyButton value={url} timeout={2000}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('crm.messages.inbound.copied') : t('crm.messages.inbound.copy')} withArrow>
                  <ActionIcon size={36} variant={copied ? 'filled' : 'default'} color={copied ? 'teal' : undefined} onClick={copy} aria-label={t('crm.messages.inbound.copy')}>
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <List size="sm" spacing={4} c="dimmed">
            <List.Item>{t('crm.messages.inbound.howPost')}</List.Item>
            <List.Item>{t('crm.messages.inbound.howMatch')}</List.Item>
            <List.Item>{t('crm.messages.inbound.howSecret')}</List.Item>
          </List>
          <Group gap={6} wrap="wrap">
            <Text fz="xs" c="dimmed">
              {t('crm.messages.inbound.formats')}
            </Text>
            {RAW_FORMATS.map((format) => (
              <Code key={format}>{format}</Code>
            ))}
          </Group>
          <Group>
            <Button variant="light" color="red" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirming(true)}>
              {t('crm.messages.inbound.rotate')}
            </Button>
          </Group>
        </Stack>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        loading={rotate.isPending}
        onConfirm={() => void confirmRotate()}
        title={t('crm.messages.inbound.rotateTitle')}
        message={t('crm.messages.inbound.rotateBody')}
        confirmLabel={t('crm.messages.inbound.rotateConfirm')}
      />
    </SettingsCard>
  );
}
