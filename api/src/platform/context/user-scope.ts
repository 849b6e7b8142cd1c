import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/**
 * A transaction that acts for a user before a tenant is chosen (log in, switch tenant): only the
 * memberships policy's `user_id` branch can match, so it sees the user's own memberships and nothing else.
 */
export async function asUser<T>(orm: MikroORM, userId: string, fn: (em: EntityManager) => Promise<T>): Promise<T> {
  const em = orm.em.fork({ clear: true, useContext: false });
  return em.transactional(async (tx) => {
    await tx.execute("select set_config('app.tenant_id', '', true), set_config('app.user_id', ?, true)", [userId]);
    return fn(tx);
  });
}

export interface MembershipRow {
  tenant_id: string;
  tenant_name: string;
  role: string;
  created_at: Date;
}

export function listMemberships(em: EntityManager, userId: string): Promise<MembershipRow[]> {
  return em.execute<MembershipRow[]>(
    `select m.tenant_id, t.name as tenant_name, m.role, m.created_at
       from memberships m join tenants t on t.id = m.tenant_id
      where m.user_id = ? order by m.created_at`,
    [userId],
  );
}
