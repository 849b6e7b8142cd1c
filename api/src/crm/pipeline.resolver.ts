import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { deletePipelineStage } from './deal.service.js';
import {
  createPipeline,
  createPipelineStage,
  createStageChecklistItem,
  deletePipeline,
  deleteStageChecklistItem,
  getPipeline,
  listPipelines,
  pipelineStagesLoader,
  reorderPipelineStages,
  stageChecklistLoader,
  updatePipeline,
  updatePipelineStage,
  updateStageChecklistItem,
} from './pipeline.service.js';
import {
  CreatePipelineInput,
  CreatePipelineStageInput,
  CreateStageChecklistItemInput,
  DeletePipelineInput,
  DeletePipelineStageInput,
  DeleteStageChecklistItemInput,
  PipelineNode,
  PipelineStageNode,
  ReorderPipelineStagesInput,
  StageChecklistItemNode,
  UpdatePipelineInput,
  UpdatePipelineStageInput,
  UpdateStageChecklistItemInput,
} from './pipeline.types.js';

@Resolver(() => PipelineNode)
@InModule('CRM')
@InFeature('CRM.deals')
export class PipelineResolver {
  @Authorized('CRM:read')
  @Query(() => [PipelineNode], { description: 'The company’s pipelines in order (at most 50).' })
  pipelines(@Ctx() ctx: RequestContext): Promise<PipelineNode[]> {
    return listPipelines(ctx);
  }

  @Authorized('CRM:read')
  @Query(() => PipelineNode, { description: 'One pipeline; NOT_FOUND when it does not exist in this company.' })
  pipeline(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<PipelineNode> {
    return getPipeline(ctx, id);
  }

  @Authorized('CRM:read')
  @FieldResolver(() => [PipelineStageNode], { description: 'Its stages in order.' })
  stages(@Ctx() ctx: RequestContext, @Root() pipeline: PipelineNode): Promise<PipelineStageNode[]> {
    return pipelineStagesLoader(ctx).load(pipeline.uuid);
  }

  @Authorized('CRM:write')
  @Mutation(() => PipelineNode, { description: 'A new pipeline, last in order, with its stages if given.' })
  createPipeline(@Ctx() ctx: RequestContext, @Arg('input') input: CreatePipelineInput): Promise<PipelineNode> {
    return createPipeline(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => PipelineNode, { description: 'Renames or moves a pipeline.' })
  updatePipeline(@Ctx() ctx: RequestContext, @Arg('input') input: UpdatePipelineInput): Promise<PipelineNode> {
    return updatePipeline(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a pipeline with its stages; refused (CONFLICT, HAS_DEALS) while it holds deals. Returns its id.' })
  deletePipeline(@Ctx() ctx: RequestContext, @Arg('input') input: DeletePipelineInput): Promise<string> {
    return deletePipeline(ctx, input.id);
  }

  @Authorized('CRM:write')
  @Mutation(() => PipelineStageNode)
  createPipelineStage(@Ctx() ctx: RequestContext, @Arg('input') input: CreatePipelineStageInput): Promise<PipelineStageNode> {
    return createPipelineStage(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => PipelineStageNode, { description: 'A new default probability applies to the stage’s deals that do not set their own.' })
  updatePipelineStage(@Ctx() ctx: RequestContext, @Arg('input') input: UpdatePipelineStageInput): Promise<PipelineStageNode> {
    return updatePipelineStage(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a stage; refused (CONFLICT, HAS_DEALS) while deals are in it, unless moveDealsToStageId takes them. Returns its id.' })
  deletePipelineStage(@Ctx() ctx: RequestContext, @Arg('input') input: DeletePipelineStageInput): Promise<string> {
    return deletePipelineStage(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => PipelineNode, { description: 'Puts the pipeline’s stages in the given order.' })
  reorderPipelineStages(@Ctx() ctx: RequestContext, @Arg('input') input: ReorderPipelineStagesInput): Promise<PipelineNode> {
    return reorderPipelineStages(ctx, input);
  }
}

@Resolver(() => PipelineStageNode)
@InModule('CRM')
@InFeature('CRM.deals')
export class PipelineStageResolver {
  @Authorized('CRM:read')
  @FieldResolver(() => [StageChecklistItemNode], { description: 'What a manager must do while a deal is in this stage, in order.' })
  checklist(@Ctx() ctx: RequestContext, @Root() stage: PipelineStageNode): Promise<StageChecklistItemNode[]> {
    return stageChecklistLoader(ctx).load(stage.uuid);
  }

  @Authorized('CRM:write')
  @Mutation(() => StageChecklistItemNode)
  createStageChecklistItem(@Ctx() ctx: RequestContext, @Arg('input') input: CreateStageChecklistItemInput): Promise<StageChecklistItemNode> {
    return createStageChecklistItem(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => StageChecklistItemNode)
  updateStageChecklistItem(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateStageChecklistItemInput): Promise<StageChecklistItemNode> {
    return updateStageChecklistItem(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes a checklist item and its marks on deals; counts already in stage histories stay. Returns its id.' })
  deleteStageChecklistItem(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteStageChecklistItemInput): Promise<string> {
    return deleteStageChecklistItem(ctx, input.id);
  }
}
