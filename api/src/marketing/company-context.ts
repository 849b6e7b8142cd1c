import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { App } from '../platform/app.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { loadTenantModules } from '../platform/modules/module.service.js';
import type { TenantModules } from '../platform/modules/tenant-modules.js';

/**
 * The company itself at work in a job (an automation, a scheduled campaign's start): no member acts
 * (the work runs for the company, whoever set it up), so CRM filters evaluate as the company sees its
 * records, with the company's switches read in the job's own transaction.
 */
export class CompanyContext implements ServiceContext {
  readonly principal = null;

  constructor(
    readonly requestId: string,
    readonly log: Logger,
    readonly tenantId: string,
    readonly modules: TenantModules,
    private readonly entityManager: EntityManager,
  ) {}

  em(): Promise<EntityManager> {
    return Promise.resolve(this.entityManager);
  }
}

/** The company's context inside a tenant transaction already open on `em`. */
export async function companyContext(app: App, em: EntityManager, tenantId: string, jobId: string): Promise<CompanyContext> {
  const modules = await loadTenantModules(em, app.registry);
  return new CompanyContext(jobId, app.log.child({ jobId, tenantId }), tenantId, modules, em);
}

/** Runs `fn` in its own tenant transaction (committed on success) with the company's context. */
export function inCompanyTenant<T>(app: App, tenantId: string, jobId: string, fn: (ctx: CompanyContext, em: EntityManager) => Promise<T>): Promise<T> {
  return inTenant(app.orm, tenantId, null, async (em) => fn(await companyContext(app, em, tenantId, jobId), em));
}
