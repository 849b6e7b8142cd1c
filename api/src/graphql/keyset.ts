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
  cast: 'text' | 'timestamptz' | 'date' | 'numeric';
}

/** What a cursor key of each type looks like (PostgreSQL's text form of the sort expression). */
const KEY_PATTERN: Record<SortKey['cast'], RegExp> = {
  // eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL text refuses
  text: /^[^\u0000]{0,2000}$/,
  // Sessions run in UTC (orm.config.ts), so keys always end in +00.
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  date: /^(\d{4}-\d{2}-\d{2}|-?infinity)$/,
  // NaN: the sentinel that sorts an empty number last.
  numeric: /^(-?\d{1,30}(\.\d{1,30})?|NaN)$/,
};

function orderName(q: { sort: SortKey; direction: OrderDirection }): string {
  return `${q.sort.name}:${q.direction}`;
}

export type Row = Record<string, unknown>;

/** A nullable text column of a raw row. */
export function rowText(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

/** A timestamp column of a raw row (pg gives a Date; be lenient with text). */
export function rowDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

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

/** A PostgreSQL array literal of uuids, for one `?::uuid[]` parameter (knex would spread a JS array). */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!/^[0-9a-f-]{36}$/i.test(id)) throw new Error(`not a uuid: ${id}`);
  return `{${ids.join(',')}}`;
}

/** A PostgreSQL text[] literal, each element quoted and escaped, null as NULL (knex would spread a JS array into several parameters). */
export function textArray(values: readonly (string | null)[]): string {
  return `{${values.map((value) => (value === null ? 'NULL' : `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/** Escapes a user's search text for ILIKE: their % and _ are literal characters. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type PageShape<N> = Pick<KeysetQuery<N>, 'table' | 'extraColumns' | 'joins' | 'sort' | 'direction' | 'first' | 'toNode'>;

/** `select … from <table> t <joins>`: the row, its sort key as text, and any joined columns. */
function selectFrom<N>(q: PageShape<N>): string {
  return `select t.*, (${q.sort.expr})::text as "__sort_key"${q.extraColumns ? `, ${q.extraColumns}` : ''} from ${q.table} t ${q.joins ?? ''}`;
}

function orderBy<N>(q: PageShape<N>): string {
  const dir = q.direction === OrderDirection.ASC ? 'asc' : 'desc';
  return `order by ${q.sort.expr} ${dir}, t.id ${dir}`;
}

/** Edges and page info from the rows of one page, fetched with one row more than the page size. */
function pageOf<N>(q: PageShape<N>, rows: Row[], hasPreviousPage: boolean): Omit<ConnectionResult<N>, 'totalCount'> {
  const order = orderName(q);
  const edges = rows.slice(0, q.first).map((row) => ({ cursor: encodeCursor({ order, key: String(row.__sort_key), id: String(row.id) }), node: q.toNode(row) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > q.first, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** The tenant condition first, in every statement, then the caller's. */
function tenantConditions(q: { tenantId: string; conditions: SqlCondition[] }): SqlCondition[] {
  return [{ sql: 't.tenant_id = ?', params: [q.tenantId] }, ...q.conditions];
}

function whereSql(conditions: SqlCondition[]): string {
  return conditions.map((c) => `(${c.sql})`).join(' and ');
}

/**
 * Keyset pagination over one tenant table: `(sort key, id)` is strictly ordered, so a page never
 * repeats or skips a row even while rows are inserted, and page N costs the same as page 1.
 * `tenant_id` is in every statement (the ORM filter's equivalent for hand-written SQL; RLS holds anyway).
 */
export async function keysetPage<N>(em: EntityManager, q: KeysetQuery<N>): Promise<ConnectionResult<N>> {
  const where = tenantConditions(q);
  const op = q.direction === OrderDirection.ASC ? '>' : '<';
  const pageWhere = [...where];
  if (q.after) {
    const cursor = decodeCursor(q.after, ['after'], orderName(q), KEY_PATTERN[q.sort.cast]);
    pageWhere.push({ sql: `(${q.sort.expr}, t.id) ${op} (?::${q.sort.cast}, ?::uuid)`, params: [cursor.key, cursor.id] });
  }
  const sql = `${selectFrom(q)} where ${whereSql(pageWhere)} ${orderBy(q)} limit ?`;
  const rows = await em.execute<Row[]>(sql, [...pageWhere.flatMap((c) => c.params), q.first + 1]);
  const countSql = `select count(*)::int as count from ${q.table} t where ${whereSql(where)}`;
  return {
    ...pageOf(q, rows, !!q.after),
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
  const where = tenantConditions(q);
  const keys = placeholders(partition.keys.length);
  const sql = `select p.__partition, x.* from unnest(array[${keys}]::uuid[]) as p(__partition) cross join lateral (
      ${selectFrom(q)} where t.${partition.column} = p.__partition and ${whereSql(where)} ${orderBy(q)} limit ?) x`;
  const rows = await em.execute<Row[]>(sql, [...partition.keys, ...where.flatMap((c) => c.params), q.first + 1]);
  const counts = lazy(async () => {
    const countRows = await em.execute<{ key: string; count: number }[]>(
      `select t.${partition.column} as key, count(*)::int as count from ${q.table} t
        where t.${partition.column} in (${keys}) and ${whereSql(where)} group by 1`,
      [...partition.keys, ...where.flatMap((c) => c.params)],
    );
    return new Map(countRows.map((r) => [String(r.key), r.count]));
  });
  const byKey = new Map<string, Row[]>(partition.keys.map((key) => [key, []]));
  for (const row of rows) byKey.get(String(row.__partition))?.push(row);
  const result = new Map<string, ConnectionResult<N>>();
  for (const [key, partRows] of byKey) {
    result.set(key, { ...pageOf(q, partRows, false), totalCount: lazy(async () => (await counts).get(key) ?? 0) });
  }
  return result;
}
