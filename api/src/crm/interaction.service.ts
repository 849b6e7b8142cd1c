import { getContact } from './contact.service.js';
import { getCustomerEntity } from './customer.service.js';
import { CallOutcome, Interaction, InteractionKind } from '../../../schema/crm/interaction.entity.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { Deal } from '../../../schema/crm/deal.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, placeholders, rowDate, rowText, type Row, type SqlCondition } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkOptionalText } from '../platform/auth/auth.service.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { featureOn, requireFeature } from '../platform/modules/feature-switch.js';
import { loadStageChangeNodes } from './deal.service.js';
import { loadTaskNodes } from './task.service.js';
import { activeTimelineSources } from './timeline-sources.js';
import { USER_COLUMNS, userFromRow } from '../platform/users/user-row.js';
import {
  TimelineEntryKind,
  TimelineSubjectType,
  type InteractionNode,
  type LogInteractionInput,
  type TimelineEntryNode,
  type TimelineSubject,
} from './interaction.types.js';

const SUBJECT_MAX = 300;
const BODY_MAX = 20_000;
/** A call or a meeting longer than a day is a typo. */
const DURATION_MAX = 86_400;
/** Clocks differ a little: "now" on the caller's device may be a few minutes ahead. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const DIRECTED = new Set([InteractionKind.CALL, InteractionKind.SMS, InteractionKind.EMAIL]);

const COLUMNS = `i.*, ${USER_COLUMNS},
  c.first_name || coalesce(' ' || c.last_name, '') as contact_name, co.name as customer_name, d.title as deal_title`;
const JOINS = `left join memberships m on m.tenant_id = i.tenant_id and m.user_id = i.created_by_id
  left join users u on u.id = m.user_id
  left join crm_contacts c on c.tenant_id = i.tenant_id and c.id = i.contact_id
  left join crm_customers co on co.tenant_id = i.tenant_id and co.id = i.customer_id
  left join crm_deals d on d.tenant_id = i.tenant_id and d.id = i.deal_id`;

function interactionFromRow(row: Row): InteractionNode {
  const contactId = rowText(row.contact_id);
  const customerId = rowText(row.customer_id);
  const dealId = rowText(row.deal_id);
  return {
    id: toGlobalId('Interaction', String(row.id)),
    kind: String(row.kind) as InteractionKind,
    direction: (rowText(row.direction) as InteractionNode['direction']) ?? null,
    occurredAt: rowDate(row.occurred_at),
    durationSeconds: row.duration_seconds === null || row.duration_seconds === undefined ? null : Number(row.duration_seconds),
    outcome: (rowText(row.outcome) as CallOutcome | null) ?? null,
    subject: rowText(row.subject),
    body: rowText(row.body),
    contactId: contactId ? toGlobalId('Contact', contactId) : null,
    contactName: rowText(row.contact_name),
    customerId: customerId ? toGlobalId('Customer', customerId) : null,
    customerName: rowText(row.customer_name),
    dealId: dealId ? toGlobalId('Deal', dealId) : null,
    dealTitle: rowText(row.deal_title),
    loggedBy: userFromRow(row),
    createdAt: rowDate(row.created_at),
  };
}

async function loadInteractionNodes(ctx: ServiceContext, ids: string[]): Promise<Map<string, InteractionNode>> {
  if (ids.length === 0) return new Map();
  const rows = await (await ctx.em()).execute<Row[]>(`select ${COLUMNS} from crm_interactions i ${JOINS} where i.tenant_id = ? and i.id in (${placeholders(ids.length)})`, [ctx.tenantId, ...ids]);
  return new Map(rows.map((row) => [String(row.id), interactionFromRow(row)]));
}

/** Records an interaction; everything is checked before anything is written. */
export async function logInteraction(ctx: ServiceContext, input: LogInteractionInput): Promise<InteractionNode> {
  const em = await ctx.em();
  if (!input.contactId && !input.customerId && !input.dealId) throw BadUserInputError.field(['input', 'contactId'], 'name the person, the customer or the deal it was about', 'REQUIRED');
  if (DIRECTED.has(input.kind) && !input.direction) throw BadUserInputError.field(['input', 'direction'], 'say whether it came in or went out', 'REQUIRED');
  if (!DIRECTED.has(input.kind) && input.direction) throw BadUserInputError.field(['input', 'direction'], 'only calls, SMS and email have a direction');
  if (input.outcome && input.kind !== InteractionKind.CALL) throw BadUserInputError.field(['input', 'outcome'], 'only calls have an outcome');
  if (input.durationSeconds !== undefined && input.durationSeconds !== null) {
    if (input.kind !== InteractionKind.CALL && input.kind !== InteractionKind.MEETING) throw BadUserInputError.field(['input', 'durationSeconds'], 'only calls and meetings have a duration');
    if (input.durationSeconds < 0 || input.durationSeconds > DURATION_MAX) throw BadUserInputError.field(['input', 'durationSeconds'], `must be between 0 and ${DURATION_MAX}`, 'INVALID');
  }
  const occurredAt = input.occurredAt ?? new Date();
  if (occurredAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw BadUserInputError.field(['input', 'occurredAt'], 'is in the future: plan it as a task instead');
  const subject = checkOptionalText(input.subject, ['input', 'subject'], SUBJECT_MAX);
  const body = checkOptionalText(input.body, ['input', 'body'], BODY_MAX);
  if (input.kind === InteractionKind.NOTE && !body) throw BadUserInputError.field(['input', 'body'], 'a note needs its text', 'REQUIRED');

  let deal: Deal | null = null;
  if (input.dealId) {
    requireFeature(ctx, 'CRM.deals');
    deal = await em.findOne(Deal, { tenantId: ctx.tenantId, id: fromGlobalId('Deal', input.dealId, ['input', 'dealId']) });
    if (!deal) throw new NotFoundError('Deal');
  }
  let contact: Contact | null = null;
  if (input.contactId) {
    contact = await getContact(ctx, input.contactId, ['input', 'contactId']);
  }
  let customerId: string | null = null;
  if (input.customerId) {
    const customer = await getCustomerEntity(ctx, input.customerId, ['input', 'customerId']);
    if (deal && customer.id !== deal.customerId) throw BadUserInputError.field(['input', 'customerId'], 'is not the deal’s customer', 'CUSTOMER_NOT_OF_DEAL');
    customerId = customer.id;
  } else if (deal && input.customerId === undefined) {
    // The deal's customer shares the history.
    customerId = deal.customerId;
  } else if (contact && input.customerId === undefined) {
    // The person's customer shares the history, as it stands when the interaction is logged.
    // An explicit null means: not about their customer.
    customerId = contact.customer?.id ?? null;
  }
  const contactsCustomer = contact?.customer?.id ?? null;
  if (deal && contactsCustomer !== null && contactsCustomer !== deal.customerId) {
    throw BadUserInputError.field(['input', 'contactId'], 'belongs to another customer than the deal’s', 'CONTACT_NOT_OF_CUSTOMER');
  }
  const interaction = em.create(Interaction, {
    tenantId: ctx.tenantId,
    kind: input.kind,
    direction: input.direction ?? null,
    occurredAt,
    durationSeconds: input.durationSeconds ?? null,
    outcome: input.outcome ?? null,
    subject,
    body,
    contactId: contact?.id ?? null,
    customerId,
    dealId: deal?.id ?? null,
    createdById: ctx.principal?.userId ?? null,
  });
  em.persist(interaction);
  await em.flush();
  // Talking about the deal is activity on it (an interaction logged late does not move it back).
  if (deal) await em.execute('update crm_deals set last_activity_at = greatest(last_activity_at, ?) where tenant_id = ? and id = ?', [occurredAt, ctx.tenantId, deal.id]);
  const node = (await loadInteractionNodes(ctx, [interaction.id])).get(interaction.id);
  if (!node) throw new NotFoundError('Interaction');
  return node;
}

export async function getInteraction(ctx: ServiceContext, globalId: string): Promise<InteractionNode> {
  const id = fromGlobalId('Interaction', globalId, ['id']);
  const node = (await loadInteractionNodes(ctx, [id])).get(id);
  if (!node) throw new NotFoundError('Interaction');
  return node;
}

export async function deleteInteraction(ctx: ServiceContext, globalId: string): Promise<string> {
  const em = await ctx.em();
  const interaction = await em.findOne(Interaction, { tenantId: ctx.tenantId, id: fromGlobalId('Interaction', globalId, ['input', 'id']) });
  if (!interaction) throw new NotFoundError('Interaction');
  em.remove(interaction);
  await em.flush();
  return globalId;
}

/** The subject's database id and which column of the timeline rows holds it. */
function subjectCondition(ctx: ServiceContext, subject: TimelineSubject): SqlCondition {
  if (subject.type === TimelineSubjectType.DEAL) {
    requireFeature(ctx, 'CRM.deals');
    return { sql: 't.deal_id = ?', params: [fromGlobalId('Deal', subject.id, ['subject', 'id'])] };
  }
  if (subject.type === TimelineSubjectType.CUSTOMER) {
    return { sql: 't.customer_id = ?', params: [fromGlobalId('Customer', subject.id, ['subject', 'id'])] };
  }
  return { sql: 't.contact_id = ?', params: [fromGlobalId('Contact', subject.id, ['subject', 'id'])] };
}

export async function listInteractions(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; subject?: TimelineSubject | null; kind?: InteractionKind | null },
): Promise<ConnectionResult<InteractionNode>> {
  const conditions: SqlCondition[] = [];
  if (args.subject) conditions.push(subjectCondition(ctx, args.subject));
  if (args.kind) conditions.push({ sql: 't.kind = ?', params: [args.kind] });
  const page = await keysetPage(await ctx.em(), {
    table: 'crm_interactions',
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'OCCURRED_AT', expr: 't.occurred_at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: (row) => String(row.id),
  });
  const nodes = await loadInteractionNodes(ctx, page.edges.map((edge) => edge.node));
  return {
    ...page,
    edges: page.edges.flatMap((edge) => {
      const node = nodes.get(edge.node);
      return node ? [{ cursor: edge.cursor, node }] : [];
    }),
  };
}

/**
 * Everything that happened with a person, customer or deal, newest first: interactions, tasks about
 * them (created, completed), for a deal its stage changes, and what other modules add (see
 * timeline-sources.ts). One keyset over the union, then the items in one query each.
 */
const CRM_TIMELINE = `
  select i.tenant_id, i.id, i.occurred_at as at, 'INTERACTION' as entry_kind, i.id as ref_id, i.contact_id, i.customer_id, i.deal_id from crm_interactions i
  union all
  select k.tenant_id, k.id, k.created_at, 'TASK_CREATED', k.id,
         case when k.subject_type = 'CONTACT' then k.subject_id end, case when k.subject_type = 'CUSTOMER' then k.subject_id end,
         case when k.subject_type = 'DEAL' then k.subject_id end
    from crm_tasks k where k.subject_id is not null
  union all
  select k.tenant_id, md5('done:' || k.id::text)::uuid, k.completed_at, 'TASK_COMPLETED', k.id,
         case when k.subject_type = 'CONTACT' then k.subject_id end, case when k.subject_type = 'CUSTOMER' then k.subject_id end,
         case when k.subject_type = 'DEAL' then k.subject_id end
    from crm_tasks k where k.subject_id is not null and k.completed_at is not null
  union all
  select c.tenant_id, c.id, c.changed_at, 'STAGE_CHANGE', c.id, null::uuid, null::uuid, c.deal_id from crm_deal_stage_changes c
`;

/** The union for this caller: the CRM's own entries, and those of the modules switched on that it may read. */
function timelineTable(ctx: ServiceContext): string {
  return `(${[CRM_TIMELINE, ...activeTimelineSources(ctx).map((source) => source.sql)].join(' union all ')})`;
}

export async function timeline(ctx: ServiceContext, args: { subject: TimelineSubject; first?: number | null; after?: string | null }): Promise<ConnectionResult<TimelineEntryNode>> {
  const conditions = [subjectCondition(ctx, args.subject)];
  // With tasks switched off, their history stays but does not show.
  if (!featureOn(ctx, 'CRM.tasks')) conditions.push({ sql: `t.entry_kind not in ('TASK_CREATED', 'TASK_COMPLETED')`, params: [] });
  const page = await keysetPage(await ctx.em(), {
    table: timelineTable(ctx),
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'AT', expr: 't.at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: (row): TimelineEntryNode => ({
      kind: String(row.entry_kind) as TimelineEntryKind,
      at: rowDate(row.at),
      interaction: null,
      task: null,
      stageChange: null,
      refId: String(row.ref_id),
      entryId: String(row.id),
    }),
  });
  const entries = page.edges.map((edge) => edge.node);
  const isTask = (kind: TimelineEntryKind): boolean => kind === TimelineEntryKind.TASK_CREATED || kind === TimelineEntryKind.TASK_COMPLETED;
  const interactions = await loadInteractionNodes(ctx, entries.filter((e) => e.kind === TimelineEntryKind.INTERACTION).map((e) => e.refId));
  const tasks = await loadTaskNodes(ctx, [...new Set(entries.filter((e) => isTask(e.kind)).map((e) => e.refId))]);
  const changes = await loadStageChangeNodes(ctx, entries.filter((e) => e.kind === TimelineEntryKind.STAGE_CHANGE).map((e) => e.refId));
  return {
    ...page,
    edges: page.edges.map(({ cursor, node: entry }) => ({
      cursor,
      node: {
        ...entry,
        interaction: entry.kind === TimelineEntryKind.INTERACTION ? (interactions.get(entry.refId) ?? null) : null,
        task: isTask(entry.kind) ? (tasks.get(entry.refId) ?? null) : null,
        stageChange: entry.kind === TimelineEntryKind.STAGE_CHANGE ? (changes.get(entry.refId) ?? null) : null,
      },
    })),
  };
}
