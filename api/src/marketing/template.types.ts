import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { DateTimeScalar } from '../graphql/scalars.js';

registerEnumType(MarketingChannel, { name: 'MarketingChannel', description: 'How a campaign reaches people.' });

@ObjectType('CampaignTemplate', { description: 'An email or SMS a campaign sends; bodies are Liquid templates with merge fields.' })
export class CampaignTemplateNode {
  @Field(() => ID)
  id!: string;

  uuid!: string;

  @Field()
  name!: string;

  @Field(() => MarketingChannel)
  channel!: MarketingChannel;

  @Field(() => String, { nullable: true, description: 'Email only.' })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'Email only: the line inboxes show after the subject.' })
  preheader!: string | null;

  @Field(() => String, { nullable: true, description: 'Email only: the body as HTML, without the frame added at send time.' })
  html!: string | null;

  @Field(() => String, { nullable: true, description: 'The SMS text; for email the plain-text part (null: derived from the HTML).' })
  text!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType()
export class CreateCampaignTemplateInput {
  @Field()
  name!: string;

  @Field(() => MarketingChannel)
  channel!: MarketingChannel;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true })
  preheader?: string | null;

  @Field(() => String, { nullable: true })
  html?: string | null;

  @Field(() => String, { nullable: true })
  text?: string | null;
}

@InputType()
export class UpdateCampaignTemplateInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  subject?: string | null;

  @Field(() => String, { nullable: true, description: 'Empty clears it.' })
  preheader?: string | null;

  @Field(() => String, { nullable: true })
  html?: string | null;

  @Field(() => String, { nullable: true, description: 'Email: empty clears it (the plain text is then derived from the HTML).' })
  text?: string | null;
}

@InputType()
export class DeleteCampaignTemplateInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class PreviewCampaignTemplateInput {
  @Field(() => ID)
  templateId!: string;

  @Field(() => ID, { nullable: true, description: 'Merge this person’s data; without it, sample data.' })
  contactId?: string | null;
}

@ObjectType('SmsSegmentCount', { description: 'What an SMS costs: its encoding and the parts carriers split it into.' })
export class SmsSegmentCountNode {
  @Field()
  encoding!: string;

  @Field(() => Int)
  segments!: number;

  @Field(() => Int)
  characters!: number;
}

@ObjectType('CampaignTemplatePreview', { description: 'A template rendered for one person (or sample data), as it would be sent.' })
export class CampaignTemplatePreviewNode {
  @Field(() => String, { nullable: true })
  subject!: string | null;

  @Field(() => String, { nullable: true, description: 'The whole email, frame included.' })
  html!: string | null;

  @Field()
  text!: string;

  @Field(() => SmsSegmentCountNode, { nullable: true, description: 'SMS only.' })
  sms!: SmsSegmentCountNode | null;
}

@InputType()
export class SendTestMessageInput {
  @Field(() => ID)
  templateId!: string;

  @Field({ description: 'An email address (email templates) or an E.164 number (SMS).' })
  to!: string;

  @Field(() => ID, { nullable: true, description: 'Merge this person’s data; without it, sample data.' })
  contactId?: string | null;
}
