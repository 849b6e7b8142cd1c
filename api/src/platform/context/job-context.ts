import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ApiKeyAccess } from '../../../../schema/platform/api-key.entity.js';
import type { Role } from '../../../../schema/platform/membership.entity.js';
import type { App } from '../app.js';
import { permissionsOfRole, type Permission } from '../auth/permissions.js';
import { MODULE_KEYS, type ModuleKey } from '../modules/module-manifest.js';
import { loadTenantModules } from '../modules/module.service.js';
import type { TenantModules } from '../modules/tenant-modules.js';
import type { Principal, ServiceContext } from './service-context.js';

/** Who a job acts for: the member, or the partner's API key, that started the work. */
export type JobActor = { userId: string; apiKeyId?: null } | { userId?: null; apiKeyId: string };

/** The actor no longer has access to the company (left it, key revoked): the job cannot act for them. */
export class ActorGoneError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActorGoneError';
  }
}

interface KeyRow {
  modules: string[];
  access: ApiKeyAccess;
  revoked: boolean;
}

/**
 * The service context of a background job: the services a request calls run unchanged, for the
 * member (or API key) who started the job, with the permissions they hold when the job runs and the
 * tenant's switches read inside the job's transaction. `em()` is the EntityManager of that
 * transaction (a batch of an import, say), so everything the services write commits or rolls back with it.
 */
export class JobContext implements ServiceContext {
  private constructor(
    readonly requestId: string,
    readonly log: Logger,
    readonly tenantId: string,
    readonly principal: Principal,
    readonly modules: TenantModules,
    private readonly entityManager: EntityManager,
  ) {}

  /**
   * Builds the context inside `em`'s tenant transaction (opened with `inTenant` or `TenantScope`).
   * Throws ActorGoneError when the actor may no longer act in the tenant.
   */
  static async open(app: App, em: EntityManager, tenantId: string, actor: JobActor, jobId: string): Promise<JobContext> {
    const principal = actor.userId ? await memberPrincipal(em, tenantId, actor.userId) : await keyPrincipal(em, tenantId, actor.apiKeyId ?? '');
    const modules = await loadTenantModules(em, app.registry);
    const log = app.log.child({ jobId, tenantId, userId: principal.userId ?? undefined, apiKeyId: principal.apiKeyId ?? undefined });
    return new JobContext(jobId, log, tenantId, principal, modules, em);
  }

  em(): Promise<EntityManager> {
    return Promise.resolve(this.entityManager);
  }

  /** Whether the actor holds `permission` now. */
  can(permission: Permission): boolean {
    return this.principal.permissions.has(permission);
  }
}

/**
 * The member as a request of theirs would see them: their role now, and, when the company limits
 * that role to its own records, the same row-level restriction (`app.own_records_user`) set in the
 * job's transaction, so a job can never reach what its member could not.
 */
async function memberPrincipal(em: EntityManager, tenantId: string, userId: string): Promise<Principal> {
  const rows = await em.execute<{ role: Role; limited: boolean }[]>(
    `select m.role, coalesce(m.role::text = any(s.own_records_roles), false) as limited
       from memberships m left join tenant_settings s on s.tenant_id = m.tenant_id
      where m.tenant_id = ? and m.user_id = ?`,
    [tenantId, userId],
  );
  const member = rows[0];
  if (!member) throw new ActorGoneError('The member who started this is no longer in the company');
  const limited = member.limited === true;
  await em.execute("select set_config('app.own_records_user', ?, true)", [limited ? userId : '']);
  return { kind: 'session', tenantId, userId, sessionId: null, apiKeyId: null, role: member.role, permissions: permissionsOfRole(member.role), ownRecordsOnly: limited };
}

async function keyPrincipal(em: EntityManager, tenantId: string, apiKeyId: string): Promise<Principal> {
  const rows = await em.execute<KeyRow[]>('select modules, access, revoked_at is not null as revoked from api_keys where tenant_id = ? and id = ?', [tenantId, apiKeyId]);
  const key = rows[0];
  if (!key || key.revoked) throw new ActorGoneError('The API key that started this was revoked');
  const permissions = new Set<Permission>();
  for (const module of key.modules) {
    if (!(MODULE_KEYS as readonly string[]).includes(module)) continue;
    permissions.add(`${module as ModuleKey}:read`);
    if (key.access === ApiKeyAccess.READ_WRITE) permissions.add(`${module as ModuleKey}:write`);
  }
  return { kind: 'apiKey', tenantId, userId: null, sessionId: null, apiKeyId, role: null, permissions };
}
