import DataLoader from 'dataloader';
import { Decimal } from 'decimal.js';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { EventAttendance } from '../../../schema/crm/event-attendance.entity.js';
import { MarketingEvent } from '../../../schema/crm/marketing-event.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, likePattern, placeholders, rowDate, rowText, type Row, type SqlCondition } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { checkMoney } from './deal.service.js';
import type {
  AddEventAttendeesInput,
  CreateMarketingEventInput,
  EventAttendanceNode,
  MarketingEventFilter,
  MarketingEventNode,
  UpdateMarketingEventInput,
} from './marketing-event.types.js';
import type { MarketingEventKind } from '../../../schema/crm/marketing-event.entity.js';

const MAX_ATTENDEES_PER_CALL = 500;

const EXTRA_COLUMNS = `t.starts_on::text as starts_text, t.ends_on::text as ends_text, t.cost_amount::text as cost_text,
  (select count(*)::int from crm_event_attendances a where a.tenant_id = t.tenant_id and a.event_id = t.id) as registered,
  (select count(*)::int from crm_event_attendances a where a.tenant_id = t.tenant_id and a.event_id = t.id and a.attended) as attended`;

function eventNodeFromRow(row: Row): MarketingEventNode {
  const cost = rowText(row.cost_text);
  const currency = rowText(row.cost_currency);
  return {
    id: toGlobalId('MarketingEvent', String(row.id)),
    uuid: String(row.id),
    name: String(row.name),
    kind: String(row.kind) as MarketingEventKind,
    startsOn: String(row.starts_text),
    endsOn: rowText(row.ends_text),
    location: rowText(row.location),
    cost: cost !== null && currency !== null ? { amount: new Decimal(cost), currency } : null,
    notes: rowText(row.notes),
    registered: Number(row.registered ?? 0),
    attended: Number(row.attended ?? 0),
    createdAt: rowDate(row.created_at),
  };
}

export async function getMarketingEvent(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<MarketingEventNode> {
  const id = fromGlobalId('MarketingEvent', globalId, path);
  const rows = await (await ctx.em()).execute<Row[]>(`select t.*, ${EXTRA_COLUMNS} from crm_marketing_events t where t.tenant_id = ? and t.id = ?`, [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('MarketingEvent');
  return eventNodeFromRow(row);
}

export async function listMarketingEvents(ctx: ServiceContext, args: { first?: number | null; after?: string | null; filter?: MarketingEventFilter | null }): Promise<ConnectionResult<MarketingEventNode>> {
  const conditions: SqlCondition[] = [];
  const filter = args.filter;
  const search = filter?.search?.trim();
  if (search) conditions.push({ sql: `(t.name || ' ' || coalesce(t.location, '')) ilike ?`, params: [likePattern(search)] });
  if (filter?.kinds?.length) conditions.push({ sql: `t.kind in (${placeholders(filter.kinds.length)})`, params: filter.kinds });
  if (filter?.from) conditions.push({ sql: 't.starts_on >= ?::date', params: [filter.from] });
  if (filter?.to) conditions.push({ sql: 't.starts_on <= ?::date', params: [filter.to] });
  return keysetPage(await ctx.em(), {
    table: 'crm_marketing_events',
    extraColumns: EXTRA_COLUMNS,
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'STARTS_ON', expr: 't.starts_on', cast: 'date' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: eventNodeFromRow,
  });
}

function checkDates(startsOn: string, endsOn: string | null | undefined): void {
  if (endsOn && endsOn < startsOn) throw BadUserInputError.field(['input', 'endsOn'], 'must not be before startsOn', 'INVALID_DATE_RANGE');
}

export async function createMarketingEvent(ctx: ServiceContext, input: CreateMarketingEventInput): Promise<MarketingEventNode> {
  checkDates(input.startsOn, input.endsOn);
  const cost = input.cost ? await checkMoney(ctx, input.cost, ['input', 'cost']) : null;
  const em = await ctx.em();
  const event = em.create(MarketingEvent, {
    tenantId: ctx.tenantId,
    name: checkText(input.name, ['input', 'name'], 300),
    kind: input.kind,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    location: checkOptionalText(input.location, ['input', 'location'], 300),
    costAmount: cost?.amount ?? null,
    costCurrency: cost?.currency ?? null,
    notes: checkOptionalText(input.notes, ['input', 'notes'], 5_000),
  });
  em.persist(event);
  await em.flush();
  return getMarketingEvent(ctx, toGlobalId('MarketingEvent', event.id));
}

async function findEvent(ctx: ServiceContext, globalId: string, path: string[]): Promise<MarketingEvent> {
  const event = await (await ctx.em()).findOne(MarketingEvent, { tenantId: ctx.tenantId, id: fromGlobalId('MarketingEvent', globalId, path) });
  if (!event) throw new NotFoundError('MarketingEvent');
  return event;
}

export async function updateMarketingEvent(ctx: ServiceContext, input: UpdateMarketingEventInput): Promise<MarketingEventNode> {
  const event = await findEvent(ctx, input.id, ['input', 'id']);
  if (input.name !== undefined && input.name !== null) event.name = checkText(input.name, ['input', 'name'], 300);
  if (input.kind !== undefined && input.kind !== null) event.kind = input.kind;
  if (input.startsOn !== undefined && input.startsOn !== null) event.startsOn = input.startsOn;
  if (input.endsOn !== undefined) event.endsOn = input.endsOn;
  checkDates(event.startsOn, event.endsOn);
  if (input.location !== undefined) event.location = checkOptionalText(input.location, ['input', 'location'], 300);
  if (input.cost !== undefined) {
    const cost = input.cost ? await checkMoney(ctx, input.cost, ['input', 'cost']) : null;
    event.costAmount = cost?.amount ?? null;
    event.costCurrency = cost?.currency ?? null;
  }
  if (input.notes !== undefined) event.notes = checkOptionalText(input.notes, ['input', 'notes'], 5_000);
  await (await ctx.em()).flush();
  return getMarketingEvent(ctx, input.id, ['input', 'id']);
}

/** Its attendances go with it; deals it brought keep everything but the reference. */
export async function deleteMarketingEvent(ctx: ServiceContext, globalId: string): Promise<string> {
  const event = await findEvent(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  em.remove(event);
  await em.flush();
  return globalId;
}

/** Registers people (or updates whether they came); returns how many the event has now. */
export async function addEventAttendees(ctx: ServiceContext, input: AddEventAttendeesInput): Promise<MarketingEventNode> {
  const event = await findEvent(ctx, input.eventId, ['input', 'eventId']);
  if (input.contactIds.length === 0) throw BadUserInputError.field(['input', 'contactIds'], 'name at least one person', 'REQUIRED');
  if (input.contactIds.length > MAX_ATTENDEES_PER_CALL) {
    throw BadUserInputError.field(['input', 'contactIds'], `at most ${MAX_ATTENDEES_PER_CALL} at once`, 'TOO_MANY', { max: MAX_ATTENDEES_PER_CALL });
  }
  const ids = [...new Set(input.contactIds.map((id, i) => fromGlobalId('Contact', id, ['input', 'contactIds', String(i)])))];
  const em = await ctx.em();
  const contacts = await em.find(Contact, { tenantId: ctx.tenantId, id: { $in: ids } });
  if (contacts.length !== ids.length) throw new NotFoundError('Contact');
  for (const contact of contacts) {
    // The customer they came for, as it was on the day: attribution survives a later move.
    await em.execute(
      `insert into crm_event_attendances (tenant_id, id, created_at, updated_at, event_id, contact_id, customer_id, attended)
       values (?, gen_random_uuid(), now(), now(), ?, ?, ?, ?)
       on conflict (tenant_id, event_id, contact_id) do update set attended = excluded.attended, updated_at = now()`,
      [ctx.tenantId, event.id, contact.id, contact.customer?.id ?? null, input.attended],
    );
  }
  return getMarketingEvent(ctx, input.eventId, ['input', 'eventId']);
}

export async function removeEventAttendee(ctx: ServiceContext, eventGlobalId: string, contactGlobalId: string): Promise<MarketingEventNode> {
  const event = await findEvent(ctx, eventGlobalId, ['input', 'eventId']);
  const contactId = fromGlobalId('Contact', contactGlobalId, ['input', 'contactId']);
  const removed = await (await ctx.em()).nativeDelete(EventAttendance, { tenantId: ctx.tenantId, eventId: event.id, contactId });
  if (removed === 0) throw new NotFoundError('EventAttendance');
  return getMarketingEvent(ctx, eventGlobalId, ['input', 'eventId']);
}

const ATTENDANCE_SELECT = `select a.contact_id, a.customer_id, a.attended, e.id as event_id, e.name as event_name, e.starts_on::text as event_starts
  from crm_event_attendances a join crm_marketing_events e on e.tenant_id = a.tenant_id and e.id = a.event_id`;

function attendanceFromRow(row: Row): Omit<EventAttendanceNode, 'contact'> {
  return {
    event: { id: toGlobalId('MarketingEvent', String(row.event_id)), name: String(row.event_name), startsOn: String(row.event_starts) },
    contactUuid: String(row.contact_id),
    attended: row.attended === true,
  };
}

/** The people of an event, by name. */
export async function eventAttendees(ctx: ServiceContext, event: MarketingEventNode, args: { first?: number | null; after?: string | null }): Promise<ConnectionResult<Omit<EventAttendanceNode, 'contact'>>> {
  return keysetPage(await ctx.em(), {
    table: 'crm_event_attendances',
    extraColumns: 'e.id as event_id, e.name as event_name, e.starts_on::text as event_starts',
    joins: `join crm_marketing_events e on e.tenant_id = t.tenant_id and e.id = t.event_id join crm_contacts c on c.tenant_id = t.tenant_id and c.id = t.contact_id`,
    tenantId: ctx.tenantId,
    conditions: [{ sql: 't.event_id = ?', params: [event.uuid] }],
    sort: { name: 'NAME', expr: `lower(c.first_name || ' ' || coalesce(c.last_name, ''))`, cast: 'text' },
    direction: OrderDirection.ASC,
    first: pageSize(args.first),
    after: args.after,
    toNode: attendanceFromRow,
  });
}

/** Every `contact.events` / `customer.events` of a response in one query: newest event first. */
export function attendancesLoader(ctx: RequestContext, by: 'contact_id' | 'customer_id'): DataLoader<string, Omit<EventAttendanceNode, 'contact'>[]> {
  return ctx.loader(`crm.attendances:${by}`, () =>
    new DataLoader<string, Omit<EventAttendanceNode, 'contact'>[]>(async (ids) => {
      const rows = await (await ctx.em()).execute<Row[]>(
        `${ATTENDANCE_SELECT} where a.tenant_id = ? and a.${by} in (${placeholders(ids.length)}) order by e.starts_on desc, e.id`,
        [ctx.tenantId, ...ids],
      );
      const byKey = new Map<string, Omit<EventAttendanceNode, 'contact'>[]>(ids.map((id) => [id, []]));
      for (const row of rows) byKey.get(String(row[by]))?.push(attendanceFromRow(row));
      return ids.map((id) => byKey.get(id) ?? []);
    }),
  );
}

/**
 * The event to credit a new deal to, when the caller names none: the latest event in the past year
 * that the deal's person, or else anyone of its customer, came to before today.
 */
export async function recentEventOf(ctx: ServiceContext, customerId: string, contactId: string | null): Promise<string | null> {
  const rows = await (await ctx.em()).execute<Row[]>(
    `select a.event_id from crm_event_attendances a join crm_marketing_events e on e.tenant_id = a.tenant_id and e.id = a.event_id
      where a.tenant_id = ? and a.attended and (a.contact_id = ? or a.customer_id = ?)
        and e.starts_on <= current_date and e.starts_on > current_date - 365
      order by (a.contact_id = ?) desc, e.starts_on desc limit 1`,
    [ctx.tenantId, contactId, customerId, contactId],
  );
  return rows[0] ? String(rows[0].event_id) : null;
}

/** The id of an event of this tenant named by an input; NOT_FOUND otherwise. */
export async function eventIdFromInput(ctx: ServiceContext, globalId: string, path: string[]): Promise<string> {
  return (await findEvent(ctx, globalId, path)).id;
}
