// With its extension: the unit tests (tests/web, under Node's module resolution) load this file too.
import type { DuplicateContactsQuery, DuplicateCustomersQuery } from '../../../gql/graphql.js';

export type DuplicateContact = DuplicateContactsQuery['contactDuplicates'][number]['contacts'][number];
export type DuplicateCustomer = DuplicateCustomersQuery['customerDuplicates'][number]['customers'][number];

/** The first value that is set: the kept record's, else the first other record's that has one. */
function firstSet<T>(values: (T | null | undefined)[]): T | null {
  for (const value of values) if (value !== null && value !== undefined && value !== '') return value;
  return null;
}

/** Tags of every record, each once (ignoring case), the kept record's first: as the API unites them. */
export function unitedTags(lists: string[][]): string[] {
  const seen = new Map<string, string>();
  for (const tag of lists.flat()) if (!seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  return [...seen.values()];
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  return items.filter((item, index) => items.findIndex((other) => key(other) === key(item)) === index);
}

/** An address moves over whole, and only to a record that has none (no country). */
function mergedAddress<T extends { address: { country?: string | null } }>(records: T[]): T['address'] {
  const [target] = records;
  if (!target) throw new Error('no records');
  if (target.address.country) return target.address;
  return records.find((record) => record.address.country)?.address ?? target.address;
}

/** The kept record first, then the others in the order they are merged. */
function ordered<T extends { id: string }>(target: T, sources: T[]): T[] {
  return [target, ...sources.filter((source) => source.id !== target.id)];
}

/**
 * What the kept person looks like after the merge, by the API's rules: their values win, the
 * others fill what they lack (last name, customer, position, owner, address), every address,
 * number and tag is kept once, theirs first. Consent follows the latest recorded decision, which
 * only the API knows; it is left out.
 */
export function mergedContact(target: DuplicateContact, sources: DuplicateContact[]): DuplicateContact {
  const all = ordered(target, sources);
  const lastName = firstSet(all.map((contact) => contact.lastName));
  return {
    ...target,
    lastName,
    fullName: [target.firstName, lastName].filter(Boolean).join(' '),
    emails: unique(
      all.flatMap((contact) => contact.emails),
      (email) => email.address.toLowerCase(),
    ),
    phones: unique(
      all.flatMap((contact) => contact.phones),
      (phone) => phone.number,
    ),
    customer: firstSet(all.map((contact) => contact.customer)),
    position: firstSet(all.map((contact) => contact.position)),
    owner: firstSet(all.map((contact) => contact.owner)),
    address: mergedAddress(all),
    tags: unitedTags(all.map((contact) => contact.tags)),
  };
}

/**
 * What the kept customer looks like after the merge: its name, kind and stage stay; domain, email,
 * phone, owner, source and address are filled from the others where it has none; tags are united;
 * the others' people join it.
 */
export function mergedCustomer(target: DuplicateCustomer, sources: DuplicateCustomer[]): DuplicateCustomer {
  const all = ordered(target, sources);
  return {
    ...target,
    domain: firstSet(all.map((customer) => customer.domain)),
    email: firstSet(all.map((customer) => customer.email)),
    phone: firstSet(all.map((customer) => customer.phone)),
    owner: firstSet(all.map((customer) => customer.owner)),
    source: { ...target.source, channel: firstSet(all.map((customer) => customer.source.channel)) },
    address: mergedAddress(all),
    tags: unitedTags(all.map((customer) => customer.tags)),
    contacts: { ...target.contacts, totalCount: all.reduce((sum, customer) => sum + customer.contacts.totalCount, 0) },
  };
}

/** The record to keep by default: the oldest (the API lists them oldest first). */
export function oldestOf<T extends { id: string; createdAt: string }>(records: T[]): T | null {
  return [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0] ?? null;
}

/** A group's identity across refreshes: what the records share, and why. */
export function groupKey(group: { reason: string; value: string }): string {
  return `${group.reason}:${group.value}`;
}
