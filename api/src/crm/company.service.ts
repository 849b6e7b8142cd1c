import DataLoader from 'dataloader';
import { Company } from '../../../schema/crm/company.entity.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, likePattern, placeholders, rowDate, rowText, type Row, type SqlCondition, type SortKey } from '../graphql/keyset.js';
import { pageSize, type ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { checkText } from '../platform/auth/auth.service.js';
import { type CompanyFilter, type CompanyNode, CompanyOrderField, type CompanyOrder, type CreateCompanyInput, type UpdateCompanyInput } from './company.types.js';
import { OrderDirection } from '../graphql/pagination.js';

export function toCompanyNode(company: Company): CompanyNode {
  return {
    id: toGlobalId('Company', company.id),
    uuid: company.id,
    name: company.name,
    domain: company.domain ?? null,
    email: company.email ?? null,
    phone: company.phone ?? null,
    createdAt: company.createdAt,
    updatedAt: company.updatedAt,
  };
}

/** A company node from a SQL row; `prefix` reads a joined company's columns (`c_name`, …). */
export function companyNodeFromRow(row: Row, prefix = ''): CompanyNode {
  const id = String(row[`${prefix}id`]);
  return {
    id: toGlobalId('Company', id),
    uuid: id,
    name: String(row[`${prefix}name`]),
    domain: rowText(row[`${prefix}domain`]),
    email: rowText(row[`${prefix}email`]),
    phone: rowText(row[`${prefix}phone`]),
    createdAt: rowDate(row[`${prefix}created_at`]),
    updatedAt: rowDate(row[`${prefix}updated_at`]),
  };
}

/** Select-list columns of a company joined as `c`, for `companyNodeFromRow(row, 'c_')`. */
export const JOINED_COMPANY_COLUMNS = ['id', 'name', 'domain', 'email', 'phone', 'created_at', 'updated_at'].map((c) => `c.${c} as c_${c}`).join(', ');

const SORT: Record<CompanyOrderField, SortKey> = {
  [CompanyOrderField.NAME]: { name: 'NAME', expr: 'lower(t.name)', cast: 'text' },
  [CompanyOrderField.CREATED_AT]: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
  [CompanyOrderField.UPDATED_AT]: { name: 'UPDATED_AT', expr: 't.updated_at', cast: 'timestamptz' },
};

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

function cleanDomain(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  const domain = value.trim().toLowerCase();
  if (domain === '') return null;
  if (!DOMAIN.test(domain)) throw BadUserInputError.field(['input', 'domain'], 'is not a domain name such as example.com', 'INVALID_DOMAIN');
  return domain;
}

export async function getCompany(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<Company> {
  const id = fromGlobalId('Company', globalId, path);
  const company = await (await ctx.em()).findOne(Company, { tenantId: ctx.tenantId, id });
  if (!company) throw new NotFoundError('Company');
  return company;
}

export async function listCompanies(
  ctx: ServiceContext,
  args: { first?: number | null; after?: string | null; filter?: CompanyFilter | null; orderBy?: CompanyOrder | null },
): Promise<ConnectionResult<CompanyNode>> {
  const conditions: SqlCondition[] = [];
  const filter = args.filter;
  const search = filter?.search?.trim();
  if (search) {
    conditions.push({
      sql: `(t.name || ' ' || coalesce(t.domain, '') || ' ' || coalesce(t.email, '') || ' ' || coalesce(t.phone, '')) ilike ?`,
      params: [likePattern(search)],
    });
  }
  if (filter?.createdAfter) conditions.push({ sql: 't.created_at >= ?', params: [filter.createdAfter] });
  if (filter?.createdBefore) conditions.push({ sql: 't.created_at < ?', params: [filter.createdBefore] });
  return keysetPage(await ctx.em(), {
    table: 'crm_companies',
    tenantId: ctx.tenantId,
    conditions,
    sort: SORT[args.orderBy?.field ?? CompanyOrderField.NAME],
    direction: args.orderBy?.direction ?? OrderDirection.ASC,
    first: pageSize(args.first),
    after: args.after,
    toNode: (row) => companyNodeFromRow(row),
  });
}

export async function createCompany(ctx: ServiceContext, input: CreateCompanyInput): Promise<CompanyNode> {
  const em = await ctx.em();
  const company = em.create(Company, {
    tenantId: ctx.tenantId,
    name: checkText(input.name, ['input', 'name'], 300),
    domain: cleanDomain(input.domain) ?? null,
    email: input.email?.toLowerCase() ?? null,
    phone: input.phone ?? null,
  });
  em.persist(company);
  await em.flush();
  return toCompanyNode(company);
}

export async function updateCompany(ctx: ServiceContext, input: UpdateCompanyInput): Promise<CompanyNode> {
  const company = await getCompany(ctx, input.id, ['input', 'id']);
  if (input.name !== undefined) {
    if (input.name === null) throw BadUserInputError.field(['input', 'name'], 'must not be empty', 'REQUIRED');
    company.name = checkText(input.name, ['input', 'name'], 300);
  }
  if (input.domain !== undefined) company.domain = cleanDomain(input.domain);
  if (input.email !== undefined) company.email = input.email?.toLowerCase() ?? null;
  if (input.phone !== undefined) company.phone = input.phone;
  await (await ctx.em()).flush();
  return toCompanyNode(company);
}

/** People who worked at the company stay; they just no longer point at it. */
export async function deleteCompany(ctx: ServiceContext, globalId: string): Promise<string> {
  const company = await getCompany(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  await em.execute('update crm_contacts set company_id = null, updated_at = now() where tenant_id = ? and company_id = ?', [ctx.tenantId, company.id]);
  // Tasks about it stay, about nobody in particular.
  await em.execute(`update crm_tasks set subject_type = null, subject_id = null, updated_at = now() where tenant_id = ? and subject_type = 'COMPANY' and subject_id = ?`, [ctx.tenantId, company.id]);
  em.remove(company);
  await em.flush();
  return globalId;
}

/** Batches every `contact.company` of a response into one query. */
export function companyLoader(ctx: RequestContext): DataLoader<string, CompanyNode | null> {
  return ctx.loader('crm.company', () =>
    new DataLoader<string, CompanyNode | null>(async (ids) => {
      const rows = await (await ctx.em()).execute<Row[]>(`select * from crm_companies where tenant_id = ? and id in (${placeholders(ids.length)})`, [ctx.tenantId, ...ids]);
      const byId = new Map(rows.map((row) => [String(row.id), companyNodeFromRow(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
