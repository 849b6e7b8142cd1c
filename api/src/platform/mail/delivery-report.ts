import { simpleParser, type ParsedMail } from 'mailparser';

/**
 * Machine-readable reports about email that was sent: a delivery status notification (RFC 3464, a
 * bounce) or a feedback-loop complaint (RFC 5965, ARF). Both are `multipart/report` messages that
 * return the original message, or its headers, and so its Message-ID.
 */
export type ReportType = 'delivery-status' | 'feedback-report';

/** One recipient's block of a delivery status notification. */
export interface RecipientStatus {
  /** Final-Recipient's address, lower-case. */
  recipient: string | null;
  /** failed, delayed, delivered, relayed or expanded. */
  action: string;
  /** The enhanced status code (RFC 3463), such as 5.1.1. */
  status: string | null;
  /** What the receiving server said, such as `smtp; 550 5.1.1 no such user`. */
  diagnostic: string | null;
}

export interface DeliveryReport {
  type: ReportType;
  /** The Message-IDs of the message(s) the report is about, `<…>` as written. */
  originalMessageIds: string[];
  /** Delivery status: one entry per recipient block. */
  recipients: RecipientStatus[];
  /** Feedback report: abuse, fraud, virus, other or not-spam (lower-case). */
  feedbackType: string | null;
}

const STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const FEEDBACK_TYPES = new Set(['message/feedback-report']);
/** Parts that return the original message or its header. */
const ORIGINAL_TYPES = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/rfc822-headers', 'message/global-headers']);
/** A Message-ID header line, possibly folded before its value. */
const MESSAGE_ID_LINE = /^Message-ID:[ \t]*(?:\r?\n[ \t]+)?(<[^<>\s]+>)/gim;

/** A parsed header with parameters, as mailparser gives Content-Type. */
function isStructured(value: unknown): value is { value: string; params: Record<string, string | undefined> } {
  if (typeof value !== 'object' || value === null) return false;
  const params: unknown = Reflect.get(value, 'params');
  return typeof Reflect.get(value, 'value') === 'string' && typeof params === 'object' && params !== null;
}

/** The report type of a received email, when it is one of the reports above. */
export function reportTypeOf(mail: ParsedMail): ReportType | null {
  const header: unknown = mail.headers.get('content-type');
  if (!isStructured(header) || header.value.toLowerCase() !== 'multipart/report') return null;
  const type = header.params['report-type']?.toLowerCase();
  return type === 'delivery-status' || type === 'feedback-report' ? type : null;
}

/** `Name: value` fields in blocks separated by blank lines (continuation lines unfolded), names lower-case. */
function fieldBlocks(text: string): Map<string, string>[] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
        const colon = line.indexOf(':');
        if (colon > 0) fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
      }
      return fields;
    })
    .filter((fields) => fields.size > 0);
}

/** `rfc822; Ana@Example.org` → `ana@example.org`. */
function addressOf(value: string | undefined): string | null {
  if (!value) return null;
  const address = (value.includes(';') ? value.slice(value.indexOf(';') + 1) : value).trim().replace(/^<|>$/g, '').toLowerCase();
  return address === '' ? null : address;
}

function messageIdsIn(text: string): string[] {
  return [...text.matchAll(MESSAGE_ID_LINE)].flatMap((match) => (match[1] ? [match[1]] : []));
}

/**
 * The report a received email is, or null when it is not one. `mail` is the message as parsed for
 * recording; the raw message is parsed again keeping the status part apart (mailparser otherwise
 * folds it into the text). The original's Message-ID is looked for in the returned message or
 * headers and, since some servers return the message inline, in the raw report itself.
 */
export async function parseDeliveryReport(raw: Buffer, mail: ParsedMail): Promise<DeliveryReport | null> {
  const type = reportTypeOf(mail);
  if (!type) return null;
  const parsed = await simpleParser(raw, { keepDeliveryStatus: true, skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  const parts = parsed.attachments.map((part) => ({ type: part.contentType.toLowerCase(), text: part.content.toString('utf8') }));
  const own = mail.messageId ? `<${mail.messageId.replace(/^<|>$/g, '')}>` : null;
  const ids = [...parts.filter((part) => ORIGINAL_TYPES.has(part.type)).flatMap((part) => messageIdsIn(part.text)), ...messageIdsIn(raw.toString('latin1'))];
  const originalMessageIds = [...new Set(ids)].filter((id) => id !== own);
  if (type === 'feedback-report') {
    const fields = parts.filter((part) => FEEDBACK_TYPES.has(part.type)).flatMap((part) => fieldBlocks(part.text))[0];
    return { type, originalMessageIds, recipients: [], feedbackType: fields?.get('feedback-type')?.toLowerCase() ?? null };
  }
  // The first block is about the message as a whole (Reporting-MTA); the others are per recipient.
  const recipients = parts
    .filter((part) => STATUS_TYPES.has(part.type))
    .flatMap((part) => fieldBlocks(part.text))
    .filter((fields) => fields.has('action'))
    .map((fields) => ({
      recipient: addressOf(fields.get('final-recipient') ?? fields.get('original-recipient')),
      action: (fields.get('action') ?? '').toLowerCase(),
      status: /^\d\.\d{1,3}\.\d{1,3}/.exec(fields.get('status') ?? '')?.[0] ?? null,
      diagnostic: fields.get('diagnostic-code') ?? null,
    }));
  return { type, originalMessageIds, recipients, feedbackType: null };
}

/** A failure that will not change by trying again: the action failed with a 5.x.x status. */
export function isPermanentFailure(recipient: RecipientStatus): boolean {
  return recipient.action === 'failed' && recipient.status?.startsWith('5.') === true;
}
