import { Alert, Button, Group, Modal, Select, Skeleton, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryErrorAlert } from '../../../components/QueryErrorAlert';
import type { MessageContactQuery, SendEmailToContactMutation } from '../../../gql/graphql';
import { useApiMutation, useApiQuery } from '../../../lib/use-api';
import { usePhone } from '../../../lib/use-phone';
import { required } from '../../../lib/validators';
import { showMessageError } from './message-errors';
import { MESSAGE_CONTACT, MESSAGE_HISTORY_QUERIES, SEND_EMAIL_TO_CONTACT } from './messages.documents';

/** The API's limits. */
export const EMAIL_SUBJECT_MAX = 300;
export const EMAIL_BODY_MAX = 20_000;

/** What the API answered for the queued email. */
export type SentEmail = SendEmailToContactMutation['sendEmailToContact'];

export interface SendEmailModalProps {
  /** The person to email; null keeps the dialog closed. */
  contactId: string | null;
  /** Answering one of the person's emails: its message id and subject ("Re: …" is suggested). */
  replyTo?: { messageId: string; subject: string | null } | null;
  onClose: () => void;
  /** Called once the API queued the email, before the dialog closes (the history queries are asked again anyway). */
  onSent?: (message: SentEmail) => void;
}

type MessageContact = NonNullable<MessageContactQuery['contact']>;

interface EmailFormValues {
  to: string;
  subject: string;
  body: string;
}

/** The subject of a reply: the original's, with one "Re:" in front. */
function replySubject(subject: string | null): string {
  const original = subject?.trim() ?? '';
  if (original === '') return '';
  return /^re:/i.test(original) ? original : `Re: ${original}`;
}

/**
 * "Email this person": a dialog that loads the person's addresses (main first, the default) and
 * consent, and sends a plain-text email through the API (queued, then sent by the workers; it shows
 * in their history at once). A person who refused email is explained, not offered a send button.
 */
export function SendEmailModal({ contactId, replyTo = null, onClose, onSent }: SendEmailModalProps) {
  const { t } = useTranslation();
  const phone = usePhone();
  const query = useApiQuery(MESSAGE_CONTACT, { id: contactId ?? '' }, { enabled: contactId !== null });
  const contact = contactId !== null ? query.data?.contact : undefined;
  const title = replyTo ? t('crm.messages.email.replyTitle') : contact ? t('crm.messages.email.title', { name: contact.fullName }) : t('crm.messages.email.titleLoading');
  return (
    <Modal opened={contactId !== null} onClose={onClose} title={title} size="lg" fullScreen={phone}>
      {query.isError ? (
        <QueryErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : contact ? (
        <EmailForm key={`${contact.id}:${replyTo?.messageId ?? ''}`} contact={contact} replyTo={replyTo} onClose={onClose} onSent={onSent} />
      ) : (
        <Skeleton h={260} radius="sm" />
      )}
    </Modal>
  );
}

function EmailForm({ contact, replyTo, onClose, onSent }: { contact: MessageContact; replyTo: SendEmailModalProps['replyTo']; onClose: () => void; onSent?: (message: SentEmail) => void }) {
  const { t } = useTranslation();
  const send = useApiMutation(SEND_EMAIL_TO_CONTACT, MESSAGE_HISTORY_QUERIES);
  const [busy, setBusy] = useState(false);
  const form = useForm<EmailFormValues>({
    initialValues: { to: contact.emails[0]?.address ?? '', subject: replySubject(replyTo?.subject ?? null), body: '' },
    validate: { subject: required(t, EMAIL_SUBJECT_MAX), body: required(t, EMAIL_BODY_MAX) },
  });

  async function submit(values: EmailFormValues) {
    setBusy(true);
    try {
      const result = await send.mutateAsync({
        input: { contactId: contact.id, to: values.to || null, subject: values.subject.trim(), body: values.body.trim(), ...(replyTo ? { inReplyToMessageId: replyTo.messageId } : {}) },
      });
      notifications.show({ color: 'green', message: t('crm.messages.email.queued', { to: result.sendEmailToContact.to }) });
      onSent?.(result.sendEmailToContact);
      onClose();
    } catch (error) {
      showMessageError(t, error, form, 'EMAIL');
    } finally {
      setBusy(false);
    }
  }

  if (contact.emails.length === 0) {
    return (
      <Stack gap="md">
        <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
          {t('crm.messages.errors.NO_ADDRESS.EMAIL')}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const refused = contact.emailConsent === 'DENIED';
  return (
    <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
      <Stack gap="md">
        {refused && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
            {t('crm.messages.errors.NO_CONSENT.EMAIL')}
          </Alert>
        )}
        <Select
          label={t('crm.messages.fields.emailTo')}
          data={contact.emails.map((email) => ({ value: email.address, label: t('crm.messages.addressOption', { address: email.address, type: t(`crm.messages.pointType.${email.type}`) }) }))}
          allowDeselect={false}
          required
          disabled={refused}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('to')}
        />
        <TextInput label={t('crm.messages.fields.subject')} required autoComplete="off" data-autofocus disabled={refused} {...form.getInputProps('subject')} />
        <Textarea label={t('crm.messages.fields.emailBody')} required autosize minRows={6} maxRows={16} disabled={refused} {...form.getInputProps('body')} />
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={refused} leftSection={<IconSend size={16} aria-hidden />}>
            {t('crm.messages.email.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
