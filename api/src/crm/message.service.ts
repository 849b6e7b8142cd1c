import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { Interaction, InteractionDirection, InteractionKind } from '../../../schema/crm/interaction.entity.js';
import { Message, MessageChannel, MessageStatus } from '../../../schema/crm/message.entity.js';
import { newId } from '../../../schema/shared/ids.js';
import { PLATFORM_QUEUES, type TenantJobData } from '../../../workers/queues.js';
import { BadUserInputError, ConflictError, NotFoundError, type FieldProblem } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, placeholders, rowDate, rowText, type Row, type SqlCondition } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import type { App } from '../platform/app.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { smsSegments } from '../platform/sms/sms-segments.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import { contactPointsOf } from './contact-point.service.js';
import type { AttachMessageToContactInput, MessageNode, SendEmailToContactInput, SendSmsToContactInput } from './message.types.js';

/** The CRM's queue for text messages; emails go through the platform's `mailing` queue. */
export const SMS_QUEUE = 'sms';
/** Job name of a person's email on the `mailing` queue (the platform's own emails are `send`). */
export const MESSAGE_EMAIL_JOB = 'crm.message';
export const SMS_JOB = 'send';

/** A queued message: the worker reads everything else from its row. */
export interface MessageJob extends TenantJobData {
  tenantId: string;
  messageId: string;
}

export const SUBJECT_MAX = 300;
/** The timeline's limit for an interaction's text. */
export const EMAIL_BODY_MAX = 20_000;
/** Twilio's limit for one message's body. */
export const SMS_BODY_MAX = 1_600;

const COLUMNS = `${USER_COLUMNS}, c.first_name || coalesce(' ' || c.last_name, '') as contact_name, co.name as customer_name`;
const JOINS = `left join memberships m on m.tenant_id = t.tenant_id and m.user_id = t.created_by_id
  left join users u on u.id = m.user_id
  left join crm_contacts c on c.tenant_id = t.tenant_id and c.id = t.contact_id
  left join crm_customers co on co.tenant_id = t.tenant_id and co.id = t.customer_id`;

function optionalGlobalId(type: string, value: unknown): string | null {
  const id = rowText(value);
  return id ? toGlobalId(type, id) : null;
}

export function messageFromRow(row: Row): MessageNode {
  return {
    id: toGlobalId('Message', String(row.id)),
    channel: String(row.channel) as MessageChannel,
    direction: String(row.direction) as InteractionDirection,
    status: String(row.status) as MessageStatus,
    contactId: optionalGlobalId('Contact', row.contact_id),
    contactName: rowText(row.contact_name),
    customerId: optionalGlobalId('Customer', row.customer_id),
    customerName: rowText(row.customer_name),
    from: rowText(row.from_address),
    to: String(row.to_address),
    subject: rowText(row.subject),
    body: String(row.body),
    segments: row.segments === null || row.segments === undefined ? null : Number(row.segments),
    providerMessageId: rowText(row.provider_message_id),
    inReplyTo: rowText(row.in_reply_to),
    threadKey: rowText(row.thread_key),
    error: rowText(row.error),
    sentAt: row.sent_at === null || row.sent_at === undefined ? null : rowDate(row.sent_at),
    interactionId: optionalGlobalId('Interaction', row.interaction_id),
    sentBy: userFromRow(row),
    createdAt: rowDate(row.created_at),
  };
}

/** Messages by id, or by the interaction they produced (`by: 'interaction_id'`), in one query. */
async function loadMessageNodes(ctx: ServiceContext, ids: readonly string[], by: 'id' | 'interaction_id' = 'id'): Promise<Map<string, MessageNode>> {
  if (ids.length === 0) return new Map();
  const rows = await (await ctx.em()).execute<Row[]>(
    `select t.*, ${COLUMNS} from crm_messages t ${JOINS} where t.tenant_id = ? and t.${by} in (${placeholders(ids.length)}) order by t.created_at, t.id`,
    [ctx.tenantId, ...ids],
  );
  // Ordered oldest first: should two messages name one interaction, the newest wins.
  return new Map(rows.map((row) => [String(row[by]), messageFromRow(row)]));
}

async function messageNode(ctx: ServiceContext, id: string): Promise<MessageNode> {
  const node = (await loadMessageNodes(ctx, [id])).get(id);
  if (!node) throw new NotFoundError('Message');
  return node;
}

export async function getMessage(ctx: ServiceContext, globalId: string): Promise<MessageNode> {
  return messageNode(ctx, fromGlobalId('Message', globalId, ['id']));
}

/** `Interaction.message`: the message behind each interaction of a response, in one query. */
export function messageOfInteractionLoader(ctx: RequestContext): DataLoader<string, MessageNode | null> {
  return ctx.loader('crm.messageOfInteraction', () =>
    new DataLoader<string, MessageNode | null>(async (interactionIds) => {
      const byInteraction = await loadMessageNodes(ctx, interactionIds, 'interaction_id');
      return interactionIds.map((id) => byInteraction.get(id) ?? null);
    }),
  );
}

export interface MessageListArgs {
  first?: number | null;
  after?: string | null;
  contactId?: string | null;
  customerId?: string | null;
  unmatched?: boolean | null;
  channel?: MessageChannel | null;
}

/** Messages, newest first: a person's, a customer's, the inbound emails nobody was found for, or all. */
export async function listMessages(ctx: ServiceContext, args: MessageListArgs): Promise<ConnectionResult<MessageNode>> {
  const conditions: SqlCondition[] = [];
  if (args.contactId) conditions.push({ sql: 't.contact_id = ?', params: [fromGlobalId('Contact', args.contactId, ['contactId'])] });
  if (args.customerId) conditions.push({ sql: 't.customer_id = ?', params: [fromGlobalId('Customer', args.customerId, ['customerId'])] });
  if (args.unmatched === true) conditions.push({ sql: `t.contact_id is null and t.direction = 'INBOUND'`, params: [] });
  if (args.unmatched === false) conditions.push({ sql: 't.contact_id is not null', params: [] });
  if (args.channel) conditions.push({ sql: 't.channel = ?', params: [args.channel] });
  return keysetPage(await ctx.em(), {
    table: 'crm_messages',
    extraColumns: COLUMNS,
    joins: JOINS,
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: messageFromRow,
  });
}

// ---------------------------------------------------------------------------------------------
// Sending

interface ContactRow {
  id: string;
  customer_id: string | null;
  email_consent: ConsentStatus;
  sms_consent: ConsentStatus;
}

async function findContact(ctx: ServiceContext, em: EntityManager, globalId: string, path: string[]): Promise<ContactRow> {
  const id = fromGlobalId('Contact', globalId, path);
  const rows = await em.execute<ContactRow[]>('select id, customer_id, email_consent, sms_consent from crm_contacts where tenant_id = ? and id = ?', [ctx.tenantId, id]);
  const contact = rows[0];
  if (!contact) throw new NotFoundError('Contact');
  return contact;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- a subject is one header line
const LINE_BREAK_OR_CONTROL = /[\u0000-\u001f\u007f]/;

/** A required text's problem, if any: empty, too long, or carrying control characters (or, for one line, breaks). */
function textProblem(value: string, path: string[], max: number, oneLine = false): FieldProblem | null {
  const trimmed = value.trim();
  if (trimmed === '') return { path, message: 'must not be empty', reason: 'REQUIRED' };
  if (trimmed.length > max) return { path, message: `must be at most ${max} characters (got ${trimmed.length})`, reason: 'TOO_LONG', params: { max } };
  if ((oneLine ? LINE_BREAK_OR_CONTROL : CONTROL).test(trimmed)) return { path, message: oneLine ? 'must be one line of text' : 'must not contain control characters', reason: 'INVALID' };
  return null;
}

/** The recipient: the one asked for, which must be one of the person's, or their main one. */
function recipient(available: string[], asked: string | null | undefined, channel: MessageChannel, problems: FieldProblem[]): string | null {
  const noun = channel === MessageChannel.EMAIL ? 'email address' : 'phone number';
  if (available.length === 0) {
    problems.push({ path: ['input', 'contactId'], message: `the person has no ${noun}`, reason: 'NO_ADDRESS' });
    return null;
  }
  if (asked === undefined || asked === null) return available[0] ?? null;
  const wanted = channel === MessageChannel.EMAIL ? asked.toLowerCase() : asked;
  if (!available.includes(wanted)) {
    problems.push({ path: ['input', 'to'], message: `is not one of the person's ${noun}s`, reason: 'NOT_CONTACT_ADDRESS' });
    return null;
  }
  return wanted;
}

/** One-to-one messages honour a refusal too: a message to someone who said no is still a complaint. */
function consentProblem(status: ConsentStatus, channel: MessageChannel): FieldProblem | null {
  if (status !== ConsentStatus.DENIED) return null;
  return { path: ['input', 'contactId'], message: `the person refused ${channel === MessageChannel.EMAIL ? 'email' : 'SMS'}`, reason: 'NO_CONSENT' };
}

/** The address part of "Name <address>" (MAIL_FROM), or the whole value. */
export function mailAddress(mailbox: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(mailbox)?.[1] ?? mailbox).trim().toLowerCase();
}

/** A Message-ID of our own, in the sender's domain, so replies can be threaded back to it. */
export function newMessageId(mailFrom: string): string {
  const domain = mailAddress(mailFrom).split('@')[1] || 'kontor.localhost';
  return `<${newId()}@${domain}>`;
}

/** Queues the message's job; a fixed job id, so queueing it again never sends it twice. */
export async function enqueueMessage(app: App, tenantId: string, messageId: string, channel: MessageChannel): Promise<void> {
  const data: MessageJob = { tenantId, messageId };
  if (channel === MessageChannel.EMAIL) await app.jobs.add(PLATFORM_QUEUES.mailing, MESSAGE_EMAIL_JOB, data, { jobId: `message-${messageId}` });
  else await app.jobs.add(SMS_QUEUE, SMS_JOB, data, { jobId: `message-${messageId}` });
}

/**
 * The timeline record of a message, written with it: in the same transaction, so there is never a
 * message without its interaction, nor the other way round.
 */
function interactionFor(ctx: ServiceContext, em: EntityManager, fields: { kind: InteractionKind; direction: InteractionDirection; occurredAt: Date; subject: string | null; body: string; contactId: string; customerId: string | null }): Interaction {
  const interaction = em.create(Interaction, { tenantId: ctx.tenantId, ...fields, createdById: ctx.principal?.userId ?? null });
  em.persist(interaction);
  return interaction;
}

/**
 * Emails a person: the message (QUEUED) and its interaction are written in the request's transaction,
 * and the job is queued once they are committed. The email carries a Message-ID made here, so replies
 * (In-Reply-To / References) find it.
 */
export async function sendEmailToContact(ctx: RequestContext, input: SendEmailToContactInput): Promise<MessageNode> {
  const em = await ctx.em();
  const contact = await findContact(ctx, em, input.contactId, ['input', 'contactId']);
  const points = await contactPointsOf(ctx, contact.id);
  const problems: FieldProblem[] = [];
  const to = recipient(points.emails.map((p) => p.value), input.to, MessageChannel.EMAIL, problems);
  const consent = consentProblem(contact.email_consent, MessageChannel.EMAIL);
  if (consent) problems.push(consent);
  const subjectProblem = textProblem(input.subject, ['input', 'subject'], SUBJECT_MAX, true);
  if (subjectProblem) problems.push(subjectProblem);
  const bodyProblem = textProblem(input.body, ['input', 'body'], EMAIL_BODY_MAX);
  if (bodyProblem) problems.push(bodyProblem);

  let parent: Message | null = null;
  if (input.inReplyToMessageId) {
    parent = await em.findOne(Message, { tenantId: ctx.tenantId, id: fromGlobalId('Message', input.inReplyToMessageId, ['input', 'inReplyToMessageId']) });
    if (!parent) throw new NotFoundError('Message');
    if (parent.channel !== MessageChannel.EMAIL || !parent.providerMessageId) {
      problems.push({ path: ['input', 'inReplyToMessageId'], message: 'is not an email', reason: 'INVALID' });
    } else if (parent.contactId !== contact.id) {
      problems.push({ path: ['input', 'inReplyToMessageId'], message: "is not one of the person's emails", reason: 'MESSAGE_NOT_OF_CONTACT' });
    }
  }
  if (problems.length > 0 || !to) throw new BadUserInputError(problems);

  const subject = input.subject.trim();
  const body = input.body.trim();
  const interaction = interactionFor(ctx, em, { kind: InteractionKind.EMAIL, direction: InteractionDirection.OUTBOUND, occurredAt: new Date(), subject, body, contactId: contact.id, customerId: contact.customer_id });
  const providerMessageId = newMessageId(ctx.app.config.mailFrom);
  const message = em.create(Message, {
    tenantId: ctx.tenantId,
    channel: MessageChannel.EMAIL,
    direction: InteractionDirection.OUTBOUND,
    status: MessageStatus.QUEUED,
    contactId: contact.id,
    customerId: contact.customer_id,
    fromAddress: mailAddress(ctx.app.config.mailFrom),
    toAddress: to,
    subject,
    body,
    providerMessageId,
    inReplyTo: parent?.providerMessageId ?? null,
    // A reply joins its conversation; a new email starts one, named after itself.
    threadKey: parent ? (parent.threadKey ?? parent.providerMessageId) : providerMessageId,
    interactionId: interaction.id,
    createdById: ctx.principal?.userId ?? null,
  });
  em.persist(message);
  await em.flush();
  const { app, tenantId } = ctx;
  ctx.afterCommit(() => enqueueMessage(app, tenantId, message.id, MessageChannel.EMAIL));
  return messageNode(ctx, message.id);
}

/** Texts a person: like an email, with the segments it costs counted and kept. */
export async function sendSmsToContact(ctx: RequestContext, input: SendSmsToContactInput): Promise<MessageNode> {
  const em = await ctx.em();
  const contact = await findContact(ctx, em, input.contactId, ['input', 'contactId']);
  const points = await contactPointsOf(ctx, contact.id);
  const problems: FieldProblem[] = [];
  const to = recipient(points.phones.map((p) => p.value), input.to, MessageChannel.SMS, problems);
  const consent = consentProblem(contact.sms_consent, MessageChannel.SMS);
  if (consent) problems.push(consent);
  const bodyProblem = textProblem(input.body, ['input', 'body'], SMS_BODY_MAX);
  if (bodyProblem) problems.push(bodyProblem);
  if (problems.length > 0 || !to) throw new BadUserInputError(problems);

  const body = input.body.trim();
  const interaction = interactionFor(ctx, em, { kind: InteractionKind.SMS, direction: InteractionDirection.OUTBOUND, occurredAt: new Date(), subject: null, body, contactId: contact.id, customerId: contact.customer_id });
  const message = em.create(Message, {
    tenantId: ctx.tenantId,
    channel: MessageChannel.SMS,
    direction: InteractionDirection.OUTBOUND,
    status: MessageStatus.QUEUED,
    contactId: contact.id,
    customerId: contact.customer_id,
    fromAddress: ctx.app.config.twilio?.from ?? null,
    toAddress: to,
    body,
    segments: smsSegments(body).segments,
    interactionId: interaction.id,
    createdById: ctx.principal?.userId ?? null,
  });
  em.persist(message);
  await em.flush();
  const { app, tenantId } = ctx;
  ctx.afterCommit(() => enqueueMessage(app, tenantId, message.id, MessageChannel.SMS));
  return messageNode(ctx, message.id);
}

/**
 * Gives an inbound email from an unknown sender its person: the message joins their history (an
 * INBOUND EMAIL interaction, dated when it was sent) and their customer's.
 */
export async function attachMessageToContact(ctx: ServiceContext, input: AttachMessageToContactInput): Promise<MessageNode> {
  const em = await ctx.em();
  const message = await em.findOne(Message, { tenantId: ctx.tenantId, id: fromGlobalId('Message', input.messageId, ['input', 'messageId']) });
  if (!message) throw new NotFoundError('Message');
  const contact = await findContact(ctx, em, input.contactId, ['input', 'contactId']);
  if (message.direction !== InteractionDirection.INBOUND) {
    throw BadUserInputError.field(['input', 'messageId'], 'only a received email can be attached to a person', 'INVALID');
  }
  if (message.contactId) throw new ConflictError('The message already belongs to a person', ['input', 'messageId'], 'ALREADY_ATTACHED');
  const interaction = interactionFor(ctx, em, {
    kind: message.channel === MessageChannel.EMAIL ? InteractionKind.EMAIL : InteractionKind.SMS,
    direction: InteractionDirection.INBOUND,
    occurredAt: message.sentAt ?? message.createdAt,
    subject: message.subject ?? null,
    body: message.body.slice(0, EMAIL_BODY_MAX),
    contactId: contact.id,
    customerId: contact.customer_id,
  });
  message.contactId = contact.id;
  message.customerId = contact.customer_id;
  message.interactionId = interaction.id;
  await em.flush();
  return messageNode(ctx, message.id);
}
