import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { TimelineEntryKind, TimelineEntryNode } from '../crm/interaction.types.js';
import { InModule } from '../graphql/guards.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { AutomationEventNode, DeliveryEventNode } from './delivery-event.types.js';
import { automationEventOf, deliveryEventLoader } from './delivery-timeline.js';

/** The campaign message event of a CAMPAIGN_EVENT timeline entry, the automation message event of an AUTOMATION_EVENT one. */
@Resolver(() => TimelineEntryNode)
@InModule('MARKETING')
export class TimelineDeliveryEventResolver {
  @Authorized('MARKETING:read')
  @FieldResolver(() => DeliveryEventNode, { nullable: true, description: 'A campaign message’s delivery, open, click, bounce... (CAMPAIGN_EVENT entries of a person’s timeline).' })
  async campaignEvent(@Ctx() ctx: RequestContext, @Root() entry: TimelineEntryNode): Promise<DeliveryEventNode | null> {
    if (entry.kind !== TimelineEntryKind.CAMPAIGN_EVENT) return null;
    return deliveryEventLoader(ctx).load(entry.refId);
  }

  @Authorized('MARKETING:read')
  @FieldResolver(() => AutomationEventNode, { nullable: true, description: 'An automation message’s sending, delivery, first open, first click, unsubscribe, bounce or failure (AUTOMATION_EVENT entries of a person’s timeline).' })
  async automationEvent(@Ctx() ctx: RequestContext, @Root() entry: TimelineEntryNode): Promise<AutomationEventNode | null> {
    if (entry.kind !== TimelineEntryKind.AUTOMATION_EVENT) return null;
    return automationEventOf(ctx, entry);
  }
}
