import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor, lazy, OrderDirection, type ConnectionResult } from './pagination.js';

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

export interface SortKey {
  /** Names the order in cursors, e.g. `NAME`. */
  name: string;
  /** A non-null SQL expression over alias `t`. */
  expr: string;
  /** PostgreSQL type to cast a cursor's key back to. */
  cast: 'text' | 'timestamptz';
}

/** What a cursor key of each type looks like (PostgreSQL's text form of the sort expression). */
const KEY_PATTERN: Record<SortKey['cast'], RegExp> = {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text refuses
  text: /^[^\u0000]{0,2000}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
};

function orderName(q: { sort: SortKey; direction: OrderDirection }): string {
  return `${q.sort.name}:${q.direction}`;
}

export type Row = Record<string, unknown>;

export interface KeysetQuery<N> {
  table: string;
  /** Extra select-list columns and joins, e.g. a referenced row's columns for nested fields. */
  extraColumns?: string;
  joins?: string;
  tenantId: string;
  conditions: SqlCondition[];
  sort: SortKey;
  direction: OrderDirection;
  first: number;
  after: string | null | undefined;
  /** Builds the GraphQL node straight from the row: a read-only list needs no tracked entities. */
  toNode: (row: Row) => N;
}

/** `?, ?, ?`: knex expands an array bound to one `?`, so arrays are spelled out in SQL. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
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
export async function keysetPage<N>(em: EntityManager, q: KeysetQuery<N>): Promise<ConnectionResult<N>> {
  const where = [{ sql: 't.tenant_id = ?', params: [q.tenantId] as unknown[] }, ...q.conditions];
  const op = q.direction === OrderDirection.ASC ? '>' : '<';
  const dir = q.direction === OrderDirection.ASC ? 'asc' : 'desc';
  const pageWhere = [...where];
  if (q.after) {
    const cursor = decodeCursor(q.after, ['after'], orderName(q), KEY_PATTERN[q.sort.cast]);
    pageWhere.push({ sql: `(${q.sort.expr}, t.id) ${op} (?::${q.sort.cast}, ?::uuid)`, params: [cursor.key, cursor.id] });
  }
  const sql = `select t.*, (${q.sort.expr})::text as "__sort_key"${q.extraColumns ? `, ${q.extraColumns}` : ''} from ${q.table} t ${q.joins ?? ''}
    where ${pageWhere.map((c) => `(${c.sql})`).join(' and ')}
    order by ${q.sort.expr} ${dir}, t.id ${dir} limit ?`;
  const rows = await em.execute<Row[]>(sql, [...pageWhere.flatMap((c) => c.params), q.first + 1]);
  const hasNextPage = rows.length > q.first;
  const page = rows.slice(0, q.first);
  const order = orderName(q);
  const edges = page.map((row) => ({ cursor: encodeCursor({ order, key: String(row.__sort_key), id: String(row.id) }), node: q.toNode(row) }));
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

/**
 * First pages of one list for many parents at once (`companies { contacts }`): one lateral query
 * for all pages and, if asked for, one grouped count, instead of two queries per parent.
 */
export async function keysetFirstPages<N>(
  em: EntityManager,
  q: Omit<KeysetQuery<N>, 'after'>,
  partition: { column: string; keys: readonly string[] },
): Promise<Map<string, ConnectionResult<N>>> {
  const dir = q.direction === OrderDirection.ASC ? 'asc' : 'desc';
  const where = [{ sql: 't.tenant_id = ?', params: [q.tenantId] as unknown[] }, ...q.conditions];
  const keys = placeholders(partition.keys.length);
  const sql = `select p.__partition, x.* from unnest(array[${keys}]::uuid[]) as p(__partition) cross join lateral (
      select t.*, (${q.sort.expr})::text as "__sort_key"${q.extraColumns ? `, ${q.extraColumns}` : ''} from ${q.table} t ${q.joins ?? ''}
      where t.${partition.column} = p.__partition and ${where.map((c) => `(${c.sql})`).join(' and ')}
      order by ${q.sort.expr} ${dir}, t.id ${dir} limit ?) x`;
  const rows = await em.execute<Row[]>(sql, [...partition.keys, ...where.flatMap((c) => c.params), q.first + 1]);
  const counts = lazy(async () => {
    const countRows = await em.execute<{ key: string; count: number }[]>(
      `select t.${partition.column} as key, count(*)::int as count from ${q.table} t
        where t.${partition.column} in (${keys}) and ${where.map((c) => `(${c.sql})`).join(' and ')} group by 1`,
      [...partition.keys, ...where.flatMap((c) => c.params)],
    );
    return new Map(countRows.map((r) => [String(r.key), r.count]));
  });
  const byKey = new Map<string, Row[]>(partition.keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(String(row.__partition))?.push(row);
  const result = new Map<string, ConnectionResult<N>>();
  for (const [key, partRows] of byKey) {
    const page = partRows.slice(0, q.first);
    const edges = page.map((row) => ({ cursor: encodeCursor({ order: orderName(q), key: String(row.__sort_key), id: String(row.id) }), node: q.toNode(row) }));
    result.set(key, {
      edges,
      pageInfo: { hasNextPage: partRows.length > q.first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: lazy(async () => (await counts).get(key) ?? 0),
    });
  }
  return result;
}
