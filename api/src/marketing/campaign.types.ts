import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CampaignStatus } from '../../../schema/marketing/campaign.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { Connection } from '../graphql/pagination.js';
import { DateTimeScalar, Money, MoneyInput } from '../graphql/scalars.js';

registerEnumType(CampaignStatus, { name: 'CampaignStatus', description: 'DRAFT, SCHEDULED, SENDING, PAUSED, SENT or CANCELLED.' });

@ObjectType('CampaignAudience', { description: 'Who a campaign goes to: people in any of the segments or lists, each once.' })
export class CampaignAudienceNode {
  @Field(() => [ID], { description: 'Contact segments (their people) and customer segments (the customers’ people).' })
  segmentIds!: string[];

  @Field(() => [ID], { description: 'Subscription lists (their confirmed subscribers).' })
  listIds!: string[];
}

@ObjectType('QuietHours', { description: 'SMS: local hours of the recipient’s time zone in which nothing is sent.' })
export class QuietHoursNode {
  @Field(() => Int, { description: 'From this hour (0–23), inclusive.' })
  start!: number;

  @Field(() => Int, { description: 'Until this hour (0–23), exclusive; smaller than start spans midnight.' })
  end!: number;
}

@ObjectType('AbTest', { description: 'Variant B tried against A on a share of the audience; the winner goes to the rest.' })
export class AbTestNode {
  @Field(() => ID)
  variantTemplateId!: string;

  @Field(() => Int, { description: 'Percent of the audience in the test, split evenly between A and B.' })
  testSharePercent!: number;

  @Field(() => DateTimeScalar, { description: 'When the winner (more unique opens, then clicks; A on a tie) goes to the rest.' })
  winnerAt!: Date;

  @Field(() => String, { nullable: true, description: 'A or B once chosen.' })
  winner!: string | null;
}

@ObjectType('CampaignStats', { description: 'Recipients by delivery state, and what they did.' })
export class CampaignStatsNode {
  @Field(() => Int, { description: 'Recipients fixed when sending started.' })
  recipients!: number;

  @Field(() => Int, { description: 'Waiting to be sent (including the rest of an A/B test waiting for its winner).' })
  queued!: number;

  @Field(() => Int)
  sending!: number;

  @Field(() => Int, { description: 'Taken by the provider (delivered, bounced and failed-after-sending not included).' })
  sent!: number;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int)
  bounced!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int, { description: 'Left out when their turn came: unsubscribed, suppressed or without consent by then.' })
  skipped!: number;

  @Field(() => Int, { description: 'Recipients who opened it (email), at least once.' })
  opened!: number;

  @Field(() => Int, { description: 'Recipients who clicked a link, at least once.' })
  clicked!: number;

  @Field(() => Int)
  unsubscribed!: number;
}

@ObjectType('CampaignStatsPoint', { description: 'Events of one hour.' })
export class CampaignStatsPointNode {
  @Field(() => DateTimeScalar)
  at!: Date;

  @Field(() => Int)
  sent!: number;

  @Field(() => Int)
  delivered!: number;

  @Field(() => Int)
  opened!: number;

  @Field(() => Int)
  clicked!: number;

  @Field(() => Int)
  bounced!: number;

  @Field(() => Int)
  failed!: number;

  @Field(() => Int)
  unsubscribed!: number;
}

@ObjectType('Campaign', { description: 'A mailing of one template (and maybe an A/B variant) to an audience, now or at a set time.' })
export class CampaignNode {
  @Field(() => ID)
  id!: string;

  uuid!: string;

  @Field()
  name!: string;

  @Field(() => MarketingChannel)
  channel!: MarketingChannel;

  @Field(() => CampaignStatus)
  status!: CampaignStatus;

  @Field(() => ID)
  templateId!: string;

  @Field(() => CampaignAudienceNode)
  audience!: CampaignAudienceNode;

  @Field(() => DateTimeScalar, { nullable: true })
  sendAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'The IANA zone the send time was chosen in.' })
  timeZone!: string | null;

  @Field(() => Int, { nullable: true, description: 'At most this many messages a minute; null: as fast as the channel allows.' })
  throttlePerMinute!: number | null;

  @Field(() => QuietHoursNode, { nullable: true })
  quietHours!: QuietHoursNode | null;

  @Field(() => AbTestNode, { nullable: true })
  abTest!: AbTestNode | null;

  @Field(() => Money, { nullable: true })
  cost!: Money | null;

  @Field(() => Int, { nullable: true, description: 'Recipients, fixed when sending started.' })
  audienceSize!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  finishedAt!: Date | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const CampaignConnection = Connection(CampaignNode, 'Campaign');

@InputType()
export class CampaignAudienceInput {
  @Field(() => [ID], { defaultValue: [] })
  segmentIds!: string[];

  @Field(() => [ID], { defaultValue: [] })
  listIds!: string[];
}

@InputType()
export class QuietHoursInput {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@InputType()
export class AbTestInput {
  @Field(() => ID)
  variantTemplateId!: string;

  @Field(() => Int, { description: '2–100 percent of the audience, split evenly between A and B.' })
  testSharePercent!: number;

  @Field(() => DateTimeScalar, { description: 'When the winner goes to the rest: after the campaign starts.' })
  winnerAt!: Date;
}

@InputType()
export class CreateCampaignInput {
  @Field()
  name!: string;

  @Field(() => MarketingChannel)
  channel!: MarketingChannel;

  @Field(() => ID)
  templateId!: string;

  @Field(() => CampaignAudienceInput)
  audience!: CampaignAudienceInput;

  @Field(() => Int, { nullable: true })
  throttlePerMinute?: number | null;

  @Field(() => QuietHoursInput, { nullable: true, description: 'SMS only.' })
  quietHours?: QuietHoursInput | null;

  @Field(() => AbTestInput, { nullable: true })
  abTest?: AbTestInput | null;

  @Field(() => MoneyInput, { nullable: true })
  cost?: MoneyInput | null;
}

@InputType()
export class UpdateCampaignInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  templateId?: string | null;

  @Field(() => CampaignAudienceInput, { nullable: true })
  audience?: CampaignAudienceInput | null;

  @Field(() => Int, { nullable: true, description: 'Null clears it.' })
  throttlePerMinute?: number | null;

  @Field(() => QuietHoursInput, { nullable: true, description: 'Null clears it.' })
  quietHours?: QuietHoursInput | null;

  @Field(() => AbTestInput, { nullable: true, description: 'Null clears it.' })
  abTest?: AbTestInput | null;

  @Field(() => MoneyInput, { nullable: true, description: 'Null clears it.' })
  cost?: MoneyInput | null;
}

@InputType()
export class ScheduleCampaignInput {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar, { description: 'In the future.' })
  sendAt!: Date;

  @Field({ description: 'The IANA zone the time was chosen in, such as Europe/Bucharest (kept for showing it back).' })
  timeZone!: string;
}

@InputType()
export class CampaignIdInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class CampaignFilter {
  @Field(() => [CampaignStatus], { nullable: true })
  statuses?: CampaignStatus[] | null;

  @Field(() => MarketingChannel, { nullable: true })
  channel?: MarketingChannel | null;
}

@ArgsType()
export class CampaignsArgs {
  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => CampaignFilter, { nullable: true })
  filter?: CampaignFilter | null;
}
