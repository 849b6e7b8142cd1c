import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../../../../schema/shared/tenant-owned.entity.js';

/**
 * A tenant-scoped unit of work: a forked EntityManager with the ORM tenant filter set and an open
 * transaction in which `app.tenant_id` (and `app.user_id`, for the memberships policy) are set.
 */
export class TenantScope {
  private constructor(readonly em: EntityManager) {}

  static async open(orm: MikroORM, tenantId: string, userId: string | null): Promise<TenantScope> {
    const em = await TenantScope.beginUnscoped(orm);
    try {
      await em.execute("select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)", [tenantId, userId ?? '']);
    } catch (error) {
      await em.rollback();
      throw error;
    }
    return TenantScope.adopt(em, tenantId);
  }

  /**
   * A transaction whose first statement will set `app.tenant_id` itself (authentication reads the
   * session row and sets the tenant from it in one round trip). Until then RLS shows no tenant row.
   */
  static async beginUnscoped(orm: MikroORM): Promise<EntityManager> {
    const em = orm.em.fork({ clear: true, useContext: false });
    await em.begin();
    return em;
  }

  /** The tenant scope of a transaction in which `app.tenant_id` was set to `tenantId`. */
  static adopt(em: EntityManager, tenantId: string): TenantScope {
    em.setFilterParams(TENANT_FILTER, { tenantId });
    return new TenantScope(em);
  }

  async commit(): Promise<void> {
    await this.em.commit();
  }

  async rollback(): Promise<void> {
    await this.em.rollback();
  }
}

/** Runs `fn` in its own tenant transaction: committed on success, rolled back on any error. */
export async function inTenant<T>(
  orm: MikroORM,
  tenantId: string,
  userId: string | null,
  fn: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const scope = await TenantScope.open(orm, tenantId, userId);
  try {
    const result = await fn(scope.em);
    await scope.em.flush();
    await scope.commit();
    return result;
  } catch (error) {
    await scope.rollback();
    throw error;
  }
}
