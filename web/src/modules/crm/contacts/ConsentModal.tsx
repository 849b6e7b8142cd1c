import { Button, Group, Modal, Radio, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ConsentChannel, ConsentStatus } from '../../../gql/graphql';
import { showApiError } from '../../../lib/form-errors';
import { useApiMutation } from '../../../lib/use-api';
import { required } from '../../../lib/validators';
import { CONTACT_QUERIES, SET_CONTACT_CONSENT } from './contact.documents';
import { CONSENT_SOURCE_MAX, CONSENT_STATUSES, isConsentStatus } from './contact-form';

export const CONSENT_CHANNELS: ConsentChannel[] = ['EMAIL', 'SMS'];

function isChannel(value: string | null): value is ConsentChannel {
  return CONSENT_CHANNELS.some((channel) => channel === value);
}

interface ConsentValues {
  channel: ConsentChannel;
  status: ConsentStatus;
  source: string;
}

interface ConsentModalProps {
  opened: boolean;
  onClose: () => void;
  contactId: string;
  name: string;
  current: Record<ConsentChannel, ConsentStatus>;
}

function ConsentForm({ contactId, name, current, onClose }: Omit<ConsentModalProps, 'opened'>) {
  const { t } = useTranslation();
  const save = useApiMutation(SET_CONTACT_CONSENT, CONTACT_QUERIES);
  const form = useForm<ConsentValues>({
    initialValues: { channel: 'EMAIL', status: current.EMAIL === 'GRANTED' ? 'DENIED' : 'GRANTED', source: '' },
    validate: { source: required(t, CONSENT_SOURCE_MAX) },
  });

  async function submit(values: ConsentValues) {
    try {
      await save.mutateAsync({ input: { contactId, channel: values.channel, status: values.status, source: values.source.trim() } });
      notifications.show({ color: 'green', message: t(`crm.consent.saved.${values.channel}`, { name, status: t(`crm.consent.status.${values.status}`) }) });
      onClose();
    } catch (error) {
      showApiError(t, error, form);
    }
  }

  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        <Radio.Group
          label={t('crm.consent.channel')}
          value={form.values.channel}
          onChange={(channel) => {
            if (!isChannel(channel)) return;
            form.setFieldValue('channel', channel);
            // Offer the change that makes sense: the opposite of what is recorded now.
            form.setFieldValue('status', current[channel] === 'GRANTED' ? 'DENIED' : 'GRANTED');
          }}
        >
          <Group gap="lg" mt={8}>
            {CONSENT_CHANNELS.map((channel) => (
              <Radio key={channel} value={channel} label={t(`crm.consent.channelName.${channel}`)} data-autofocus={channel === 'EMAIL' || undefined} />
            ))}
          </Group>
        </Radio.Group>
        <Radio.Group
          label={t('crm.consent.newStatus')}
          description={t('crm.consent.nowStatus', { status: t(`crm.consent.status.${current[form.values.channel]}`) })}
          value={form.values.status}
          onChange={(status) => isConsentStatus(status) && form.setFieldValue('status', status)}
        >
          <Group gap="lg" mt={8}>
            {CONSENT_STATUSES.map((status) => (
              <Radio key={status} value={status} label={t(`crm.consent.status.${status}`)} />
            ))}
          </Group>
        </Radio.Group>
        <TextInput
          label={t('crm.consent.source')}
          description={t('crm.consent.sourceHint')}
          placeholder={t('crm.consent.sourcePlaceholder')}
          required
          autoComplete="off"
          {...form.getInputProps('source')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('crm.consent.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "Change consent": a channel, its new status and how it was given or withdrawn (kept as proof in the history). */
export function ConsentModal({ opened, onClose, contactId, name, current }: ConsentModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('crm.consent.changeTitle', { name })} size="md">
      <ConsentForm contactId={contactId} name={name} current={current} onClose={onClose} />
    </Modal>
  );
}
