import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Contact } from '../../../schema/crm/contact.entity.js';
import { ContactPoint, ContactPointChannel, ContactPointType } from '../../../schema/crm/contact-point.entity.js';
import { BadUserInputError } from '../graphql/errors.js';
import { placeholders, type Row } from '../graphql/keyset.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import type { ContactEmailNode, ContactPhoneNode } from './contact.types.js';

const MAX_POINTS = 10;

interface Point {
  value: string;
  type: ContactPointType;
}

export interface ContactPoints {
  emails: Point[];
  phones: Point[];
}

/** What a create or update input says about addresses and numbers. */
interface PointsInput {
  email?: string | null;
  phone?: string | null;
  emails?: { address: string; type: ContactPointType }[] | null;
  phones?: { number: string; type: ContactPointType }[] | null;
}

/** A list without repeats (first wins), at most MAX_POINTS long. */
function uniquePoints(points: Point[], path: string[]): Point[] {
  const seen = new Set<string>();
  const unique = points.filter((point) => !seen.has(point.value) && seen.add(point.value));
  if (unique.length > MAX_POINTS) throw BadUserInputError.field(path, `must be at most ${MAX_POINTS} (got ${unique.length})`, 'TOO_MANY', { max: MAX_POINTS });
  return unique;
}

/** `email` sets the main address and keeps the others; `emails` replaces them all. Same for phones. */
function channelPoints(shorthand: string | null | undefined, list: Point[] | null | undefined, current: Point[], names: [string, string]): Point[] {
  const [one, many] = names;
  if (shorthand !== undefined && list !== undefined) throw BadUserInputError.field(['input', one], `give ${one} or ${many}, not both`, 'INVALID');
  if (list !== undefined) return uniquePoints(list ?? [], ['input', many]);
  if (shorthand === undefined) return current;
  const rest = current.slice(1);
  return shorthand === null ? rest : uniquePoints([{ value: shorthand, type: current[0]?.type ?? ContactPointType.WORK }, ...rest], ['input', many]);
}

export function resolveContactPoints(input: PointsInput, current: ContactPoints): ContactPoints {
  return {
    emails: channelPoints(
      input.email === undefined ? undefined : (input.email?.toLowerCase() ?? null),
      input.emails === undefined ? undefined : (input.emails?.map((e) => ({ value: e.address.toLowerCase(), type: e.type })) ?? null),
      current.emails,
      ['email', 'emails'],
    ),
    phones: channelPoints(input.phone, input.phones === undefined ? undefined : (input.phones?.map((p) => ({ value: p.number, type: p.type })) ?? null), current.phones, ['phone', 'phones']),
  };
}

/** Replaces the person's points and keeps the first of each on the contact row. */
export async function replaceContactPoints(ctx: ServiceContext, em: EntityManager, contact: Contact, points: ContactPoints): Promise<void> {
  em.persist(contact);
  await em.nativeDelete(ContactPoint, { tenantId: ctx.tenantId, contactId: contact.id });
  const add = (channel: ContactPointChannel, list: Point[]): void =>
    list.forEach((point, rank) => em.persist(em.create(ContactPoint, { tenantId: ctx.tenantId, contactId: contact.id, channel, type: point.type, value: point.value, rank })));
  add(ContactPointChannel.EMAIL, points.emails);
  add(ContactPointChannel.PHONE, points.phones);
  contact.email = points.emails[0]?.value ?? null;
  contact.phone = points.phones[0]?.value ?? null;
}

async function pointsByContact(ctx: ServiceContext, contactIds: readonly string[]): Promise<Map<string, ContactPoints>> {
  const byContact = new Map<string, ContactPoints>(contactIds.map((id) => [id, { emails: [], phones: [] }]));
  if (contactIds.length === 0) return byContact;
  const rows = await (await ctx.em()).execute<Row[]>(
    `select contact_id, channel, type, value from crm_contact_points where tenant_id = ? and contact_id in (${placeholders(contactIds.length)}) order by contact_id, channel, rank`,
    [ctx.tenantId, ...contactIds],
  );
  for (const row of rows) {
    const points = byContact.get(String(row.contact_id));
    const point = { value: String(row.value), type: String(row.type) as ContactPointType };
    if (row.channel === ContactPointChannel.EMAIL) points?.emails.push(point);
    else points?.phones.push(point);
  }
  return byContact;
}

export async function contactPointsOf(ctx: ServiceContext, contactId: string): Promise<ContactPoints> {
  return (await pointsByContact(ctx, [contactId])).get(contactId) ?? { emails: [], phones: [] };
}

/** Every `contact.emails` and `contact.phones` of a response in one query. */
export function contactPointsLoader(ctx: RequestContext): DataLoader<string, { emails: ContactEmailNode[]; phones: ContactPhoneNode[] }> {
  return ctx.loader('crm.contactPoints', () =>
    new DataLoader<string, { emails: ContactEmailNode[]; phones: ContactPhoneNode[] }>(async (ids) => {
      const byContact = await pointsByContact(ctx, ids);
      return ids.map((id) => {
        const points = byContact.get(id) ?? { emails: [], phones: [] };
        return { emails: points.emails.map((p) => ({ address: p.value, type: p.type })), phones: points.phones.map((p) => ({ number: p.value, type: p.type })) };
      });
    }),
  );
}
