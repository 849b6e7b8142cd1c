import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { MarketingEventNode } from '../crm/marketing-event.types.js';
import { InFeature, InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { campaignRevenue, DEFAULT_WINDOW_DAYS, eventRevenue } from './campaign-return.service.js';
import { AttributedRevenueNode } from './campaign-return.types.js';
import { CampaignNode } from './campaign.types.js';

const WINDOW = { defaultValue: DEFAULT_WINDOW_DAYS, description: 'Days after sending (1–365) in which a won deal counts.' };

/** Revenue comes from CRM deals: with deals switched off there is none to show. */
@Resolver(() => CampaignNode)
@InModule('MARKETING')
@InFeature('CRM.deals')
export class CampaignReturnResolver {
  @Authorized('MARKETING:read', 'CRM:read')
  @FieldResolver(() => AttributedRevenueNode, { description: 'Deals won from the people it reached within `days` after, and the return on its cost.' })
  revenue(@Ctx() ctx: RequestContext, @Root() campaign: CampaignNode, @Arg('days', () => Int, WINDOW) days: number): Promise<AttributedRevenueNode> {
    return campaignRevenue(ctx, campaign, days);
  }
}

@Resolver(() => MarketingEventNode)
@InModule('MARKETING')
@InFeature('CRM.deals')
export class MarketingEventReturnResolver {
  @Authorized('MARKETING:read', 'CRM:read')
  @FieldResolver(() => AttributedRevenueNode, { description: 'Deals sourced from the event, and deals won by the people who came within `days` after it, and the return on its cost.' })
  revenue(@Ctx() ctx: RequestContext, @Root() event: MarketingEventNode, @Arg('days', () => Int, { ...WINDOW, description: 'Days after the event (1–365) in which an attendee’s won deal counts.' }) days: number): Promise<AttributedRevenueNode> {
    return eventRevenue(ctx, event, days);
  }
}
