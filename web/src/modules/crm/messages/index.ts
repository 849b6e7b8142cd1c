/**
 * Messaging components for the CRM's screens (to be placed on the person's page and the timeline):
 *
 * - `SendEmailModal` { contactId: string | null (null: closed); replyTo?: { messageId, subject } | null;
 *   onClose(); onSent?(message) }: emails the person from one of their addresses.
 * - `SendSmsModal` { contactId: string | null; onClose(); onSent?(message) }: texts the person, with
 *   the live part count and characters left.
 * - `MessageStatusBadge` { status: MessageStatus; error?: string | null; size? }: a message's
 *   delivery status (`Interaction.message { status error }` on the timeline); a failure's reason on hover.
 *
 * Both dialogs load what they need (the person's addresses, numbers and consent) by the id, and
 * refresh the timeline's and interactions' queries once the API queued the message.
 */
export { MessageStatusBadge, type MessageStatusBadgeProps } from './MessageStatusBadge';
export { SendEmailModal, type SendEmailModalProps, type SentEmail } from './SendEmailModal';
export { SendSmsModal, type SendSmsModalProps, type SentSms } from './SendSmsModal';
export { smsSegments, type SmsSegments } from './sms-segments';
