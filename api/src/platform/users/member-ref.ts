import { BadUserInputError } from '../../graphql/errors.js';
import { fromGlobalId } from '../../graphql/global-id.js';
import type { Row } from '../../graphql/keyset.js';
import type { ServiceContext } from '../context/service-context.js';

/** The user id of a member of the context's company, or a field error naming `path`. */
export async function memberId(ctx: ServiceContext, globalId: string, path: string[]): Promise<string> {
  const userId = fromGlobalId('User', globalId, path);
  const rows = await (await ctx.em()).execute<Row[]>('select 1 from memberships where tenant_id = ? and user_id = ?', [ctx.tenantId, userId]);
  if (rows.length === 0) throw BadUserInputError.field(path, 'is not a member of this company', 'NOT_A_MEMBER');
  return userId;
}
