import { Arg, Authorized, Ctx, Extensions, ID, Int, Query, Resolver } from 'type-graphql';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { BOARD_DEFAULT_PER_STAGE, dealBoard } from './deal-board.service.js';
import { DealBoardColumnNode } from './deal-board.types.js';

/** What a board costs before it runs: its deals (per stage) times their fields, as a list of that size would. */
const boardComplexity = ({ args, childComplexity }: { args: Record<string, unknown>; childComplexity: number }): number =>
  1 + childComplexity * (typeof args.firstPerStage === 'number' ? args.firstPerStage : BOARD_DEFAULT_PER_STAGE);

@Resolver(() => DealBoardColumnNode)
@InModule('CRM')
@InFeature('CRM.deals')
export class DealBoardResolver {
  @Authorized('CRM:read')
  @Extensions({ complexity: boardComplexity })
  @Query(() => [DealBoardColumnNode], { description: 'A pipeline’s board: per stage, in order, its open deals in board order (the first `firstPerStage`), their count and their total per currency.' })
  dealBoard(
    @Ctx() ctx: RequestContext,
    @Arg('pipelineId', () => ID) pipelineId: string,
    @Arg('firstPerStage', () => Int, { nullable: true, description: `Deals listed per stage, 1 to 100 (default ${BOARD_DEFAULT_PER_STAGE}).` }) firstPerStage?: number,
  ): Promise<DealBoardColumnNode[]> {
    return dealBoard(ctx, pipelineId, firstPerStage);
  }
}
