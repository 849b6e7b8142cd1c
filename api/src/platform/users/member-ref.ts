import DataLoader from 'dataloader';
import { BadUserInputError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/global-id.js';
import { placeholders, type Row } from '../../graphql/keyset.js';
import type { RequestContext } from '../context/request-context.js';
import type { ServiceContext } from '../context/service-context.js';
import { USER_COLUMNS, userFromRow } from './user-row.js';
import type { UserNode } from './user.types.js';

/** The user id of a member of the context's company, or a field error naming `path`. */
export async function memberId(ctx: ServiceContext, globalId: string, path: string[]): Promise<string> {
  const userId = fromGlobalId('User', globalId, path);
  const rows = await (await ctx.em()).execute<Row[]>('select 1 from memberships where tenant_id = ? and user_id = ?', [ctx.tenantId, userId]);
  if (rows.length === 0) throw BadUserInputError.field(path, 'is not a member of this company', 'NOT_A_MEMBER');
  return userId;
}

/**
 * The owner a record gets from an input: undefined when the input leaves it alone, null for nobody,
 * else a member. A member limited to their own records can give a record only to themselves (it
 * would vanish from their view otherwise, midway through their own request).
 */
export async function ownerFromInput(ctx: ServiceContext, globalId: string | null | undefined, path: string[]): Promise<string | null | undefined> {
  if (globalId === undefined) return undefined;
  const limited = ctx.principal?.ownRecordsOnly === true;
  const owner = globalId === null ? null : await memberId(ctx, globalId, path);
  if (limited && owner !== ctx.principal?.userId) throw BadUserInputError.field(path, 'your role sees only its own records: you can only be the owner yourself', 'OWN_RECORDS_ONLY');
  return owner;
}

/** Batches the people of a response (owners of records) into one query; former members read as null. */
export function memberLoader(ctx: RequestContext): DataLoader<string, UserNode | null> {
  return ctx.loader('platform.member', () =>
    new DataLoader<string, UserNode | null>(async (ids) => {
      const rows = await (await ctx.em()).execute<Row[]>(
        `select ${USER_COLUMNS} from memberships m join users u on u.id = m.user_id where m.tenant_id = ? and m.user_id in (${placeholders(ids.length)})`,
        [ctx.tenantId, ...ids],
      );
      const byId = new Map(rows.map((row) => [String(row.u_id), userFromRow(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
