import { ConsentChannel, ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { Customer } from '../../../schema/crm/customer.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { placeholders, type Row } from '../graphql/keyset.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { contactPointsOf, replaceContactPoints, type ContactPoints } from './contact-point.service.js';
import { contactsByIds, getContact, toContactNode } from './contact.service.js';
import { customersByIds, getCustomer } from './customer.service.js';
import type { ContactNode } from './contact.types.js';
import type { CustomerNode } from './customer.types.js';
import { DuplicateReason, type ContactDuplicateGroupNode, type CustomerDuplicateGroupNode, type MergeContactsInput, type MergeCustomersInput } from './merge.types.js';

const MAX_SOURCES = 20;
const MAX_GROUPS = 100;

/**
 * Where other records point at a person or a customer. A merge moves every such reference to the
 * target, so no history is lost; a module that adds a reference adds it here.
 */
const CONTACT_REFERENCES: [table: string, column: string][] = [
  ['crm_interactions', 'contact_id'],
  ['crm_deals', 'contact_id'],
  ['crm_messages', 'contact_id'],
  ['crm_consent_events', 'contact_id'],
];
const CUSTOMER_REFERENCES: [table: string, column: string][] = [
  ['crm_contacts', 'customer_id'],
  ['crm_interactions', 'customer_id'],
  ['crm_deals', 'customer_id'],
  ['crm_messages', 'customer_id'],
  ['crm_counterparties', 'customer_id'],
  ['crm_customers', 'referred_by_id'],
];

/** The sources' database ids: 1 to 20, distinct, none the target; a missing one is NOT_FOUND. */
function sourceIds(type: 'Contact' | 'Customer', input: { targetId: string; sourceIds: string[] }): { target: string; sources: string[] } {
  const target = fromGlobalId(type, input.targetId, ['input', 'targetId']);
  if (input.sourceIds.length === 0) throw BadUserInputError.field(['input', 'sourceIds'], 'name at least one record to merge', 'REQUIRED');
  if (input.sourceIds.length > MAX_SOURCES) throw BadUserInputError.field(['input', 'sourceIds'], `merge at most ${MAX_SOURCES} at once`, 'TOO_MANY', { max: MAX_SOURCES });
  const sources = input.sourceIds.map((id, i) => fromGlobalId(type, id, ['input', 'sourceIds', String(i)]));
  sources.forEach((id, i) => {
    if (id === target) throw BadUserInputError.field(['input', 'sourceIds', String(i)], 'is the target itself', 'INVALID');
    if (sources.indexOf(id) !== i) throw BadUserInputError.field(['input', 'sourceIds', String(i)], 'is named twice', 'INVALID');
  });
  return { target, sources };
}

async function moveReferences(ctx: ServiceContext, references: [string, string][], sources: string[], target: string): Promise<void> {
  const em = await ctx.em();
  for (const [table, column] of references) {
    await em.execute(`update ${table} set ${column} = ?, updated_at = now() where tenant_id = ? and ${column} in (${placeholders(sources.length)})`, [target, ctx.tenantId, ...sources]);
  }
}

async function moveTaskSubjects(ctx: ServiceContext, type: 'CONTACT' | 'CUSTOMER', sources: string[], target: string): Promise<void> {
  await (await ctx.em()).execute(
    `update crm_tasks set subject_id = ?, updated_at = now() where tenant_id = ? and subject_type = ? and subject_id in (${placeholders(sources.length)})`,
    [target, ctx.tenantId, type, ...sources],
  );
}

function unionTags(lists: string[][]): string[] {
  const seen = new Map<string, string>();
  for (const tag of lists.flat()) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

/** The target's custom values, with the sources' filling only what the target has no value for. */
function fillCustomValues(target: Record<string, unknown>, sources: Record<string, unknown>[]): Record<string, unknown> {
  return sources.reduce<Record<string, unknown>>((merged, source) => ({ ...source, ...merged }), { ...target });
}

function mergedPoints(lists: ContactPoints[]): ContactPoints {
  const unique = (points: ContactPoints['emails']) => points.filter((p, i) => points.findIndex((q) => q.value === p.value) === i);
  return { emails: unique(lists.flatMap((l) => l.emails)), phones: unique(lists.flatMap((l) => l.phones)) };
}

/**
 * Consent after a merge: the latest recorded decision of any of the records, per channel (the
 * person's most recent wish); without recorded decisions, a refusal wins over a grant.
 */
async function mergedConsent(ctx: ServiceContext, contacts: Contact[], channel: ConsentChannel): Promise<ConsentStatus> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select status from crm_consent_events where tenant_id = ? and channel = ? and contact_id in (${placeholders(contacts.length)}) order by occurred_at desc, id desc limit 1`,
    [ctx.tenantId, channel, ...contacts.map((c) => c.id)],
  );
  if (rows[0]) return String(rows[0].status) as ConsentStatus;
  const statuses = contacts.map((c) => (channel === ConsentChannel.EMAIL ? c.emailConsent : c.smsConsent));
  if (statuses.includes(ConsentStatus.DENIED)) return ConsentStatus.DENIED;
  return statuses.includes(ConsentStatus.GRANTED) ? ConsentStatus.GRANTED : ConsentStatus.UNKNOWN;
}

/**
 * Merges people into one: the target keeps its values and takes the sources' where it has none;
 * every address and number, tag and piece of history (interactions, tasks, deals, messages, consent
 * records) moves to the target; then the sources are deleted. All in the request's transaction.
 */
export async function mergeContacts(ctx: ServiceContext, input: MergeContactsInput): Promise<ContactNode> {
  const { target: targetId, sources: ids } = sourceIds('Contact', input);
  const em = await ctx.em();
  const target = await getContact(ctx, toGlobalId('Contact', targetId), ['input', 'targetId']);
  const sources = await em.find(Contact, { tenantId: ctx.tenantId, id: { $in: ids } });
  if (sources.length !== ids.length) throw new NotFoundError('Contact');
  sources.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));

  const points = mergedPoints(await Promise.all([target, ...sources].map((c) => contactPointsOf(ctx, c.id))));
  for (const source of sources) {
    target.lastName ??= source.lastName;
    target.positionId ??= source.positionId;
    target.ownerId ??= source.ownerId;
    if (!target.customer && source.customer) target.customer = source.customer;
    if (!target.address.country && source.address.country) target.address = source.address;
  }
  target.tags = unionTags([target.tags, ...sources.map((s) => s.tags)]);
  target.customFields = fillCustomValues(target.customFields, sources.map((s) => s.customFields));
  target.emailConsent = await mergedConsent(ctx, [target, ...sources], ConsentChannel.EMAIL);
  target.smsConsent = await mergedConsent(ctx, [target, ...sources], ConsentChannel.SMS);

  await moveReferences(ctx, CONTACT_REFERENCES, ids, targetId);
  await moveTaskSubjects(ctx, 'CONTACT', ids, targetId);
  // The sources' own points go with them (cascade); the target gets the union.
  await replaceContactPoints(ctx, em, target, points);
  for (const source of sources) em.remove(source);
  await em.flush();
  return toContactNode(target);
}

/**
 * Merges customers into one: the target keeps its values and takes the sources' where it has none;
 * people, legal entities, deals, interactions, tasks and messages move to the target; then the
 * sources are deleted.
 */
export async function mergeCustomers(ctx: ServiceContext, input: MergeCustomersInput): Promise<CustomerNode> {
  const { target: targetId, sources: ids } = sourceIds('Customer', input);
  const em = await ctx.em();
  const target = await em.findOne(Customer, { tenantId: ctx.tenantId, id: targetId });
  if (!target) throw new NotFoundError('Customer');
  const sources = await em.find(Customer, { tenantId: ctx.tenantId, id: { $in: ids } });
  if (sources.length !== ids.length) throw new NotFoundError('Customer');
  sources.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));

  for (const source of sources) {
    target.domain ??= source.domain;
    target.email ??= source.email;
    target.phone ??= source.phone;
    target.ownerId ??= source.ownerId;
    target.sourceChannel ??= source.sourceChannel;
    target.utmSource ??= source.utmSource;
    target.utmMedium ??= source.utmMedium;
    target.utmCampaign ??= source.utmCampaign;
    if (!target.referredById && source.referredById && !ids.includes(source.referredById)) target.referredById = source.referredById;
    if (!target.address.country && source.address.country) target.address = source.address;
  }
  target.tags = unionTags([target.tags, ...sources.map((s) => s.tags)]);
  target.customFields = fillCustomValues(target.customFields, sources.map((s) => s.customFields));

  await moveReferences(ctx, CUSTOMER_REFERENCES, ids, targetId);
  await moveTaskSubjects(ctx, 'CUSTOMER', ids, targetId);
  // A source that referred the target would now refer itself.
  if (target.referredById && ids.includes(target.referredById)) target.referredById = null;
  await em.execute('update crm_customers set referred_by_id = null where tenant_id = ? and id = ? and referred_by_id = id', [ctx.tenantId, targetId]);
  for (const source of sources) em.remove(source);
  await em.flush();
  return getCustomer(ctx, toGlobalId('Customer', targetId));
}

// ---------------------------------------------------------------------------------------------
// Finding duplicates

interface GroupRow {
  reason: DuplicateReason;
  value: string;
  ids: string[];
}

function groupRows(rows: Row[]): GroupRow[] {
  return rows.map((row) => ({ reason: String(row.reason) as DuplicateReason, value: String(row.value), ids: Array.isArray(row.ids) ? row.ids.map(String) : [] }));
}

/** Groups of people sharing an email address or a phone number, or a name at the same customer. */
export async function contactDuplicates(ctx: ServiceContext): Promise<ContactDuplicateGroupNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `(select case p.channel when 'EMAIL' then 'EMAIL' else 'PHONE' end as reason, p.value, array_agg(distinct p.contact_id) as ids
        from crm_contact_points p where p.tenant_id = ? group by p.channel, p.value having count(distinct p.contact_id) > 1)
     union all
     (select 'NAME', min(c.first_name || coalesce(' ' || c.last_name, '')), array_agg(c.id)
        from crm_contacts c where c.tenant_id = ? and c.customer_id is not null
       group by c.customer_id, lower(c.first_name || coalesce(' ' || c.last_name, '')) having count(*) > 1)
     order by 2 limit ?`,
    [ctx.tenantId, ctx.tenantId, MAX_GROUPS],
  );
  const groups = groupRows(rows);
  const contacts = await contactsByIds(ctx, [...new Set(groups.flatMap((g) => g.ids))]);
  return groups.map((g) => ({
    reason: g.reason,
    value: g.value,
    contacts: g.ids.flatMap((id) => contacts.get(id) ?? []).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  }));
}

/** Groups of customers sharing a tax id (of a legal entity), a web domain, an email, a phone or a name. */
export async function customerDuplicates(ctx: ServiceContext): Promise<CustomerDuplicateGroupNode[]> {
  const byColumn = (reason: DuplicateReason, expr: string) =>
    `(select '${reason}' as reason, min(${expr}) as value, array_agg(c.id) as ids from crm_customers c where c.tenant_id = ? and ${expr} is not null group by ${expr} having count(*) > 1)`;
  const rows = await (await ctx.em()).execute<Row[]>(
    `(select 'TAX_ID' as reason, k.tax_id as value, array_agg(distinct k.customer_id) as ids
        from crm_counterparties k where k.tenant_id = ? and k.tax_id is not null group by k.tax_id having count(distinct k.customer_id) > 1)
     union all ${byColumn(DuplicateReason.DOMAIN, 'c.domain')}
     union all ${byColumn(DuplicateReason.EMAIL, 'c.email')}
     union all ${byColumn(DuplicateReason.PHONE, 'c.phone')}
     union all ${byColumn(DuplicateReason.NAME, 'lower(c.name)')}
     order by 1, 2 limit ?`,
    [ctx.tenantId, ctx.tenantId, ctx.tenantId, ctx.tenantId, ctx.tenantId, MAX_GROUPS],
  );
  const groups = groupRows(rows);
  const customers = await customersByIds(ctx, [...new Set(groups.flatMap((g) => g.ids))]);
  return groups.map((g) => ({
    reason: g.reason,
    value: g.value,
    customers: g.ids.flatMap((id) => customers.get(id) ?? []).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()),
  }));
}
