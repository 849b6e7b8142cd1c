import DataLoader from 'dataloader';
import { Customer } from '../../../schema/crm/customer.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, likePattern, placeholders, rowDate, rowText, uuidArray, type Row, type SqlCondition, type SortKey } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { addressFromRow, checkAddress } from '../platform/address/address.service.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { ownerFromInput } from '../platform/users/member-ref.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import { CustomFieldEntity } from '../../../schema/crm/custom-field.entity.js';
import { SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { requireFeature } from '../platform/modules/feature-switch.js';
import { customFieldConditions, customFieldSort, customValuesFor, customValuesOf } from './custom-field.service.js';
import { segmentFilter } from './segment-filter.js';
import { deleteCustomerDeals } from './deal.service.js';
import { checkTags, tagsCondition } from './tags.js';
import {
  CustomerOrderField,
  type CreateCustomerInput,
  type CustomerFilter,
  type CustomerNode,
  type CustomerOrder,
  type CustomerSourceInput,
  type UpdateCustomerInput,
} from './customer.types.js';
import type { CustomerKind, LifecycleStage, SourceChannel } from '../../../schema/crm/customer.entity.js';

/**
 * The columns every customer read selects besides `t.*`: the owner (only while still a member:
 * a former member owns nothing) and the referrer's name.
 */
const EXTRA_COLUMNS = `${USER_COLUMNS}, r.name as referrer_name`;
const JOINS = `left join memberships om on om.tenant_id = t.tenant_id and om.user_id = t.owner_id
  left join users u on u.id = om.user_id
  left join crm_customers r on r.tenant_id = t.tenant_id and r.id = t.referred_by_id`;

function customerNodeFromRow(row: Row): CustomerNode {
  const id = String(row.id);
  const referrerId = rowText(row.referred_by_id);
  const referrerName = rowText(row.referrer_name);
  return {
    id: toGlobalId('Customer', id),
    uuid: id,
    kind: String(row.kind) as CustomerKind,
    name: String(row.name),
    lifecycleStage: String(row.lifecycle_stage) as LifecycleStage,
    domain: rowText(row.domain),
    email: rowText(row.email),
    phone: rowText(row.phone),
    owner: userFromRow(row),
    address: addressFromRow(row, 'address_'),
    source: {
      channel: rowText(row.source_channel) as SourceChannel | null,
      utmSource: rowText(row.utm_source),
      utmMedium: rowText(row.utm_medium),
      utmCampaign: rowText(row.utm_campaign),
      referredBy: referrerId && referrerName !== null ? { id: toGlobalId('Customer', referrerId), name: referrerName } : null,
    },
    tags: Array.isArray(row.tags) ? row.tags.map(String) : [],
    customValues: customValuesOf(row.custom_fields),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

/** Customers by database id, in one query. */
export async function customersByIds(ctx: ServiceContext, ids: readonly string[]): Promise<Map<string, CustomerNode>> {
  if (ids.length === 0) return new Map();
  // One array parameter, not one per id: the statement's text (and its planning) stays the same for any page.
  const rows = await (await ctx.em()).execute<Row[]>(`select t.*, ${EXTRA_COLUMNS} from crm_customers t ${JOINS} where t.tenant_id = ? and t.id = any(?::uuid[])`, [
    ctx.tenantId,
    uuidArray(ids),
  ]);
  return new Map(rows.map((row) => [String(row.id), customerNodeFromRow(row)]));
}

const SORT: Record<Exclude<CustomerOrderField, CustomerOrderField.CUSTOM_FIELD>, SortKey> = {
  [CustomerOrderField.NAME]: { name: 'NAME', expr: 'lower(t.name)', cast: 'text' },
  [CustomerOrderField.CREATED_AT]: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
  [CustomerOrderField.UPDATED_AT]: { name: 'UPDATED_AT', expr: 't.updated_at', cast: 'timestamptz' },
};

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function cleanDomain(value: string | null | undefined, path: string[]): string | null {
  if (value === undefined || value === null) return null;
  const domain = value.trim().toLowerCase();
  if (domain === '') return null;
  if (!DOMAIN.test(domain)) throw BadUserInputError.field(path, 'is not a domain name such as example.com', 'INVALID_DOMAIN');
  return domain;
}

/** The customer entity, for changes; NOT_FOUND when it is not this tenant's. */
export async function getCustomerEntity(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<Customer> {
  const id = fromGlobalId('Customer', globalId, path);
  const customer = await (await ctx.em()).findOne(Customer, { tenantId: ctx.tenantId, id });
  if (!customer) throw new NotFoundError('Customer');
  return customer;
}

export async function getCustomer(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<CustomerNode> {
  const id = fromGlobalId('Customer', globalId, path);
  const node = (await customersByIds(ctx, [id])).get(id);
  if (!node) throw new NotFoundError('Customer');
  return node;
}

/** Interactions with the customer or its people, for the "last interaction" conditions. */
const LAST_INTERACTION = `(select max(i.occurred_at) from crm_interactions i where i.tenant_id = t.tenant_id and i.customer_id = t.id)`;

/**
 * The SQL of a customer filter over alias `t` (lists, segments, a contact's customer). `path` names
 * the filter in errors: ['filter'] for a list, ['input', 'customerFilter'] for a segment.
 */
export async function customerConditions(ctx: ServiceContext, filter: CustomerFilter | null | undefined, path: string[]): Promise<SqlCondition[]> {
  const conditions: SqlCondition[] = [];
  if (!filter) return conditions;
  const search = filter.search?.trim();
  if (search) {
    conditions.push({
      sql: `(t.name || ' ' || coalesce(t.domain, '') || ' ' || coalesce(t.email, '') || ' ' || coalesce(t.phone, '')) ilike ?`,
      params: [likePattern(search)],
    });
  }
  if (filter.kinds?.length) conditions.push({ sql: `t.kind in (${placeholders(filter.kinds.length)})`, params: filter.kinds });
  if (filter.lifecycleStages?.length) conditions.push({ sql: `t.lifecycle_stage in (${placeholders(filter.lifecycleStages.length)})`, params: filter.lifecycleStages });
  if (filter.sourceChannels?.length) conditions.push({ sql: `t.source_channel in (${placeholders(filter.sourceChannels.length)})`, params: filter.sourceChannels });
  if (filter.ownerId) conditions.push({ sql: 't.owner_id = ?', params: [fromGlobalId('User', filter.ownerId, [...path, 'ownerId'])] });
  if (filter.unowned === true) conditions.push({ sql: 't.owner_id is null', params: [] });
  if (filter.unowned === false) conditions.push({ sql: 't.owner_id is not null', params: [] });
  if (filter.tags?.length) conditions.push(tagsCondition('t.tags', filter.tags));
  if (filter.country) conditions.push({ sql: 't.address_country = ?', params: [filter.country.trim().toUpperCase()] });
  if (filter.createdAfter) conditions.push({ sql: 't.created_at >= ?', params: [filter.createdAfter] });
  if (filter.createdBefore) conditions.push({ sql: 't.created_at < ?', params: [filter.createdBefore] });
  if (filter.lastInteractionAfter) conditions.push({ sql: `${LAST_INTERACTION} >= ?`, params: [filter.lastInteractionAfter] });
  if (filter.lastInteractionBefore) conditions.push({ sql: `${LAST_INTERACTION} < ?`, params: [filter.lastInteractionBefore] });
  if (filter.hasInteractions !== undefined && filter.hasInteractions !== null) {
    conditions.push({ sql: `${filter.hasInteractions ? '' : 'not '}exists (select 1 from crm_interactions i where i.tenant_id = t.tenant_id and i.customer_id = t.id)`, params: [] });
  }
  if (filter.customFields?.length) {
    requireFeature(ctx, 'CRM.customFields');
    conditions.push(...(await customFieldConditions(ctx, CustomFieldEntity.CUSTOMER, filter.customFields, [...path, 'customFields'])));
  }
  if (filter.segmentId) {
    requireFeature(ctx, 'CRM.segments');
    const saved = await segmentFilter<CustomerFilter>(ctx, filter.segmentId, SegmentEntity.CUSTOMER, [...path, 'segmentId']);
    conditions.push(...(await customerConditions(ctx, { ...saved, segmentId: undefined }, [...path, 'segmentId'])));
  }
  return conditions;
}

async function customerSort(ctx: ServiceContext, orderBy: CustomerOrder | null | undefined): Promise<SortKey> {
  const field = orderBy?.field ?? CustomerOrderField.NAME;
  if (field !== CustomerOrderField.CUSTOM_FIELD) return SORT[field];
  requireFeature(ctx, 'CRM.customFields');
  return customFieldSort(ctx, CustomFieldEntity.CUSTOMER, orderBy?.customFieldKey, ['orderBy', 'customFieldKey']);
}

export async function listCustomers(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter?: CustomerFilter | null; orderBy?: CustomerOrder | null },
): Promise<ConnectionResult<CustomerNode>> {
  return keysetPage(await ctx.em(), {
    table: 'crm_customers',
    extraColumns: EXTRA_COLUMNS,
    joins: JOINS,
    tenantId: ctx.tenantId,
    conditions: await customerConditions(ctx, args.filter, ['filter']),
    sort: await customerSort(ctx, args.orderBy),
    direction: args.orderBy?.direction ?? OrderDirection.ASC,
    first: pageSize(args.first),
    after: args.after,
    toNode: customerNodeFromRow,
  });
}

async function applySource(ctx: ServiceContext, customer: Customer, source: CustomerSourceInput | null): Promise<void> {
  const path = ['input', 'source'];
  customer.sourceChannel = source?.channel ?? null;
  customer.utmSource = checkOptionalText(source?.utmSource, [...path, 'utmSource'], 200);
  customer.utmMedium = checkOptionalText(source?.utmMedium, [...path, 'utmMedium'], 200);
  customer.utmCampaign = checkOptionalText(source?.utmCampaign, [...path, 'utmCampaign'], 200);
  customer.referredById = null;
  if (source?.referredById) {
    const referrer = await getCustomerEntity(ctx, source.referredById, [...path, 'referredById']);
    if (referrer.id === customer.id) throw BadUserInputError.field([...path, 'referredById'], 'a customer cannot refer itself', 'INVALID');
    customer.referredById = referrer.id;
  }
}

export async function createCustomer(ctx: ServiceContext, input: CreateCustomerInput): Promise<CustomerNode> {
  const em = await ctx.em();
  const customer = em.create(Customer, {
    tenantId: ctx.tenantId,
    kind: input.kind,
    name: checkText(input.name, ['input', 'name'], 300),
    domain: cleanDomain(input.domain, ['input', 'domain']),
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
    address: checkAddress(input.address ?? null, ['input', 'address']),
    tags: checkTags(input.tags, ['input', 'tags']),
  });
  if (input.lifecycleStage) customer.lifecycleStage = input.lifecycleStage;
  // The member who adds a customer looks after it unless they say otherwise.
  customer.ownerId = (await ownerFromInput(ctx, input.ownerId, ['input', 'ownerId'])) ?? (input.ownerId === null ? null : (ctx.principal?.userId ?? null));
  await applySource(ctx, customer, input.source ?? null);
  customer.customFields = await customValuesFor(ctx, CustomFieldEntity.CUSTOMER, {}, input.customFields, true);
  em.persist(customer);
  await em.flush();
  return getCustomer(ctx, toGlobalId('Customer', customer.id));
}

export async function updateCustomer(ctx: ServiceContext, input: UpdateCustomerInput): Promise<CustomerNode> {
  const customer = await getCustomerEntity(ctx, input.id, ['input', 'id']);
  if (input.kind !== undefined) {
    if (input.kind === null) throw BadUserInputError.field(['input', 'kind'], 'must not be empty', 'REQUIRED');
    customer.kind = input.kind;
  }
  if (input.name !== undefined) {
    if (input.name === null) throw BadUserInputError.field(['input', 'name'], 'must not be empty', 'REQUIRED');
    customer.name = checkText(input.name, ['input', 'name'], 300);
  }
  if (input.lifecycleStage !== undefined) {
    if (input.lifecycleStage === null) throw BadUserInputError.field(['input', 'lifecycleStage'], 'must not be empty', 'REQUIRED');
    customer.lifecycleStage = input.lifecycleStage;
  }
  if (input.domain !== undefined) customer.domain = cleanDomain(input.domain, ['input', 'domain']);
  if (input.email !== undefined) customer.email = input.email?.toLowerCase() ?? null;
  if (input.phone !== undefined) customer.phone = input.phone;
  if (input.ownerId !== undefined) customer.ownerId = (await ownerFromInput(ctx, input.ownerId, ['input', 'ownerId'])) ?? null;
  if (input.address !== undefined) customer.address = checkAddress(input.address, ['input', 'address']);
  if (input.source !== undefined) await applySource(ctx, customer, input.source);
  if (input.tags !== undefined) customer.tags = checkTags(input.tags, ['input', 'tags']);
  if (input.customFields) customer.customFields = await customValuesFor(ctx, CustomFieldEntity.CUSTOMER, customer.customFields, input.customFields, false);
  await (await ctx.em()).flush();
  return getCustomer(ctx, input.id, ['input', 'id']);
}

/** Its people stay, without a customer; its counterparties and deals go with it; its history stays, unattached. */
export async function deleteCustomer(ctx: ServiceContext, globalId: string): Promise<string> {
  const customer = await getCustomerEntity(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  await em.execute('update crm_contacts set customer_id = null, updated_at = now() where tenant_id = ? and customer_id = ?', [ctx.tenantId, customer.id]);
  await em.execute(`update crm_tasks set subject_type = null, subject_id = null, updated_at = now() where tenant_id = ? and subject_type = 'CUSTOMER' and subject_id = ?`, [ctx.tenantId, customer.id]);
  await deleteCustomerDeals(ctx, customer.id);
  em.remove(customer);
  await em.flush();
  return globalId;
}

/** Batches every `contact.customer` of a response into one query. */
export function customerLoader(ctx: RequestContext): DataLoader<string, CustomerNode | null> {
  return ctx.loader('crm.customer', () =>
    new DataLoader<string, CustomerNode | null>(async (ids) => {
      const byId = await customersByIds(ctx, ids);
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}

/** Tags in use on customers and people, for pickers: the most used first. */
export async function listTags(ctx: ServiceContext): Promise<string[]> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select min(tag) as tag from (
        select unnest(tags) as tag from crm_customers where tenant_id = ?
        union all select unnest(tags) from crm_contacts where tenant_id = ?) x
      group by lower(tag) order by count(*) desc, lower(tag) limit 500`,
    [ctx.tenantId, ctx.tenantId],
  );
  return rows.map((row) => String(row.tag));
}
