import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SourceChannel } from '../../../schema/crm/customer.entity.js';
import { DateTimeScalar, DecimalScalar, Money } from '../graphql/scalars.js';
import { UserNode } from '../platform/users/user.types.js';
import { MarketingEventRefNode } from './marketing-event.types.js';
import type { Decimal } from 'decimal.js';

@InputType({ description: 'What a report covers. The period is required; everything else narrows it.' })
export class ReportFilter {
  @Field(() => DateTimeScalar, { description: 'Start of the period (inclusive).' })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => ID, { nullable: true, description: 'One pipeline (the funnel needs one; other reports cover all when omitted).' })
  pipelineId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only deals owned by these members.' })
  ownerIds?: string[] | null;

  @Field(() => [SourceChannel], { nullable: true, description: 'Only deals that came through these channels.' })
  sourceChannels?: SourceChannel[] | null;

  @Field(() => String, { nullable: true, description: 'Only deals of this UTM campaign (exact).' })
  utmCampaign?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only deals these marketing events brought.' })
  eventIds?: string[] | null;
}

@ObjectType('ReportStage')
export class ReportStageNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => Int)
  position!: number;
}

@ObjectType('FunnelStage', { description: 'One stage of the funnel, for the deals created in the period.' })
export class FunnelStageNode {
  @Field(() => ReportStageNode)
  stage!: ReportStageNode;

  @Field(() => Int, { description: 'Deals that reached this stage or a later one (won deals passed every stage).' })
  reached!: number;

  @Field(() => [Money], { description: 'Their amounts, per currency.' })
  reachedAmount!: Money[];

  @Field(() => Int, { description: 'Open deals in this stage now.' })
  open!: number;

  @Field(() => Int, { description: 'Deals lost while in this stage.' })
  lost!: number;

  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the previous stage\'s deals that reached this one (0 to 1); null for the first stage or when none reached the previous.' })
  conversion!: Decimal | null;
}

@ObjectType('SalesFunnel')
export class SalesFunnelNode {
  @Field(() => [FunnelStageNode])
  stages!: FunnelStageNode[];

  @Field(() => Int, { description: 'Deals created in the period.' })
  created!: number;

  @Field(() => Int)
  won!: number;

  @Field(() => Int)
  lost!: number;

  @Field(() => [Money])
  wonAmount!: Money[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Won out of closed (0 to 1); null when none closed.' })
  winRate!: Decimal | null;
}

@ObjectType('WonLostStage', { description: 'Deals closed in the period, by the stage they were closed in.' })
export class WonLostStageNode {
  @Field(() => String, { description: 'The stage name when the deal was closed.' })
  stageName!: string;

  @Field(() => ID, { nullable: true, description: 'Null when the stage was deleted since.' })
  stageId!: string | null;

  @Field(() => Int)
  won!: number;

  @Field(() => Int)
  lost!: number;

  @Field(() => [Money])
  wonAmount!: Money[];

  @Field(() => [Money])
  lostAmount!: Money[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Share of the stage\'s checklist done when the deals were won (0 to 1); null without a checklist.' })
  checklistDoneWhenWon!: Decimal | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The same when they were lost: what the stage required, was it done?' })
  checklistDoneWhenLost!: Decimal | null;
}

@ObjectType('LostReason')
export class LostReasonNode {
  @Field({ description: 'As written (the first spelling of reasons that differ only in case and spaces).' })
  reason!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => [Money])
  amount!: Money[];
}

@ObjectType('WonLostReport')
export class WonLostReportNode {
  @Field(() => [WonLostStageNode])
  stages!: WonLostStageNode[];

  @Field(() => [LostReasonNode], { description: 'Most frequent first.' })
  lostReasons!: LostReasonNode[];
}

@ObjectType('ActivityCounts', { description: 'Interactions a member logged in the period, by kind.' })
export class ActivityCountsNode {
  @Field(() => Int)
  calls!: number;

  @Field(() => Int)
  meetings!: number;

  @Field(() => Int)
  emails!: number;

  @Field(() => Int)
  sms!: number;

  @Field(() => Int)
  notes!: number;
}

@ObjectType('ManagerPerformance', { description: 'One member\'s figures for the period; `manager` null gathers deals nobody owns.' })
export class ManagerPerformanceNode {
  @Field(() => UserNode, { nullable: true })
  manager!: UserNode | null;

  @Field(() => Int, { description: 'Deals created in the period.' })
  dealsCreated!: number;

  @Field(() => Int, { description: 'Deals won in the period.' })
  won!: number;

  @Field(() => Int)
  lost!: number;

  @Field(() => [Money])
  wonAmount!: Money[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Won out of closed in the period (0 to 1).' })
  conversion!: Decimal | null;

  @Field(() => Int, { description: 'Open deals now.' })
  openDeals!: number;

  @Field(() => [Money], { description: 'Open deals\' amounts now, each weighted by its probability.' })
  weightedPipeline!: Money[];

  @Field(() => ActivityCountsNode)
  activities!: ActivityCountsNode;

  @Field(() => Int, { description: 'Tasks assigned to them and completed in the period.' })
  tasksCompleted!: number;

  @Field(() => Int, { description: 'Open tasks assigned to them and past due now.' })
  overdueTasks!: number;
}

@ObjectType('EventPerformance', { description: 'A marketing event of the period: who came, the deals it brought (whenever they were won), against what it cost.' })
export class EventPerformanceNode {
  @Field(() => MarketingEventRefNode)
  event!: MarketingEventRefNode;

  @Field(() => Money, { nullable: true })
  cost!: Money | null;

  @Field(() => Int)
  registered!: number;

  @Field(() => Int)
  attended!: number;

  @Field(() => Int, { description: 'Deals that name it as their source.' })
  deals!: number;

  @Field(() => Int)
  won!: number;

  @Field(() => [Money])
  wonAmount!: Money[];

  @Field(() => DecimalScalar, { nullable: true, description: 'Won amount in the cost\'s currency divided by the cost; null without a cost or sales in that currency.' })
  returnOnCost!: Decimal | null;
}

@ObjectType('SourcePerformance', { description: 'Deals created in the period that came through one channel and campaign.' })
export class SourcePerformanceNode {
  @Field(() => SourceChannel, { nullable: true, description: 'Null: not recorded.' })
  channel!: SourceChannel | null;

  @Field(() => String, { nullable: true })
  utmCampaign!: string | null;

  @Field(() => MarketingEventRefNode, { nullable: true })
  event!: MarketingEventRefNode | null;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  won!: number;

  @Field(() => [Money])
  wonAmount!: Money[];

  @Field(() => DecimalScalar, { nullable: true })
  winRate!: Decimal | null;
}
