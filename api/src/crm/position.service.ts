import DataLoader from 'dataloader';
import { Position } from '../../../schema/crm/position.entity.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { placeholders, type Row } from '../graphql/keyset.js';
import { checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import type { CreatePositionInput, PositionNode, UpdatePositionInput } from './position.types.js';

const MAX_POSITIONS = 500;

function positionNodeFromRow(row: Row): PositionNode {
  return { id: toGlobalId('Position', String(row.id)), name: String(row.name), decisionMaker: row.decision_maker === true, contactCount: Number(row.contact_count ?? 0) };
}

const SELECT = `select p.*, (select count(*)::int from crm_contacts c where c.tenant_id = p.tenant_id and c.position_id = p.id) as contact_count from crm_positions p`;

/** The whole directory, alphabetically: it is short by nature (at most 500). */
export async function listPositions(ctx: ServiceContext): Promise<PositionNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>(`${SELECT} where p.tenant_id = ? order by lower(p.name), p.id`, [ctx.tenantId]);
  return rows.map(positionNodeFromRow);
}

async function positionNode(ctx: ServiceContext, id: string): Promise<PositionNode> {
  const rows = await (await ctx.em()).execute<Row[]>(`${SELECT} where p.tenant_id = ? and p.id = ?`, [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Position');
  return positionNodeFromRow(row);
}

/** The position's id when it is this tenant's; NOT_FOUND otherwise. */
export async function positionId(ctx: ServiceContext, globalId: string, path: string[]): Promise<string> {
  const id = fromGlobalId('Position', globalId, path);
  if (!(await (await ctx.em()).findOne(Position, { tenantId: ctx.tenantId, id }))) throw new NotFoundError('Position');
  return id;
}

async function checkUniqueName(ctx: ServiceContext, name: string, exceptId: string | null): Promise<void> {
  const rows = await (await ctx.em()).execute<Row[]>('select id from crm_positions where tenant_id = ? and lower(name) = lower(?)', [ctx.tenantId, name]);
  if (rows.some((row) => String(row.id) !== exceptId)) throw new ConflictError('A position with this name exists', ['input', 'name'], 'ALREADY_EXISTS');
}

export async function createPosition(ctx: ServiceContext, input: CreatePositionInput): Promise<PositionNode> {
  const name = checkText(input.name, ['input', 'name'], 100);
  await checkUniqueName(ctx, name, null);
  const em = await ctx.em();
  const [count] = await em.execute<Row[]>('select count(*)::int as n from crm_positions where tenant_id = ?', [ctx.tenantId]);
  if (Number(count?.n ?? 0) >= MAX_POSITIONS) throw BadUserInputError.field(['input', 'name'], `a company has at most ${MAX_POSITIONS} positions`, 'TOO_MANY', { max: MAX_POSITIONS });
  const position = em.create(Position, { tenantId: ctx.tenantId, name, decisionMaker: input.decisionMaker });
  em.persist(position);
  await em.flush();
  return positionNode(ctx, position.id);
}

export async function updatePosition(ctx: ServiceContext, input: UpdatePositionInput): Promise<PositionNode> {
  const id = await positionId(ctx, input.id, ['input', 'id']);
  const em = await ctx.em();
  const position = await em.findOneOrFail(Position, { tenantId: ctx.tenantId, id });
  if (input.name !== undefined) {
    if (input.name === null) throw BadUserInputError.field(['input', 'name'], 'must not be empty', 'REQUIRED');
    const name = checkText(input.name, ['input', 'name'], 100);
    await checkUniqueName(ctx, name, id);
    position.name = name;
  }
  if (input.decisionMaker !== undefined && input.decisionMaker !== null) position.decisionMaker = input.decisionMaker;
  await em.flush();
  return positionNode(ctx, id);
}

/** People who held it keep everything else; their position becomes empty. */
export async function deletePosition(ctx: ServiceContext, globalId: string): Promise<string> {
  const id = await positionId(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  await em.execute('update crm_contacts set position_id = null, updated_at = now() where tenant_id = ? and position_id = ?', [ctx.tenantId, id]);
  await em.execute('delete from crm_positions where tenant_id = ? and id = ?', [ctx.tenantId, id]);
  return globalId;
}

/** Batches every `contact.position` of a response into one query. */
export function positionLoader(ctx: RequestContext): DataLoader<string, PositionNode | null> {
  return ctx.loader('crm.position', () =>
    new DataLoader<string, PositionNode | null>(async (ids) => {
      const rows = await (await ctx.em()).execute<Row[]>(`${SELECT} where p.tenant_id = ? and p.id in (${placeholders(ids.length)})`, [ctx.tenantId, ...ids]);
      const byId = new Map(rows.map((row) => [String(row.id), positionNodeFromRow(row)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
