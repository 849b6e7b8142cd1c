import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Campaign } from '../../../schema/marketing/campaign.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { InModule } from '../graphql/guards.js';
import type { ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { audienceCount, checkAudience } from './audience.service.js';
import { enqueueDispatch, enqueueStart, enqueueWinner } from './campaign-jobs.js';
import {
  campaignByUuid,
  campaignStats,
  campaignStatsOverTime,
  cancelCampaign,
  createCampaign,
  deleteCampaign,
  getCampaign,
  listCampaigns,
  lockCampaign,
  pauseCampaign,
  resumeCampaign,
  scheduleCampaign,
  startSending,
  updateCampaign,
} from './campaign.service.js';
import {
  CampaignAudienceInput,
  CampaignConnection,
  CampaignIdInput,
  CampaignNode,
  CampaignsArgs,
  CampaignStatsNode,
  CampaignStatsPointNode,
  CreateCampaignInput,
  ScheduleCampaignInput,
  UpdateCampaignInput,
} from './campaign.types.js';
import { fromGlobalId } from '../graphql/global-id.js';
import { getTemplate } from './template.service.js';
import { CampaignTemplateNode } from './template.types.js';

@Resolver(() => CampaignNode)
@InModule('MARKETING')
export class CampaignResolver {
  @Authorized('MARKETING:read')
  @Query(() => CampaignConnection, { description: 'Campaigns, newest first.' })
  campaigns(@Ctx() ctx: RequestContext, @Args() args: CampaignsArgs): Promise<ConnectionResult<CampaignNode>> {
    return listCampaigns(ctx, args);
  }

  @Authorized('MARKETING:read')
  @Query(() => CampaignNode)
  campaign(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<CampaignNode> {
    return getCampaign(ctx, id);
  }

  @Authorized('MARKETING:read')
  @Query(() => Int, { description: 'How many people an audience reaches on a channel right now (consent, address, suppressions, each address once).' })
  async campaignAudienceCount(
    @Ctx() ctx: RequestContext,
    @Arg('channel', () => MarketingChannel) channel: MarketingChannel,
    @Arg('audience', () => CampaignAudienceInput) audience: CampaignAudienceInput,
  ): Promise<number> {
    return audienceCount(ctx, channel, await checkAudience(ctx, audience, ['audience']));
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => CampaignTemplateNode)
  template(@Ctx() ctx: RequestContext, @Root() campaign: CampaignNode): Promise<CampaignTemplateNode> {
    return getTemplate(ctx, campaign.templateId);
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => CampaignStatsNode, { description: 'Recipients by delivery state, and what they did.' })
  stats(@Ctx() ctx: RequestContext, @Root() campaign: CampaignNode): Promise<CampaignStatsNode> {
    return campaignStats(ctx, campaign.uuid);
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => [CampaignStatsPointNode], { description: 'Delivery events hour by hour (UTC), from the first on; at most a month of hours.' })
  statsOverTime(@Ctx() ctx: RequestContext, @Root() campaign: CampaignNode): Promise<CampaignStatsPointNode[]> {
    return campaignStatsOverTime(ctx, campaign.uuid);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignNode)
  createCampaign(@Ctx() ctx: RequestContext, @Arg('input') input: CreateCampaignInput): Promise<CampaignNode> {
    return createCampaign(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignNode, { description: 'Changes a draft or scheduled campaign.' })
  updateCampaign(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateCampaignInput): Promise<CampaignNode> {
    return updateCampaign(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => ID, { description: 'Removes a draft, or a cancelled campaign that sent nothing (IN_USE once messages went out: their unsubscribe links need it).' })
  deleteCampaign(@Ctx() ctx: RequestContext, @Arg('input') input: CampaignIdInput): Promise<string> {
    return deleteCampaign(ctx, input.id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignNode, { description: 'Sets (or moves) the send time; the audience is fixed when it comes.' })
  async scheduleCampaign(@Ctx() ctx: RequestContext, @Arg('input') input: ScheduleCampaignInput): Promise<CampaignNode> {
    const campaign = await scheduleCampaign(ctx, input);
    const { app, tenantId } = ctx;
    const sendAt = input.sendAt;
    ctx.afterCommit(() => enqueueStart(app, tenantId, campaign.id, sendAt));
    return campaignByUuid(ctx, campaign.id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignNode, { description: 'Fixes the audience now and starts sending.' })
  async sendCampaignNow(@Ctx() ctx: RequestContext, @Arg('input') input: CampaignIdInput): Promise<CampaignNode> {
    const campaign = await lockCampaign(ctx, fromGlobalId('Campaign', input.id, ['input', 'id']));
    await startSending(ctx, campaign);
    afterStart(ctx, campaign);
    return campaignByUuid(ctx, campaign.id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignNode, { description: 'Stops sending after the messages already on their way.' })
  async pauseCampaign(@Ctx() ctx: RequestContext, @Arg('input') input: CampaignIdInput): Promise<CampaignNode> {
    return campaignByUuid(ctx, (await pauseCampaign(ctx, input.id)).id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignNode)
  async resumeCampaign(@Ctx() ctx: RequestContext, @Arg('input') input: CampaignIdInput): Promise<CampaignNode> {
    const campaign = await resumeCampaign(ctx, input.id);
    const { app, tenantId } = ctx;
    ctx.afterCommit(() => enqueueDispatch(app, tenantId, campaign.id));
    return campaignByUuid(ctx, campaign.id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignNode, { description: 'Stops the campaign for good: what was sent stays sent, the rest is skipped.' })
  async cancelCampaign(@Ctx() ctx: RequestContext, @Arg('input') input: CampaignIdInput): Promise<CampaignNode> {
    return campaignByUuid(ctx, (await cancelCampaign(ctx, input.id)).id);
  }
}

/** Once the audience is committed: the sending run, and the A/B winner's job. */
export function afterStart(ctx: RequestContext, campaign: Campaign): void {
  const { app, tenantId } = ctx;
  const winnerAt = campaign.winnerAt;
  ctx.afterCommit(async () => {
    await enqueueDispatch(app, tenantId, campaign.id);
    if (winnerAt) await enqueueWinner(app, tenantId, campaign.id, winnerAt);
  });
}
