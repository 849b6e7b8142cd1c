import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { contactLoader } from '../crm/contact.service.js';
import { ContactNode } from '../crm/contact.types.js';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { enqueueNextSweep, enqueueSweepNow } from './automation-jobs.js';
import {
  activateAutomation,
  automationStats,
  automationStepsLoader,
  createAutomation,
  deleteAutomation,
  getAutomation,
  listAutomations,
  listRuns,
  pauseAutomation,
  updateAutomation,
} from './automation.service.js';
import {
  AutomationConnection,
  AutomationIdInput,
  AutomationNode,
  AutomationRunConnection,
  AutomationRunNode,
  AutomationRunsArgs,
  AutomationsArgs,
  AutomationStatsNode,
  AutomationStepNode,
  CreateAutomationInput,
  UpdateAutomationInput,
} from './automation.types.js';

@Resolver(() => AutomationNode)
@InModule('MARKETING')
export class AutomationResolver {
  @Authorized('MARKETING:read')
  @Query(() => AutomationConnection, { description: 'Automations, newest first.' })
  automations(@Ctx() ctx: RequestContext, @Args() args: AutomationsArgs): Promise<ConnectionResult<AutomationNode>> {
    return listAutomations(ctx, args);
  }

  @Authorized('MARKETING:read')
  @Query(() => AutomationNode)
  automation(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<AutomationNode> {
    return getAutomation(ctx, id);
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => [AutomationStepNode])
  steps(@Ctx() ctx: RequestContext, @Root() automation: AutomationNode): Promise<AutomationStepNode[]> {
    return automationStepsLoader(ctx).load(automation.uuid);
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => AutomationRunConnection, { description: 'People who went (or go) through it, newest first.' })
  runs(@Ctx() ctx: RequestContext, @Root() automation: AutomationNode, @Args() args: AutomationRunsArgs): Promise<ConnectionResult<AutomationRunNode>> {
    return listRuns(ctx, automation.uuid, args);
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => AutomationStatsNode)
  stats(@Ctx() ctx: RequestContext, @Root() automation: AutomationNode): Promise<AutomationStatsNode> {
    return automationStats(ctx, automation.uuid);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => AutomationNode, { description: 'A new automation, as a draft: switch it on with activateAutomation.' })
  createAutomation(@Ctx() ctx: RequestContext, @Arg('input') input: CreateAutomationInput): Promise<AutomationNode> {
    return createAutomation(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => AutomationNode)
  updateAutomation(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateAutomationInput): Promise<AutomationNode> {
    return updateAutomation(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => AutomationNode, { description: 'Switches it on: it reacts to its trigger, and runs that waited go on.' })
  async activateAutomation(@Ctx() ctx: RequestContext, @Arg('input') input: AutomationIdInput): Promise<AutomationNode> {
    const automation = await activateAutomation(ctx, input.id);
    const { app, tenantId } = ctx;
    ctx.afterCommit(async () => {
      await enqueueSweepNow(app, tenantId);
      await enqueueNextSweep(app, tenantId);
    });
    return automation;
  }

  @Authorized('MARKETING:write')
  @Mutation(() => AutomationNode, { description: 'Stops reacting; its runs wait where they are.' })
  pauseAutomation(@Ctx() ctx: RequestContext, @Arg('input') input: AutomationIdInput): Promise<AutomationNode> {
    return pauseAutomation(ctx, input.id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => ID, { description: 'Removes a paused or draft automation with its runs and their record.' })
  deleteAutomation(@Ctx() ctx: RequestContext, @Arg('input') input: AutomationIdInput): Promise<string> {
    return deleteAutomation(ctx, input.id);
  }
}

@Resolver(() => AutomationRunNode)
@InModule('MARKETING')
export class AutomationRunResolver {
  @Authorized('MARKETING:read')
  @FieldResolver(() => ContactNode, { nullable: true, description: 'The person (null when the caller may not see them).' })
  contact(@Ctx() ctx: RequestContext, @Root() run: AutomationRunNode): Promise<ContactNode | null> {
    return contactLoader(ctx).load(run.contactUuid);
  }
}
