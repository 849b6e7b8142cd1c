import { BadUserInputError, UnauthenticatedError } from '../../graphql/errors.js';

/** Ids one call may mark; a page of the list is at most 200. */
const MAX_IDS = 200;
import { fromGlobalId, toGlobalId } from '../../graphql/global-id.js';
import { keysetPage, rowDate, rowText, type Row, type SqlCondition } from '../../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../../graphql/pagination.js';
import type { ServiceContext } from '../context/service-context.js';
import type { NotificationNode } from './notification.types.js';

/** Notifications belong to a person: API keys have none. */
function personOf(ctx: ServiceContext): string {
  const userId = ctx.principal?.userId;
  if (!userId) throw new UnauthenticatedError('Only a signed-in person has notifications');
  return userId;
}

function notificationFromRow(row: Row): NotificationNode {
  const params = typeof row.params === 'object' && row.params !== null ? Object.entries(row.params).map(([key, value]) => ({ key, value: String(value) })) : [];
  return {
    id: toGlobalId('Notification', String(row.id)),
    kind: String(row.kind),
    params,
    link: rowText(row.link),
    createdAt: rowDate(row.created_at),
    readAt: row.read_at === null || row.read_at === undefined ? null : rowDate(row.read_at),
  };
}

export async function listNotifications(ctx: ServiceContext, args: { first?: number | null; after?: string | null; unreadOnly?: boolean | null }): Promise<ConnectionResult<NotificationNode>> {
  const conditions: SqlCondition[] = [{ sql: 't.user_id = ?', params: [personOf(ctx)] }];
  if (args.unreadOnly) conditions.push({ sql: 't.read_at is null', params: [] });
  return keysetPage(await ctx.em(), {
    table: 'notifications',
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: notificationFromRow,
  });
}

export async function unreadNotificationCount(ctx: ServiceContext): Promise<number> {
  const rows = await (await ctx.em()).execute<{ count: number }[]>('select count(*)::int as count from notifications where tenant_id = ? and user_id = ? and read_at is null', [ctx.tenantId, personOf(ctx)]);
  return rows[0]?.count ?? 0;
}

/** Marks the caller's own notifications read (others' ids match nothing); returns how many changed. */
export async function markNotificationsRead(ctx: ServiceContext, input: { ids?: string[] | null; all?: boolean | null }): Promise<number> {
  const userId = personOf(ctx);
  const em = await ctx.em();
  if (input.all && input.ids?.length) throw BadUserInputError.field(['input', 'all'], 'either ids or all, not both');
  if (input.all) {
    return (await em.execute<{ id: string }[]>('update notifications set read_at = now() where tenant_id = ? and user_id = ? and read_at is null returning id', [ctx.tenantId, userId])).length;
  }
  if (!input.ids || input.ids.length === 0) throw BadUserInputError.field(['input', 'ids'], 'name the notifications, or set all: true', 'REQUIRED');
  if (input.ids.length > MAX_IDS) throw BadUserInputError.field(['input', 'ids'], `at most ${MAX_IDS} at a time`, 'TOO_LONG', { max: MAX_IDS });
  const ids = input.ids.map((id, index) => fromGlobalId('Notification', id, ['input', 'ids', String(index)]));
  const rows = await em.execute<{ id: string }[]>(
    `update notifications set read_at = now() where tenant_id = ? and user_id = ? and read_at is null and id in (${ids.map(() => '?').join(', ')}) returning id`,
    [ctx.tenantId, userId, ...ids],
  );
  return rows.length;
}
