import { Button, Group } from '@mantine/core';
import { IconPhone } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../lib/viewer';
import { useRefreshHistory } from '../timeline/use-refresh-history';
import { MessageButton } from './MessageButton';
import type { Reachable } from './reach';
import { SendEmailModal } from './SendEmailModal';
import { SendSmsModal } from './SendSmsModal';

/**
 * On a person's page, under their name: "Send email" and "Send SMS" (with CRM:write; disabled, and
 * saying why, when there is no address or number or the person refused the channel), and "Call".
 * Sending adds the message to their history, which is asked again.
 */
export function ContactMessageActions({ contact }: { contact: Reachable }) {
  const { t } = useTranslation();
  const can = useCan();
  const refresh = useRefreshHistory();
  const [writing, setWriting] = useState<'EMAIL' | 'SMS' | null>(null);
  const canWrite = can('CRM:write');
  if (!canWrite && !contact.phone) return null;

  return (
    <Group gap="sm" mb="lg" role="group" aria-label={t('crm.messages.actions.label', { name: contact.fullName })}>
      {canWrite && (
        <>
          <MessageButton person={contact} channel="EMAIL" onOpen={() => setWriting('EMAIL')} />
          <MessageButton person={contact} channel="SMS" onOpen={() => setWriting('SMS')} />
        </>
      )}
      {contact.phone && (
        <Button component="a" href={`tel:${contact.phone}`} variant="light" size="xs" leftSection={<IconPhone size={14} aria-hidden />}>
          {t('crm.people.call')}
        </Button>
      )}
      <SendEmailModal contactId={writing === 'EMAIL' ? contact.id : null} onClose={() => setWriting(null)} onSent={() => void refresh()} />
      <SendSmsModal contactId={writing === 'SMS' ? contact.id : null} onClose={() => setWriting(null)} onSent={() => void refresh()} />
    </Group>
  );
}
