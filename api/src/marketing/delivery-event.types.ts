import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DeliveryEventKind } from '../../../schema/marketing/delivery-event.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { DateTimeScalar } from '../graphql/scalars.js';

registerEnumType(DeliveryEventKind, {
  name: 'DeliveryEventKind',
  description: 'What happened to a campaign message: SENT, DELIVERED, BOUNCED, FAILED, OPENED, CLICKED, UNSUBSCRIBED or COMPLAINED (reported as spam).',
});

@ObjectType('CampaignDeliveryEvent', { description: 'Something that happened to one campaign message sent to a person.' })
export class DeliveryEventNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DeliveryEventKind)
  kind!: DeliveryEventKind;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'The link clicked, or why it bounced or failed.' })
  detail!: string | null;

  @Field(() => MarketingChannel)
  channel!: MarketingChannel;

  @Field({ description: 'The email address or phone number the message went to.' })
  address!: string;

  @Field(() => ID)
  campaignId!: string;

  @Field()
  campaignName!: string;
}

@ObjectType('AutomationMessageEvent', { description: 'Something that happened to one automation message sent to a person, as its message records it: sent, delivered, first opened, first clicked, unsubscribed, bounced or failed.' })
export class AutomationEventNode {
  @Field(() => ID)
  id!: string;

  @Field(() => DeliveryEventKind)
  kind!: DeliveryEventKind;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why it bounced or failed.' })
  detail!: string | null;

  @Field(() => MarketingChannel)
  channel!: MarketingChannel;

  @Field({ description: 'The email address or phone number the message went to.' })
  address!: string;

  @Field(() => ID)
  automationId!: string;

  @Field()
  automationName!: string;
}
