import { ref } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { ConsentChannel, ConsentEvent, ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetFirstPages, keysetPage, likePattern, placeholders, rowDate, rowText, type KeysetQuery, type Row, type SqlCondition, type SortKey } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { addressFromRow, checkAddress, toAddressNode } from '../platform/address/address.service.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { ownerFromInput } from '../platform/users/member-ref.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import { contactPointsOf, replaceContactPoints, resolveContactPoints } from './contact-point.service.js';
import { positionId } from './position.service.js';
import { CustomFieldEntity } from '../../../schema/crm/custom-field.entity.js';
import { SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { publishEvent } from '../platform/events/event-bus.js';
import { requireFeature } from '../platform/modules/feature-switch.js';
import { customFieldConditions, customFieldSort, customValuesFor, customValuesOf } from './custom-field.service.js';
import { customerConditions, getCustomerEntity } from './customer.service.js';
import { segmentFilter } from './segment-filter.js';
import { checkTags, tagsCondition } from './tags.js';
import {
  ContactOrderField,
  type ConsentEventNode,
  type ContactFilter,
  type ContactNode,
  type ContactOrder,
  type CreateContactInput,
  type SetContactConsentInput,
  type UpdateContactInput,
} from './contact.types.js';

export function toContactNode(contact: Contact): ContactNode {
  return {
    id: toGlobalId('Contact', contact.id),
    uuid: contact.id,
    customerUuid: contact.customer?.id ?? null,
    positionUuid: contact.positionId ?? null,
    ownerUuid: contact.ownerId ?? null,
    firstName: contact.firstName,
    lastName: contact.lastName ?? null,
    fullName: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    address: toAddressNode(contact.address),
    emailConsent: contact.emailConsent,
    smsConsent: contact.smsConsent,
    tags: contact.tags,
    customValues: contact.customFields,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}

function contactNodeFromRow(row: Row): ContactNode {
  const firstName = String(row.first_name);
  const lastName = rowText(row.last_name);
  return {
    id: toGlobalId('Contact', String(row.id)),
    uuid: String(row.id),
    customerUuid: rowText(row.customer_id),
    positionUuid: rowText(row.position_id),
    ownerUuid: rowText(row.owner_id),
    firstName,
    lastName,
    fullName: lastName ? `${firstName} ${lastName}` : firstName,
    email: rowText(row.email),
    phone: rowText(row.phone),
    address: addressFromRow(row, 'address_'),
    emailConsent: String(row.email_consent) as ConsentStatus,
    smsConsent: String(row.sms_consent) as ConsentStatus,
    tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
    customValues: customValuesOf(row.custom_fields),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

const NAME_EXPR = `lower(t.first_name || ' ' || coalesce(t.last_name, ''))`;
const SORT: Record<Exclude<ContactOrderField, ContactOrderField.CUSTOM_FIELD>, SortKey> = {
  [ContactOrderField.NAME]: { name: 'NAME', expr: NAME_EXPR, cast: 'text' },
  [ContactOrderField.EMAIL]: { name: 'EMAIL', expr: `coalesce(t.email, '')`, cast: 'text' },
  [ContactOrderField.CREATED_AT]: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
  [ContactOrderField.UPDATED_AT]: { name: 'UPDATED_AT', expr: 't.updated_at', cast: 'timestamptz' },
};

/** The text that `search` looks in; an index in the migration covers exactly this expression. */
export const CONTACT_SEARCH_EXPR = `(t.first_name || ' ' || coalesce(t.last_name, '') || ' ' || coalesce(t.email, '') || ' ' || coalesce(t.phone, ''))`;

export async function getContact(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<Contact> {
  const id = fromGlobalId('Contact', globalId, path);
  const contact = await (await ctx.em()).findOne(Contact, { tenantId: ctx.tenantId, id });
  if (!contact) throw new NotFoundError('Contact');
  return contact;
}

const LAST_INTERACTION = `(select max(i.occurred_at) from crm_interactions i where i.tenant_id = t.tenant_id and i.contact_id = t.id)`;

/**
 * The SQL of a contact filter over alias `t` (lists, segments, audiences). `path` names the filter
 * in errors: ['filter'] for a list, ['input', 'contactFilter'] for a segment.
 */
export async function contactConditions(ctx: ServiceContext, filter: ContactFilter | null | undefined, path: string[]): Promise<SqlCondition[]> {
  const conditions: SqlCondition[] = [];
  if (!filter) return conditions;
  const search = filter.search?.trim();
  if (search) {
    // A phone typed with spaces or dashes still finds the E.164 number.
    const digits = search.replace(/[\s().-]/g, '');
    conditions.push(
      /\d/.test(digits)
        ? { sql: `${CONTACT_SEARCH_EXPR} ilike ? or t.phone like ?`, params: [likePattern(search), likePattern(digits)] }
        : { sql: `${CONTACT_SEARCH_EXPR} ilike ?`, params: [likePattern(search)] },
    );
  }
  if (filter.customerId) conditions.push({ sql: 't.customer_id = ?', params: [fromGlobalId('Customer', filter.customerId, [...path, 'customerId'])] });
  if (filter.positionId) conditions.push({ sql: 't.position_id = ?', params: [fromGlobalId('Position', filter.positionId, [...path, 'positionId'])] });
  if (filter.email) {
    conditions.push({
      sql: `exists (select 1 from crm_contact_points p where p.tenant_id = t.tenant_id and p.contact_id = t.id and p.channel = 'EMAIL' and p.value = ?)`,
      params: [filter.email.toLowerCase()],
    });
  }
  if (filter.hasEmail !== undefined && filter.hasEmail !== null) conditions.push({ sql: filter.hasEmail ? 't.email is not null' : 't.email is null', params: [] });
  if (filter.tags?.length) conditions.push(tagsCondition('t.tags', filter.tags));
  if (filter.emailConsent) conditions.push({ sql: 't.email_consent = ?', params: [filter.emailConsent] });
  if (filter.smsConsent) conditions.push({ sql: 't.sms_consent = ?', params: [filter.smsConsent] });
  if (filter.createdAfter) conditions.push({ sql: 't.created_at >= ?', params: [filter.createdAfter] });
  if (filter.createdBefore) conditions.push({ sql: 't.created_at < ?', params: [filter.createdBefore] });
  if (filter.lastInteractionAfter) conditions.push({ sql: `${LAST_INTERACTION} >= ?`, params: [filter.lastInteractionAfter] });
  if (filter.lastInteractionBefore) conditions.push({ sql: `${LAST_INTERACTION} < ?`, params: [filter.lastInteractionBefore] });
  if (filter.hasInteractions !== undefined && filter.hasInteractions !== null) {
    conditions.push({ sql: `${filter.hasInteractions ? '' : 'not '}exists (select 1 from crm_interactions i where i.tenant_id = t.tenant_id and i.contact_id = t.id)`, params: [] });
  }
  if (filter.customFields?.length) {
    requireFeature(ctx, 'CRM.customFields');
    conditions.push(...(await customFieldConditions(ctx, CustomFieldEntity.CONTACT, filter.customFields, [...path, 'customFields'])));
  }
  if (filter.customer) {
    const inner = await customerConditions(ctx, filter.customer, [...path, 'customer']);
    // Inside the subquery `t` is the customer: the customer conditions read it unchanged.
    conditions.push({
      sql: `t.customer_id in (select t.id from crm_customers t where t.tenant_id = ?${inner.map((c) => ` and (${c.sql})`).join('')})`,
      params: [ctx.tenantId, ...inner.flatMap((c) => c.params)],
    });
  }
  if (filter.segmentId) {
    requireFeature(ctx, 'CRM.segments');
    const saved = await segmentFilter<ContactFilter>(ctx, filter.segmentId, SegmentEntity.CONTACT, [...path, 'segmentId']);
    conditions.push(...(await contactConditions(ctx, { ...saved, segmentId: undefined }, [...path, 'segmentId'])));
  }
  return conditions;
}

async function contactSort(ctx: ServiceContext, orderBy: ContactOrder | null | undefined): Promise<SortKey> {
  const field = orderBy?.field ?? ContactOrderField.CREATED_AT;
  if (field !== ContactOrderField.CUSTOM_FIELD) return SORT[field];
  requireFeature(ctx, 'CRM.customFields');
  return customFieldSort(ctx, CustomFieldEntity.CONTACT, orderBy?.customFieldKey, ['orderBy', 'customFieldKey']);
}

export async function listContacts(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter?: ContactFilter | null; orderBy?: ContactOrder | null },
): Promise<ConnectionResult<ContactNode>> {
  const conditions = await contactConditions(ctx, args.filter, ['filter']);
  return keysetPage(await ctx.em(), contactQuery(ctx, conditions, args, await contactSort(ctx, args.orderBy)));
}

export function contactQuery(
  ctx: ServiceContext,
  conditions: SqlCondition[],
  args: { first?: number | null; after?: string | null; orderBy?: ContactOrder | null },
  sort: SortKey = SORT[ContactOrderField.CREATED_AT],
): KeysetQuery<ContactNode> {
  return {
    table: 'crm_contacts',
    tenantId: ctx.tenantId,
    conditions,
    sort,
    direction: args.orderBy?.direction ?? OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: contactNodeFromRow,
  };
}

/**
 * `customer.contacts` for every customer of a response in one query (per page size). A page after a
 * cursor is rare in nested lists and runs on its own.
 */
export function customerContactsLoader(ctx: RequestContext, first: number | null | undefined): DataLoader<string, ConnectionResult<ContactNode>> {
  const size = pageSize(first);
  return ctx.loader(`crm.customerContacts:${size}`, () =>
    new DataLoader<string, ConnectionResult<ContactNode>>(async (customerIds) => {
      const pages = await keysetFirstPages(await ctx.em(), contactQuery(ctx, [], { first: size }), { column: 'customer_id', keys: customerIds });
      return customerIds.map((id) => pages.get(id) ?? new Error(`no page for customer ${id}`));
    }),
  );
}


/** Sets a consent and records the change in the history; `source` says how (a form, "double opt-in", "SMS STOP"...). */
export async function logConsent(ctx: ServiceContext, contact: Contact, channel: ConsentChannel, status: ConsentStatus, source: string): Promise<void> {
  if (channel === ConsentChannel.EMAIL) contact.emailConsent = status;
  else contact.smsConsent = status;
  (await ctx.em()).create(ConsentEvent, { tenantId: ctx.tenantId, contactId: contact.id, channel, status, source, occurredAt: new Date(), recordedById: ctx.principal?.userId ?? null });
}

export async function createContact(ctx: ServiceContext, input: CreateContactInput): Promise<ContactNode> {
  const em = await ctx.em();
  const points = resolveContactPoints(input, { emails: [], phones: [] });
  const contact = em.create(Contact, {
    tenantId: ctx.tenantId,
    firstName: checkText(input.firstName, ['input', 'firstName'], 200),
    lastName: checkOptionalText(input.lastName, ['input', 'lastName'], 200),
    positionId: input.positionId ? await positionId(ctx, input.positionId, ['input', 'positionId']) : null,
    ownerId: (await ownerFromInput(ctx, input.ownerId, ['input', 'ownerId'])) ?? (input.ownerId === null ? null : (ctx.principal?.userId ?? null)),
    customer: input.customerId ? ref(await getCustomerEntity(ctx, input.customerId, ['input', 'customerId'])) : null,
    address: checkAddress(input.address ?? null, ['input', 'address']),
    tags: checkTags(input.tags, ['input', 'tags']),
  });
  await replaceContactPoints(ctx, em, contact, points);
  contact.customFields = await customValuesFor(ctx, CustomFieldEntity.CONTACT, {}, input.customFields, true);
  const wantsConsent = [input.emailConsent, input.smsConsent].some((status) => status && status !== ConsentStatus.UNKNOWN);
  const source = checkOptionalText(input.consentSource, ['input', 'consentSource'], 200);
  if (wantsConsent && !source) throw BadUserInputError.field(['input', 'consentSource'], 'say how the consent was given', 'REQUIRED');
  if (source && input.emailConsent) await logConsent(ctx, contact, ConsentChannel.EMAIL, input.emailConsent, source);
  if (source && input.smsConsent) await logConsent(ctx, contact, ConsentChannel.SMS, input.smsConsent, source);
  await em.flush();
  publishEvent(ctx, { kind: 'CONTACT_CREATED', contactId: contact.id });
  return toContactNode(contact);
}

export async function updateContact(ctx: ServiceContext, input: UpdateContactInput): Promise<ContactNode> {
  const contact = await getContact(ctx, input.id, ['input', 'id']);
  const em = await ctx.em();
  if (input.firstName !== undefined) {
    if (input.firstName === null) throw BadUserInputError.field(['input', 'firstName'], 'must not be empty', 'REQUIRED');
    contact.firstName = checkText(input.firstName, ['input', 'firstName'], 200);
  }
  if (input.lastName !== undefined) contact.lastName = checkOptionalText(input.lastName, ['input', 'lastName'], 200);
  if ([input.email, input.phone, input.emails, input.phones].some((value) => value !== undefined)) {
    await replaceContactPoints(ctx, em, contact, resolveContactPoints(input, await contactPointsOf(ctx, contact.id)));
  }
  if (input.positionId !== undefined) contact.positionId = input.positionId ? await positionId(ctx, input.positionId, ['input', 'positionId']) : null;
  if (input.ownerId !== undefined) contact.ownerId = (await ownerFromInput(ctx, input.ownerId, ['input', 'ownerId'])) ?? null;
  if (input.customerId !== undefined) contact.customer = input.customerId ? ref(await getCustomerEntity(ctx, input.customerId, ['input', 'customerId'])) : null;
  if (input.address !== undefined) contact.address = checkAddress(input.address, ['input', 'address']);
  if (input.tags !== undefined) contact.tags = checkTags(input.tags, ['input', 'tags']);
  if (input.customFields) contact.customFields = await customValuesFor(ctx, CustomFieldEntity.CONTACT, contact.customFields, input.customFields, false);
  await em.flush();
  return toContactNode(contact);
}

/** A consent change, kept in the history with its source and the member who recorded it. */
export async function setContactConsent(ctx: ServiceContext, input: SetContactConsentInput): Promise<ContactNode> {
  const contact = await getContact(ctx, input.contactId, ['input', 'contactId']);
  const source = checkText(input.source, ['input', 'source'], 200);
  await logConsent(ctx, contact, input.channel, input.status, source);
  await (await ctx.em()).flush();
  return toContactNode(contact);
}

/** Newest first; a person's consent changes rarely, so the whole history is one list. */
export async function consentHistory(ctx: ServiceContext, contactUuid: string): Promise<ConsentEventNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select e.*, ${USER_COLUMNS} from crm_consent_events e left join users u on u.id = e.recorded_by_id
      where e.tenant_id = ? and e.contact_id = ? order by e.occurred_at desc, e.id desc limit 500`,
    [ctx.tenantId, contactUuid],
  );
  return rows.map((row) => ({
    channel: String(row.channel) as ConsentChannel,
    status: String(row.status) as ConsentStatus,
    source: String(row.source),
    occurredAt: rowDate(row.occurred_at),
    recordedBy: userFromRow(row),
  }));
}

export async function deleteContact(ctx: ServiceContext, globalId: string): Promise<string> {
  const contact = await getContact(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  // Tasks about the person stay, about nobody in particular.
  await em.execute(`update crm_tasks set subject_type = null, subject_id = null, updated_at = now() where tenant_id = ? and subject_type = 'CONTACT' and subject_id = ?`, [ctx.tenantId, contact.id]);
  em.remove(contact);
  await em.flush();
  return globalId;
}

/** Contacts by database id, for nodes that point at a person. */
export async function contactsByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, ContactNode>> {
  if (ids.length === 0) return new Map();
  const rows = await (await ctx.em()).execute<Row[]>(`select * from crm_contacts t where t.tenant_id = ? and t.id in (${placeholders(ids.length)})`, [ctx.tenantId, ...ids]);
  return new Map(rows.map((row) => [String(row.id), contactNodeFromRow(row)]));
}

/** Batches every person a response points at (a deal's, an attendance's) into one query. */
export function contactLoader(ctx: RequestContext): DataLoader<string, ContactNode | null> {
  return ctx.loader('crm.contact', () =>
    new DataLoader<string, ContactNode | null>(async (ids) => {
      const byId = await contactsByIds(ctx, ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
