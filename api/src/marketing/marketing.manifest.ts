import { AutomationRun } from '../../../schema/marketing/automation-run.entity.js';
import { AutomationSend } from '../../../schema/marketing/automation-send.entity.js';
import { AutomationStepRun } from '../../../schema/marketing/automation-step-run.entity.js';
import { AutomationStep } from '../../../schema/marketing/automation-step.entity.js';
import { Automation } from '../../../schema/marketing/automation.entity.js';
import { Campaign } from '../../../schema/marketing/campaign.entity.js';
import { ChannelAccount } from '../../../schema/marketing/channel-account.entity.js';
import { DeliveryEvent } from '../../../schema/marketing/delivery-event.entity.js';
import { Delivery } from '../../../schema/marketing/delivery.entity.js';
import { ListMember } from '../../../schema/marketing/list-member.entity.js';
import { SubscriptionList } from '../../../schema/marketing/subscription-list.entity.js';
import { Suppression } from '../../../schema/marketing/suppression.entity.js';
import { MarketingTemplate } from '../../../schema/marketing/template.entity.js';
import type { ModuleManifest } from '../platform/modules/module-manifest.js';
import { automationEvents } from './automation-events.js';
import { AUTOMATION_QUEUE } from './automation-queue.js';
import { AutomationResolver, AutomationRunResolver } from './automation.resolver.js';
import { CAMPAIGN_QUEUE } from './campaign-queue.js';
import { CampaignResolver } from './campaign.resolver.js';
import { ChannelAccountResolver } from './channel-account.resolver.js';
import { CampaignTemplateResolver } from './template.resolver.js';
import { ListMemberResolver, SubscriptionListResolver } from './list.resolver.js';
import { oneClickUnsubscribeRoute } from './one-click.route.js';
import { smsInboundRoute } from './sms-inbound.route.js';
import { SmsInboundResolver } from './sms-inbound.resolver.js';
import { subscribePreflightRoute, subscribeRoute } from './subscribe.route.js';
import { registerDeliveryReportHandler } from '../crm/delivery-report.service.js';
import { registerTimelineSource } from '../crm/timeline-sources.js';
import { applyCampaignReport } from './bounce.service.js';
import { CampaignReturnResolver, MarketingEventReturnResolver } from './campaign-return.resolver.js';
import { automationTimelineSource, deliveryTimelineSource } from './delivery-timeline.js';
import { TimelineDeliveryEventResolver } from './delivery-timeline.resolver.js';
import { trackingRoutes } from './tracking.routes.js';
import { SubscriberResolver } from './subscriber.resolver.js';

export const marketingManifest: ModuleManifest = {
  key: 'MARKETING',
  name: 'Marketing',
  description: 'Email and SMS campaigns, scheduled and event-triggered.',
  dependsOn: ['CRM'],
  defaultEnabled: false,
  featureOptions: [],
  resolvers: [CampaignTemplateResolver, CampaignResolver, SubscriptionListResolver, ListMemberResolver, SubscriberResolver, SmsInboundResolver,
    CampaignReturnResolver, MarketingEventReturnResolver, TimelineDeliveryEventResolver, AutomationResolver, AutomationRunResolver, ChannelAccountResolver],
  entities: [MarketingTemplate, SubscriptionList, ListMember, Campaign, Delivery, Suppression, DeliveryEvent, ChannelAccount,
    Automation, AutomationStep, AutomationRun, AutomationStepRun, AutomationSend],
  queues: [CAMPAIGN_QUEUE, AUTOMATION_QUEUE],
  events: automationEvents,
  routes: [subscribeRoute, subscribePreflightRoute, oneClickUnsubscribeRoute, smsInboundRoute, ...trackingRoutes],
};

// What the CRM shows and receives of campaigns: delivery events on people's timelines, bounces and
// complaints arriving at the company's inbound address.
registerTimelineSource('marketing.deliveries', deliveryTimelineSource);
registerTimelineSource('marketing.automationSends', automationTimelineSource);
registerDeliveryReportHandler('marketing.campaigns', applyCampaignReport);
