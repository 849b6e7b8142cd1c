import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { SubscriptionStatus } from '../../../schema/marketing/list-member.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';

@ObjectType('SubscriptionConfirmation', { description: 'A confirmed double opt-in: what the person is now subscribed to.' })
export class SubscriptionConfirmationNode {
  @Field()
  companyName!: string;

  @Field()
  listName!: string;
}

@ObjectType('PreferenceList', { description: 'A list the person is on (or was), as their preference centre shows it.' })
export class PreferenceListNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => SubscriptionStatus)
  status!: SubscriptionStatus;
}

@ObjectType('UnsubscribePage', { description: 'What the unsubscribe page and preference centre of a message show to whoever holds its link.' })
export class UnsubscribePageNode {
  @Field({ description: 'The company that sent the message.' })
  companyName!: string;

  @Field(() => MarketingChannel, { description: 'The channel of the message the link came in.' })
  channel!: MarketingChannel;

  @Field({ description: 'The address or number it was sent to, mostly hidden: j***@example.com, +40***111.' })
  address!: string;

  @Field({ description: 'Whether that address already receives no campaigns on that channel.' })
  unsubscribed!: boolean;

  @Field(() => ConsentStatus, { nullable: true, description: 'The person’s email consent (null: the person is no longer on record).' })
  emailConsent!: ConsentStatus | null;

  @Field(() => ConsentStatus, { nullable: true, description: 'The person’s SMS consent (null: no number on record).' })
  smsConsent!: ConsentStatus | null;

  @Field(() => [PreferenceListNode], { description: 'The lists the person is on or left, by name.' })
  lists!: PreferenceListNode[];
}

@InputType()
export class ConfirmSubscriptionInput {
  @Field({ description: 'The token of the emailed confirmation link.' })
  token!: string;
}

@InputType()
export class UnsubscribeInput {
  @Field({ description: 'The token of the unsubscribe (or preference centre) link.' })
  token!: string;
}

@InputType()
export class UpdatePreferencesInput {
  @Field({ description: 'The token of the preference centre (or unsubscribe) link.' })
  token!: string;

  @Field(() => [ID], { description: 'The lists (of the page’s `lists`) to stay on or rejoin; the others are left.' })
  listIds!: string[];

  @Field(() => Boolean, { nullable: true, description: 'false: no more email campaigns at all; true: email is welcome again. Absent: unchanged.' })
  emailConsent?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'The same for SMS. Absent: unchanged.' })
  smsConsent?: boolean | null;
}
