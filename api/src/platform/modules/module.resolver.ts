import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context.js';
import { describeModules, loadTenantModules, setFeatureOption, setModuleEnabled } from './module.service.js';
import { ModuleState, SetFeatureOptionInput, SetModuleEnabledInput } from './module.types.js';

@Resolver()
export class ModuleResolver {
  @Authorized()
  @Query(() => [ModuleState], { description: 'Every module, whether it is on for this company, and its feature options.' })
  async modules(@Ctx() ctx: RequestContext): Promise<ModuleState[]> {
    return describeModules(ctx.app.registry, await loadTenantModules(await ctx.em(), ctx.app.registry));
  }

  @Authorized('settings:manage')
  @Mutation(() => [ModuleState], { description: 'Switches a module; data stays when off. Refused (CONFLICT) when a dependency would break.' })
  setModuleEnabled(@Ctx() ctx: RequestContext, @Arg('input') input: SetModuleEnabledInput): Promise<ModuleState[]> {
    return setModuleEnabled(ctx, input.module, input.enabled);
  }

  @Authorized('settings:manage')
  @Mutation(() => [ModuleState])
  setFeatureOption(@Ctx() ctx: RequestContext, @Arg('input') input: SetFeatureOptionInput): Promise<ModuleState[]> {
    return setFeatureOption(ctx, input.key, input.enabled);
  }
}
