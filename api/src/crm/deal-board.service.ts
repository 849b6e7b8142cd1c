import { Decimal } from 'decimal.js';
import { BadUserInputError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { keysetFirstPages, type Row } from '../graphql/keyset.js';
import { OrderDirection } from '../graphql/pagination.js';
import type { Money } from '../graphql/scalars.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import type { DealBoardColumnNode } from './deal-board.types.js';
import { dealQuery } from './deal.service.js';
import { stageNodeFromRow } from './pipeline.service.js';

export const BOARD_DEFAULT_PER_STAGE = 20;
export const BOARD_MAX_PER_STAGE = 100;

/**
 * A pipeline's board in three statements whatever its size: the stages, the first open deals of
 * every stage (one lateral query, in board order), and the counts and totals per stage and
 * currency (one grouped query over the open deals).
 */
export async function dealBoard(ctx: ServiceContext, pipelineGlobalId: string, firstPerStage: number | null | undefined): Promise<DealBoardColumnNode[]> {
  const perStage = firstPerStage ?? BOARD_DEFAULT_PER_STAGE;
  if (!Number.isInteger(perStage) || perStage < 1 || perStage > BOARD_MAX_PER_STAGE) {
    throw BadUserInputError.field(['firstPerStage'], `must be between 1 and ${BOARD_MAX_PER_STAGE}`, 'OUT_OF_RANGE', { min: 1, max: BOARD_MAX_PER_STAGE });
  }
  const pipelineId = fromGlobalId('Pipeline', pipelineGlobalId, ['pipelineId']);
  const em = await ctx.em();
  const stageRows = await em.execute<Row[]>(
    `select s.*, p.id as pipeline_found from crm_pipelines p left join crm_pipeline_stages s on s.tenant_id = p.tenant_id and s.pipeline_id = p.id
      where p.tenant_id = ? and p.id = ? order by s.position, s.id`,
    [ctx.tenantId, pipelineId],
  );
  if (stageRows.length === 0) throw new NotFoundError('Pipeline');
  const stages = stageRows.filter((row) => row.id !== null && row.id !== undefined).map((row) => stageNodeFromRow(row));
  if (stages.length === 0) return [];
  const stageIds = stages.map((stage) => stage.uuid);
  const query = dealQuery(ctx, [{ sql: `t.status = 'OPEN'`, params: [] }], { first: perStage });
  const pages = await keysetFirstPages(em, { ...query, sort: { name: 'POSITION', expr: 't.position', cast: 'numeric' }, direction: OrderDirection.ASC }, { column: 'stage_id', keys: stageIds });
  const totals = await em.execute<Row[]>(
    `select stage_id, currency, count(*)::int as count, sum(amount)::text as total from crm_deals
      where tenant_id = ? and pipeline_id = ? and status = 'OPEN' group by stage_id, currency`,
    [ctx.tenantId, pipelineId],
  );
  return stages.map((stage) => {
    const own = totals.filter((row) => String(row.stage_id) === stage.uuid);
    const totalAmount: Money[] = own
      .filter((row) => row.currency !== null && row.total !== null)
      .map((row) => ({ currency: String(row.currency), amount: new Decimal(String(row.total)) }))
      .sort((a, b) => a.currency.localeCompare(b.currency));
    return {
      stage,
      count: own.reduce((sum, row) => sum + Number(row.count), 0),
      totalAmount,
      deals: (pages.get(stage.uuid)?.edges ?? []).map((edge) => edge.node),
    };
  });
}
