import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from './template.service.js';
import { previewForContact, sendTestMessage } from './test-send.service.js';
import {
  CampaignTemplateNode,
  CampaignTemplatePreviewNode,
  CreateCampaignTemplateInput,
  DeleteCampaignTemplateInput,
  PreviewCampaignTemplateInput,
  SendTestMessageInput,
  UpdateCampaignTemplateInput,
} from './template.types.js';

@Resolver(() => CampaignTemplateNode)
@InModule('MARKETING')
export class CampaignTemplateResolver {
  @Authorized('MARKETING:read')
  @Query(() => [CampaignTemplateNode], { description: 'Templates by name (at most 500: not paginated).' })
  campaignTemplates(@Ctx() ctx: RequestContext, @Arg('channel', () => MarketingChannel, { nullable: true }) channel?: MarketingChannel | null): Promise<CampaignTemplateNode[]> {
    return listTemplates(ctx, channel);
  }

  @Authorized('MARKETING:read')
  @Query(() => CampaignTemplateNode)
  campaignTemplate(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<CampaignTemplateNode> {
    return getTemplate(ctx, id);
  }

  @Authorized('MARKETING:read')
  @Query(() => CampaignTemplatePreviewNode, { description: 'The template rendered for a person (or sample data), frame and footer included.' })
  previewCampaignTemplate(@Ctx() ctx: RequestContext, @Arg('input') input: PreviewCampaignTemplateInput): Promise<CampaignTemplatePreviewNode> {
    return previewForContact(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignTemplateNode)
  createCampaignTemplate(@Ctx() ctx: RequestContext, @Arg('input') input: CreateCampaignTemplateInput): Promise<CampaignTemplateNode> {
    return createTemplate(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => CampaignTemplateNode)
  updateCampaignTemplate(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateCampaignTemplateInput): Promise<CampaignTemplateNode> {
    return updateTemplate(ctx, input);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => ID, { description: 'Removes a template no campaign uses (else CONFLICT, reason IN_USE).' })
  deleteCampaignTemplate(@Ctx() ctx: RequestContext, @Arg('input') input: DeleteCampaignTemplateInput): Promise<string> {
    return deleteTemplate(ctx, input.id);
  }

  @Authorized('MARKETING:write')
  @Mutation(() => Boolean, { description: 'Sends the template to one address or number now, marked as a test; true once queued.' })
  sendTestMessage(@Ctx() ctx: RequestContext, @Arg('input') input: SendTestMessageInput): Promise<boolean> {
    return sendTestMessage(ctx, input);
  }
}
