import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('StageChecklistItem', { description: 'Something a manager must do while a deal is in the stage.' })
export class StageChecklistItemNode {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => Int, { description: 'Order in the stage’s checklist, from 0.' })
  position!: number;
}

@ObjectType('PipelineStage', { description: 'A step of a pipeline.' })
export class PipelineStageNode {
  @Field(() => ID)
  id!: string;

  /** Database ids, for loaders; not exposed. */
  uuid!: string;
  pipelineUuid!: string;

  @Field(() => ID)
  pipelineId!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Order in the pipeline, from 0.' })
  position!: number;

  @Field(() => Int, { description: 'Chance (0–100) that a deal in this stage is won, unless the deal sets its own.' })
  probability!: number;

  @Field(() => Int, { nullable: true, description: 'An open deal this many days without activity is rotting; null: never.' })
  rottingDays!: number | null;
}

@ObjectType('Pipeline', { description: 'A sales process: its stages in order.' })
export class PipelineNode {
  @Field(() => ID)
  id!: string;

  uuid!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: 'Order among the company’s pipelines, from 0; the first takes deals that name none.' })
  position!: number;
}

@InputType({ description: 'A stage of a new pipeline.' })
export class NewPipelineStageInput {
  @Field()
  name!: string;

  @Field(() => Int, { description: '0 to 100.' })
  probability!: number;

  @Field(() => Int, { nullable: true, description: '1 to 3650; null: deals here never rot.' })
  rottingDays?: number | null;
}

@InputType()
export class CreatePipelineInput {
  @Field()
  name!: string;

  @Field(() => [NewPipelineStageInput], { nullable: true, description: 'Its stages in order (at most 30); more can be added later.' })
  stages?: NewPipelineStageInput[] | null;
}

@InputType({ description: 'Omitted fields stay as they are.' })
export class UpdatePipelineInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, { nullable: true, description: 'Moves it to this index among the pipelines (0 is the default one); beyond the end: last.' })
  position?: number | null;
}

@InputType()
export class DeletePipelineInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class CreatePipelineStageInput {
  @Field(() => ID)
  pipelineId!: string;

  @Field()
  name!: string;

  @Field(() => Int, { description: '0 to 100.' })
  probability!: number;

  @Field(() => Int, { nullable: true, description: '1 to 3650; null: deals here never rot.' })
  rottingDays?: number | null;

  @Field(() => Int, { nullable: true, description: 'Index among the stages; omitted or beyond the end: last.' })
  position?: number | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears rottingDays.' })
export class UpdatePipelineStageInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, { nullable: true })
  probability?: number | null;

  @Field(() => Int, { nullable: true })
  rottingDays?: number | null;
}

@InputType()
export class DeletePipelineStageInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Another stage of the same pipeline that takes the stage’s deals (open ones at the end of its column).' })
  moveDealsToStageId?: string | null;
}

@InputType()
export class ReorderPipelineStagesInput {
  @Field(() => ID)
  pipelineId!: string;

  @Field(() => [ID], { description: 'Every stage of the pipeline, once each, in the new order.' })
  stageIds!: string[];
}

@InputType()
export class CreateStageChecklistItemInput {
  @Field(() => ID)
  stageId!: string;

  @Field()
  title!: string;

  @Field(() => Int, { nullable: true, description: 'Index in the checklist; omitted or beyond the end: last.' })
  position?: number | null;
}

@InputType({ description: 'Omitted fields stay as they are.' })
export class UpdateStageChecklistItemInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => Int, { nullable: true, description: 'Moves it to this index in the checklist; beyond the end: last.' })
  position?: number | null;
}

@InputType()
export class DeleteStageChecklistItemInput {
  @Field(() => ID)
  id!: string;
}
