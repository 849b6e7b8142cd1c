import { ref } from '@mikro-orm/core';
import { Contact } from '../../../schema/crm/contact.entity.js';
import { Company } from '../../../schema/crm/company.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import DataLoader from 'dataloader';
import { keysetFirstPages, keysetPage, likePattern, rowDate, rowText, type KeysetQuery, type Row, type SqlCondition, type SortKey } from '../graphql/keyset.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { companyNodeFromRow, JOINED_COMPANY_COLUMNS } from './company.service.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { requireFeature } from '../platform/modules/feature-switch.js';
import { ContactOrderField, type ContactFilter, type ContactNode, type ContactOrder, type CreateContactInput, type UpdateContactInput } from './contact.types.js';

export function toContactNode(contact: Contact): ContactNode {
  return {
    id: toGlobalId('Contact', contact.id),
    companyUuid: contact.company?.unwrap().id ?? null,
    firstName: contact.firstName,
    lastName: contact.lastName ?? null,
    fullName: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    jobTitle: contact.jobTitle ?? null,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
  };
}

/** A contact node from a list row that carries its company's columns (joined as `c`). */
function contactNodeFromRow(row: Row): ContactNode {
  const firstName = String(row.first_name);
  const lastName = rowText(row.last_name);
  return {
    id: toGlobalId('Contact', String(row.id)),
    companyUuid: rowText(row.company_id),
    company: rowText(row.c_id) === null ? null : companyNodeFromRow(row, 'c_'),
    firstName,
    lastName,
    fullName: lastName ? `${firstName} ${lastName}` : firstName,
    email: rowText(row.email),
    phone: rowText(row.phone),
    jobTitle: rowText(row.job_title),
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

const NAME_EXPR = `lower(t.first_name || ' ' || coalesce(t.last_name, ''))`;
const SORT: Record<ContactOrderField, SortKey> = {
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

export async function listContacts(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter?: ContactFilter | null; orderBy?: ContactOrder | null },
): Promise<ConnectionResult<ContactNode>> {
  const conditions: SqlCondition[] = [];
  const filter = args.filter;
  const search = filter?.search?.trim();
  if (search) {
    // A phone typed with spaces or dashes still finds the E.164 number.
    const digits = search.replace(/[\s().-]/g, '');
    conditions.push(
      /\d/.test(digits)
        ? { sql: `${CONTACT_SEARCH_EXPR} ilike ? or t.phone like ?`, params: [likePattern(search), likePattern(digits)] }
        : { sql: `${CONTACT_SEARCH_EXPR} ilike ?`, params: [likePattern(search)] },
    );
  }
  if (filter?.companyId) {
    requireCompanies(ctx);
    conditions.push({ sql: 't.company_id = ?', params: [fromGlobalId('Company', filter.companyId, ['filter', 'companyId'])] });
  }
  if (filter?.email) conditions.push({ sql: 't.email = ?', params: [filter.email.toLowerCase()] });
  if (filter?.hasEmail !== undefined && filter.hasEmail !== null) conditions.push({ sql: filter.hasEmail ? 't.email is not null' : 't.email is null', params: [] });
  if (filter?.createdAfter) conditions.push({ sql: 't.created_at >= ?', params: [filter.createdAfter] });
  if (filter?.createdBefore) conditions.push({ sql: 't.created_at < ?', params: [filter.createdBefore] });
  return keysetPage(await ctx.em(), contactQuery(ctx, conditions, args));
}

function contactQuery(ctx: ServiceContext, conditions: SqlCondition[], args: { first?: number | null; after?: string | null; orderBy?: ContactOrder | null }): KeysetQuery<ContactNode> {
  return {
    table: 'crm_contacts',
    // The company of each row comes with the page: `contacts { company { … } }` costs no extra query.
    extraColumns: JOINED_COMPANY_COLUMNS,
    joins: 'left join crm_companies c on c.tenant_id = t.tenant_id and c.id = t.company_id',
    tenantId: ctx.tenantId,
    conditions,
    sort: SORT[args.orderBy?.field ?? ContactOrderField.CREATED_AT],
    direction: args.orderBy?.direction ?? OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: contactNodeFromRow,
  };
}

/**
 * `company.contacts` for every company of a response in one query (per page size). A page after a
 * cursor is rare in nested lists and runs on its own.
 */
export function companyContactsLoader(ctx: RequestContext, first: number | null | undefined): DataLoader<string, ConnectionResult<ContactNode>> {
  const size = pageSize(first);
  return ctx.loader(`crm.companyContacts:${size}`, () =>
    new DataLoader<string, ConnectionResult<ContactNode>>(async (companyIds) => {
      const pages = await keysetFirstPages(await ctx.em(), contactQuery(ctx, [], { first: size }), { column: 'company_id', keys: companyIds });
      return companyIds.map((id) => pages.get(id) ?? new Error(`no page for company ${id}`));
    }),
  );
}

/** With companies switched off, nothing may be attached to or filtered by one either. */
function requireCompanies(ctx: ServiceContext): void {
  requireFeature(ctx, 'CRM.companies');
}

async function companyRef(ctx: ServiceContext, globalId: string): Promise<Company> {
  requireCompanies(ctx);
  const id = fromGlobalId('Company', globalId, ['input', 'companyId']);
  const company = await (await ctx.em()).findOne(Company, { tenantId: ctx.tenantId, id });
  if (!company) throw new NotFoundError('Company');
  return company;
}

export async function createContact(ctx: ServiceContext, input: CreateContactInput): Promise<ContactNode> {
  const em = await ctx.em();
  const contact = em.create(Contact, {
    tenantId: ctx.tenantId,
    firstName: checkText(input.firstName, ['input', 'firstName'], 200),
    lastName: checkOptionalText(input.lastName, ['input', 'lastName'], 200),
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
    jobTitle: checkOptionalText(input.jobTitle, ['input', 'jobTitle'], 200),
    company: input.companyId ? ref(await companyRef(ctx, input.companyId)) : null,
  });
  em.persist(contact);
  await em.flush();
  return toContactNode(contact);
}

export async function updateContact(ctx: ServiceContext, input: UpdateContactInput): Promise<ContactNode> {
  const contact = await getContact(ctx, input.id, ['input', 'id']);
  if (input.firstName !== undefined) {
    if (input.firstName === null) throw BadUserInputError.field(['input', 'firstName'], 'must not be empty', 'REQUIRED');
    contact.firstName = checkText(input.firstName, ['input', 'firstName'], 200);
  }
  if (input.lastName !== undefined) contact.lastName = checkOptionalText(input.lastName, ['input', 'lastName'], 200);
  if (input.email !== undefined) contact.email = input.email?.toLowerCase() ?? null;
  if (input.phone !== undefined) contact.phone = input.phone;
  if (input.jobTitle !== undefined) contact.jobTitle = checkOptionalText(input.jobTitle, ['input', 'jobTitle'], 200);
  if (input.companyId !== undefined) contact.company = input.companyId ? ref(await companyRef(ctx, input.companyId)) : null;
  await (await ctx.em()).flush();
  return toContactNode(contact);
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
