import { TenantSettings } from '../../../../schema/platform/tenant-settings.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { App } from '../app.js';
import { Role } from '../../../../schema/platform/membership.entity.js';
import { BadUserInputError, ForbiddenError } from '../../graphql/errors.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { checkText } from '../auth/auth.service.js';
import type { RequestContext } from '../context/request-context.js';
import { describeModules, loadTenantModules } from '../modules/module.service.js';
import { checkCurrency, checkLocale, checkTimeZone } from './settings-values.js';
import type { TenantNode, UpdateTenantSettingsInput } from './tenant.types.js';

export { LOCALES } from './settings-values.js';

/** Reads a tenant through a tenant-scoped EntityManager (the request's, or a fresh one after sign-up). */
export async function loadTenantNode(app: App, em: EntityManager, tenantId: string): Promise<TenantNode> {
  const rows = await em.execute<{ name: string }[]>('select name from tenants where id = ?', [tenantId]);
  const settings = await em.findOneOrFail(TenantSettings, { tenantId });
  const modules = await loadTenantModules(em, app.registry);
  return {
    id: toGlobalId('Tenant', tenantId),
    name: rows[0]?.name ?? '',
    modules: describeModules(app.registry, modules),
    settings: { currency: settings.currency, timeZone: settings.timeZone, locale: settings.locale, ownRecordsOnlyRoles: settings.ownRecordsRoles.filter(isRole) },
  };
}

function isRole(value: string): value is Role {
  return (Object.values(Role) as string[]).includes(value);
}

/** Those who run the company see all of it: only the other roles can be limited to their own records. */
function checkLimitedRoles(roles: Role[]): Role[] {
  roles.forEach((role, i) => {
    if (role === Role.OWNER || role === Role.ADMIN) throw BadUserInputError.field(['input', 'ownRecordsOnlyRoles', String(i)], 'owners and admins always see the whole company', 'INVALID');
  });
  return [...new Set(roles)];
}

export async function currentTenant(ctx: RequestContext): Promise<TenantNode> {
  return loadTenantNode(ctx.app, await ctx.em(), ctx.tenantId);
}

export async function updateTenantSettings(ctx: RequestContext, input: UpdateTenantSettingsInput): Promise<TenantNode> {
  if (!ctx.principal?.permissions.has('settings:manage')) throw new ForbiddenError('Only owners and admins change company settings');
  const em = await ctx.em();
  const settings = await em.findOneOrFail(TenantSettings, { tenantId: ctx.tenantId });
  if (input.currency !== undefined) settings.currency = checkCurrency(input.currency, ['input', 'currency']);
  if (input.timeZone !== undefined) settings.timeZone = checkTimeZone(input.timeZone, ['input', 'timeZone']);
  if (input.locale !== undefined) settings.locale = checkLocale(input.locale, ['input', 'locale']);
  if (input.ownRecordsOnlyRoles !== undefined && input.ownRecordsOnlyRoles !== null) settings.ownRecordsRoles = checkLimitedRoles(input.ownRecordsOnlyRoles);
  await em.flush();
  if (input.name !== undefined) {
    const name = checkText(input.name, ['input', 'name'], 200);
    // tenants is a platform table: written through the request's connection so it commits with the rest.
    await em.execute('update tenants set name = ? where id = ?', [name, ctx.tenantId]);
  }
  return currentTenant(ctx);
}
