import { Alert, Button, Group, Modal, Select, Skeleton, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { MessageContactQuery, SendSmsToContactMutation } from '../../../gql/graphql';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { required } from '../../../lib/validators';
import { showMessageError } from './message-errors';
import { MESSAGE_CONTACT, MESSAGE_HISTORY_QUERIES, SEND_SMS_TO_CONTACT } from './messages.documents';
import { smsSegments } from './sms-segments';

/** Twilio's limit for one message's body, which the API applies. */
export const SMS_BODY_MAX = 1_600;

/** What the API answered for the queued SMS. */
export type SentSms = SendSmsToContactMutation['sendSmsToContact'];

export interface SendSmsModalProps {
  /** The person to text; null keeps the dialog closed. */
  contactId: string | null;
  onClose: () => void;
  /** Called once the API queued the SMS, before the dialog closes (the history queries are asked again anyway). */
  onSent?: (message: SentSms) => void;
}

type MessageContact = NonNullable<MessageContactQuery['contact']>;

interface SmsFormValues {
  to: string;
  body: string;
}

/**
 * "Text this person": a dialog that loads the person's numbers (main first, the default) and consent,
 * counts the SMS parts and the characters left in the last one as the text is typed (GSM-7, or UCS-2
 * once a character outside it appears), and sends through the API.
 */
export function SendSmsModal({ contactId, onClose, onSent }: SendSmsModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const query = useApiQuery(MESSAGE_CONTACT, { id: contactId ?? '' }, { enabled: contactId !== null });
  const contact = contactId !== null ? query.data?.contact : undefined;
  return (
    <Modal opened={contactId !== null} onClose={onClose} title={contact ? t('crm.messages.sms.title', { name: contact.fullName }) : t('crm.messages.sms.titleLoading')} size="md" fullScreen={phone}>
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : contact ? (
        <SmsForm key={contact.id} contact={contact} onClose={onClose} onSent={onSent} />
      ) : (
        <Skeleton h={200} radius="sm" />
      )}
    </Modal>
  );
}

function SmsForm({ contact, onClose, onSent }: { contact: MessageContact; onClose: () => void; onSent?: (message: SentSms) => void }) {
  const { t } = useTranslation();
  const send = useApiMutation(SEND_SMS_TO_CONTACT, MESSAGE_HISTORY_QUERIES);
  const [busy, setBusy] = useState(false);
  const form = useForm<SmsFormValues>({
    initialValues: { to: contact.phones[0]?.number ?? '', body: '' },
    validate: { body: required(t, SMS_BODY_MAX) },
  });
  const count = smsSegments(form.values.body.trim());

  async function submit(values: SmsFormValues) {
    setBusy(true);
    try {
      const result = await send.mutateAsync({ input: { contactId: contact.id, to: values.to || null, body: values.body.trim() } });
      notifications.show({ color: 'green', message: t('crm.messages.sms.queued', { to: result.sendSmsToContact.to }) });
      onSent?.(result.sendSmsToContact);
      onClose();
    } catch (error) {
      showMessageError(t, error, form, 'SMS');
    } finally {
      setBusy(false);
    }
  }

  if (contact.phones.length === 0) {
    return (
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {t('crm.messages.errors.NO_ADDRESS.SMS')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const refused = contact.smsConsent === 'DENIED';
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        {refused && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
            {t('crm.messages.errors.NO_CONSENT.SMS')}
          </Alert>
        )}
        <Select
          label={t('crm.messages.fields.smsTo')}
          data={contact.phones.map((number) => ({ value: number.number, label: t('crm.messages.addressOption', { address: number.number, type: t(`crm.messages.pointType.${number.type}`) }) }))}
          allowDeselect={false}
          required
          disabled={refused}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('to')}
        />
        <div>
          <Textarea label={t('crm.messages.fields.smsBody')} required autosize minRows={4} maxRows={10} data-autofocus disabled={refused} {...form.getInputProps('body')} />
          <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
            <Text size="xs" c={count.encoding === 'UCS-2' ? 'orange' : 'dimmed'}>
              {count.encoding === 'UCS-2' ? t('crm.messages.sms.unicode', { size: count.perSegment }) : ''}
            </Text>
            <Text size="xs" c="dimmed" aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
              {t('crm.messages.sms.counter', { count: count.segments, left: count.remaining })}
            </Text>
          </Group>
        </div>
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={refused} leftSection={<IconSend size={16} aria-hidden />}>
            {t('crm.messages.sms.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
