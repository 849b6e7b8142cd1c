import { Arg, Args, ArgsType, Authorized, Ctx, Field, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { InteractionKind } from '../../../schema/crm/interaction.entity.js';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { deleteInteraction, getInteraction, listInteractions, logInteraction, timeline } from './interaction.service.js';
import {
  DeleteInteractionInput,
  InteractionConnection,
  InteractionNode,
  LogInteractionInput,
  TimelineConnection,
  TimelineEntryNode,
  TimelineSubject,
} from './interaction.types.js';

@ArgsType()
export class InteractionsArgs {
  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => TimelineSubject, { nullable: true, description: 'Only those with this person or customer, or about this deal.' })
  subject?: TimelineSubject;

  @Field(() => InteractionKind, { nullable: true })
  kind?: InteractionKind;
}

@ArgsType()
export class TimelineArgs {
  @Field(() => TimelineSubject)
  subject!: TimelineSubject;

  @Field(() => Int, { nullable: true, description: 'Page size, 1 to 200 (default 50).' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@Resolver(() => InteractionNode)
@InModule('CRM')
export class InteractionResolver {
  @Authorized('CRM:read')
  @Query(() => InteractionNode)
  interaction(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<InteractionNode> {
    return getInteraction(ctx, id);
  }

  @Authorized('CRM:read')
  @Query(() => InteractionConnection, { description: 'Interactions, newest first.' })
  interactions(@Ctx() ctx: RequestContext, @Args() args: InteractionsArgs): Promise<ConnectionResult<InteractionNode>> {
    return listInteractions(ctx, args);
  }

  @Authorized('CRM:read')
  @Query(() => TimelineConnection, { description: 'Everything that happened with a person, customer or deal, newest first: interactions, tasks and (for a deal) its stage changes.' })
  timeline(@Ctx() ctx: RequestContext, @Args() args: TimelineArgs): Promise<ConnectionResult<TimelineEntryNode>> {
    return timeline(ctx, args);
  }

  @Authorized('CRM:write')
  @Mutation(() => InteractionNode, { description: 'Records a meeting, call, SMS, email or note with a person and/or customer, maybe about a deal.' })
  logInteraction(@Ctx() ctx: RequestContext, @Arg('input') input: LogInteractionInput): Promise<InteractionNode> {
    return logInteraction(ctx, input);
  }

  @Authorized('CRM:write')
  @Mutation(() => ID, { description: 'Deletes an interaction; returns its id.' })
  deleteInteraction(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteInteractionInput): Promise<string> {
    return deleteInteraction(ctx, input.id);
  }
}
