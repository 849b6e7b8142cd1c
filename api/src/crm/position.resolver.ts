import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { createPosition, deletePosition, listPositions, updatePosition } from './position.service.js';
import { CreatePositionInput, DeletePositionInput, PositionNode, UpdatePositionInput } from './position.types.js';

@Resolver(() => PositionNode)
@InModule('CRM')
export class PositionResolver {
  @Authorized('CRM:read')
  @Query(() => [PositionNode], { description: 'The positions directory, alphabetically (at most 500: not paginated).' })
  positions(@Ctx() ctx: RequestContext): Promise<PositionNode[]> {
    return listPositions(ctx);
  }

  @Authorized('CRM:write')
  @Mutation(() => PositionNode)
  createPosition(@Ctx() ctx: RequestContext, @Arg('input') input: CreatePositionInput): Promise<PositionNode> {
    return createPosition(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => PositionNode)
  updatePosition(@Ctx() ctx: RequestContext, @Arg('input') input: UpdatePositionInput): Promise<PositionNode> {
    return updatePosition(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Removes a position; people holding it keep everything else.' })
  deletePosition(@Ctx() ctx: RequestContext, @Arg('input') input: DeletePositionInput): Promise<string> {
    return deletePosition(ctx, input.id);
  }
}
