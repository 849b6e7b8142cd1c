import { Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../../lib/use-api';
import { useCan } from '../../../lib/viewer';
import { useRefreshHistory } from '../timeline/use-refresh-history';
import { MessageButton } from './MessageButton';
import { CUSTOMER_PEOPLE_REACH } from './inbound.documents';
import { SendEmailModal } from './SendEmailModal';
import { SendSmsModal } from './SendSmsModal';

interface PersonMessageActionsProps {
  /** The customer whose people card this is: one query answers for all its people. */
  customerId: string;
  person: { id: string; fullName: string; email?: string | null; phone?: string | null };
}

/**
 * Email and SMS icons beside one person of a customer's people card (with CRM:write): disabled, and
 * saying why, when there is no address or number or the person refused the channel.
 */
export function PersonMessageActions({ customerId, person }: PersonMessageActionsProps) {
  const { t } = useTranslation();
  const can = useCan();
  const refresh = useRefreshHistory();
  const [writing, setWriting] = useState<'EMAIL' | 'SMS' | null>(null);
  const canWrite = can('CRM:write');
  // The same query (and cache entry) for every person of the card: asked once.
  const reach = useApiQuery(CUSTOMER_PEOPLE_REACH, { customerId }, { enabled: canWrite });
  if (!canWrite) return null;
  const consent = reach.data?.customer.contacts.edges.find((edge) => edge.node.id === person.id)?.node;
  // Until consent is known, nothing is refused on its account (the dialog checks it again anyway).
  const reachable = { ...person, emailConsent: consent?.emailConsent ?? 'UNKNOWN', smsConsent: consent?.smsConsent ?? 'UNKNOWN' } as const;

  return (
    <Group gap={2} wrap="nowrap" role="group" aria-label={t('crm.messages.actions.label', { name: person.fullName })}>
      <MessageButton person={reachable} channel="EMAIL" variant="icon" onOpen={() => setWriting('EMAIL')} />
      <MessageButton person={reachable} channel="SMS" variant="icon" onOpen={() => setWriting('SMS')} />
      <SendEmailModal contactId={writing === 'EMAIL' ? person.id : null} onClose={() => setWriting(null)} onSent={() => void refresh()} />
      <SendSmsModal contactId={writing === 'SMS' ? person.id : null} onClose={() => setWriting(null)} onSent={() => void refresh()} />
    </Group>
  );
}
