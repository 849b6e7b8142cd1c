import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../context/request-context.js';
import { updateTenantSettings } from './tenant.service.js';
import { TenantNode, UpdateTenantSettingsInput } from './tenant.types.js';

@Resolver()
export class TenantResolver {
  @Authorized('settings:manage')
  @Mutation(() => TenantNode, { description: 'Company profile: name, currency, time zone, language.' })
  updateTenantSettings(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateTenantSettingsInput): Promise<TenantNode> {
    return updateTenantSettings(ctx, input);
  }
}
