import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityDictionary, EntityName } from '@mikro-orm/core';
import { decodeCursor, encodeCursor, lazy, OrderDirection, type ConnectionResult } from './pagination.js';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

export interface SortKey {
  /** A non-null SQL expression over alias `t`. */
  expr: string;
  /** PostgreSQL type to cast a cursor's key back to. */
  cast: 'text' | 'timestamptz';
}

export interface KeysetQuery<E, N> {
  entity: EntityName<E>;
  table: string;
  tenantId: string;
  conditions: SqlCondition[];
  sort: SortKey;
  direction: OrderDirection;
  first: number;
  after: string | null | undefined;
  toNode: (entity: E) => N;
}

/** Escapes a user's search text for ILIKE: their % and _ are literal characters. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Keyset pagination over one tenant table: `(sort key, id)` is strictly ordered, so a page never
 * repeats or skips a row even while rows are inserted, and page N costs the same as page 1.
 * `tenant_id` is in every statement (the ORM filter's equivalent for hand-written SQL; RLS holds anyway).
 */
export async function keysetPage<E extends object, N>(em: EntityManager, q: KeysetQuery<E, N>): Promise<ConnectionResult<N>> {
  const where = [{ sql: 't.tenant_id = ?', params: [q.tenantId] as unknown[] }, ...q.conditions];
  const op = q.direction === OrderDirection.ASC ? '>' : '<';
  const dir = q.direction === OrderDirection.ASC ? 'asc' : 'desc';
  const pageWhere = [...where];
  if (q.after) {
    const cursor = decodeCursor(q.after, ['after']);
    pageWhere.push({ sql: `(${q.sort.expr}, t.id) ${op} (?::${q.sort.cast}, ?::uuid)`, params: [cursor.key, cursor.id] });
  }
  const sql = `select t.*, (${q.sort.expr})::text as "__sort_key" from ${q.table} t
    where ${pageWhere.map((c) => `(${c.sql})`).join(' and ')}
    order by ${q.sort.expr} ${dir}, t.id ${dir} limit ?`;
  const rows = await em.execute<Record<string, unknown>[]>(sql, [...pageWhere.flatMap((c) => c.params), q.first + 1]);
  const hasNextPage = rows.length > q.first;
  const page = rows.slice(0, q.first);
  const edges = page.map((row) => {
    const { __sort_key: sortKey, ...columns } = row;
    const entity = em.map(q.entity, columns as EntityDictionary<E>);
    return { cursor: encodeCursor({ key: String(sortKey), id: String(row.id) }), node: q.toNode(entity) };
  });
  const countSql = `select count(*)::int as count from ${q.table} t where ${where.map((c) => `(${c.sql})`).join(' and ')}`;
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: !!q.after,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: lazy(async () => (await em.execute<{ count: number }[]>(countSql, where.flatMap((c) => c.params)))[0]?.count ?? 0),
  };
}
