import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { channelSettings, updateChannelSettings } from './channel-account.service.js';
import { MarketingChannelSettingsNode, UpdateMarketingChannelSettingsInput } from './channel-account.types.js';

@Resolver(() => MarketingChannelSettingsNode)
@InModule('MARKETING')
export class ChannelAccountResolver {
  @Authorized('MARKETING:read', 'settings:manage')
  @Query(() => MarketingChannelSettingsNode, { description: 'The company’s own sending accounts (owners and admins).' })
  marketingChannelSettings(@Ctx() ctx: RequestContext): Promise<MarketingChannelSettingsNode> {
    return channelSettings(ctx);
  }

  @Authorized('MARKETING:write', 'settings:manage')
  @Mutation(() => MarketingChannelSettingsNode, { description: 'Sets or clears the company’s own SMTP server and Twilio account for campaigns; secrets are kept encrypted.' })
  updateMarketingChannelSettings(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateMarketingChannelSettingsInput): Promise<MarketingChannelSettingsNode> {
    return updateChannelSettings(ctx, ctx.app, input);
  }
}
