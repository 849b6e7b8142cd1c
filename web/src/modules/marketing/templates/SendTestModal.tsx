import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MarketingChannel } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { email, normalisePhone, phone as phoneCheck } from '../../../lib/validators';
import { useViewer } from '../../../lib/viewer';
import { SEND_TEST_MESSAGE } from './template.documents';

interface SendTestModalProps {
  opened: boolean;
  onClose: () => void;
  templateId: string;
  channel: MarketingChannel;
  /** The person whose data fills the merge fields (as in the preview); null: sample data. */
  personId: string | null;
}

/** "Send a test": the saved template, merged as in the preview, to one address or number, marked as a test. */
export function SendTestModal({ opened, onClose, templateId, channel, personId }: SendTestModalProps) {
  const { t } = useTranslation();
  const onPhone = usePhone();
  return (
    <Modal opened={opened} onClose={onClose} title={t('marketing.sendTest.title')} fullScreen={onPhone} size="md">
      {opened && <SendTestForm onClose={onClose} templateId={templateId} channel={channel} personId={personId} />}
    </Modal>
  );
}

function SendTestForm({ onClose, templateId, channel, personId }: Omit<SendTestModalProps, 'opened'>) {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [busy, setBusy] = useState(false);
  const send = useApiMutation(SEND_TEST_MESSAGE);
  const form = useForm<{ to: string }>({
    initialValues: { to: channel === 'EMAIL' ? (viewer?.user?.email ?? '') : '' },
    validate: { to: (value) => (channel === 'EMAIL' ? email(t)(value) : value.trim() === '' ? t('errors.reason.REQUIRED') : phoneCheck(t)(value)) },
  });

  async function submit(values: { to: string }) {
    const to = channel === 'EMAIL' ? values.to.trim() : (normalisePhone(values.to) ?? '');
    setBusy(true);
    try {
      await send.mutateAsync({ input: { templateId, to, contactId: personId } });
      notifications.show({ color: 'green', message: t('marketing.sendTest.queued', { to }) });
      onClose();
    } catch (error) {
      showApiError(t, error, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate aria-label={t('marketing.sendTest.title')}>
      <Stack gap="md">
        <Text fz="sm" c="dimmed">
          {personId ? t('marketing.sendTest.introPerson') : t('marketing.sendTest.introSample')}
        </Text>
        <TextInput
          label={channel === 'EMAIL' ? t('marketing.sendTest.email') : t('marketing.sendTest.phone')}
          placeholder={channel === 'EMAIL' ? t('marketing.sendTest.emailPlaceholder') : t('marketing.sendTest.phonePlaceholder')}
          type={channel === 'EMAIL' ? 'email' : 'tel'}
          required
          data-autofocus
          autoComplete="off"
          {...form.getInputProps('to')}
        />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconSend size={16} aria-hidden />}>
            {t('marketing.sendTest.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
