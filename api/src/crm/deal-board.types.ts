import { Field, Int, ObjectType } from 'type-graphql';
import { Money } from '../graphql/scalars.js';
import { DealNode } from './deal.types.js';
import { PipelineStageNode } from './pipeline.types.js';

@ObjectType('DealBoardColumn', { description: 'One stage of a pipeline’s board: its open deals in board order. Won and lost deals are not on the board.' })
export class DealBoardColumnNode {
  @Field(() => PipelineStageNode)
  stage!: PipelineStageNode;

  @Field(() => Int, { description: 'Every open deal in the stage, not only the ones listed.' })
  count!: number;

  @Field(() => [Money], { description: 'The amounts of every open deal in the stage, summed per currency (by currency code); deals without an amount add nothing.' })
  totalAmount!: Money[];

  @Field(() => [DealNode], { description: 'The first `firstPerStage` open deals, in board order.' })
  deals!: DealNode[];
}
