import { Group } from '@mantine/core';
import type { MessageChannel, MessageStatus } from '../../../gql/graphql';
import { MessageStatusBadge } from './MessageStatusBadge';
import { ReplyButton } from './ReplyButton';

interface InteractionMessageProps {
  /** The email or SMS behind a history entry (`Interaction.message`). */
  message: { id: string; channel: MessageChannel; status: MessageStatus; error?: string | null; subject?: string | null };
  /** The person it was with; an email with a person can be answered. */
  contactId: string | null | undefined;
}

/** Under an email or SMS in a history: where it stands (queued, sent, delivered, failed, received) and, for an email, "Reply". */
export function InteractionMessage({ message, contactId }: InteractionMessageProps) {
  return (
    <Group gap="xs" wrap="wrap">
      <MessageStatusBadge status={message.status} error={message.error} size="sm" />
      {message.channel === 'EMAIL' && contactId && <ReplyButton contactId={contactId} message={{ id: message.id, subject: message.subject ?? null }} />}
    </Group>
  );
}
