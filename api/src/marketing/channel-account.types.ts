import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { EmailAddressScalar } from '../graphql/scalars.js';

@ObjectType('SmtpAccount', { description: 'The company’s own SMTP server for campaign email; its password is never answered.' })
export class SmtpAccountNode {
  @Field()
  host!: string;

  @Field(() => Int)
  port!: number;

  @Field({ description: 'Implicit TLS (usually port 465); otherwise STARTTLS when the server offers it.' })
  secure!: boolean;

  @Field(() => String, { nullable: true })
  username!: string | null;

  @Field()
  hasPassword!: boolean;

  @Field(() => EmailAddressScalar, { description: 'The From of campaign emails.' })
  from!: string;
}

@ObjectType('TwilioAccount', { description: 'The company’s own Twilio account for campaign SMS; its auth token is never answered.' })
export class TwilioAccountNode {
  @Field()
  accountSid!: string;

  @Field({ description: 'An E.164 number or a Messaging Service SID (MG…).' })
  from!: string;

  @Field()
  hasAuthToken!: boolean;
}

@ObjectType('MarketingChannelSettings', { description: 'Where campaigns send from: the company’s own accounts, or the platform’s when null.' })
export class MarketingChannelSettingsNode {
  @Field(() => SmtpAccountNode, { nullable: true })
  smtp!: SmtpAccountNode | null;

  @Field(() => TwilioAccountNode, { nullable: true })
  twilio!: TwilioAccountNode | null;

  @Field(() => Int, { nullable: true, description: 'At most this many campaign emails a minute for the whole company (null: no limit of its own).' })
  emailsPerMinute!: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this many campaign SMS a minute for the whole company.' })
  smsPerMinute!: number | null;
}

@InputType()
export class SmtpAccountInput {
  @Field()
  host!: string;

  @Field(() => Int)
  port!: number;

  @Field({ defaultValue: false })
  secure!: boolean;

  @Field(() => String, { nullable: true })
  username?: string | null;

  @Field(() => String, { nullable: true, description: 'Absent keeps the stored one.' })
  password?: string | null;

  @Field(() => EmailAddressScalar)
  from!: string;
}

@InputType()
export class TwilioAccountInput {
  @Field()
  accountSid!: string;

  @Field(() => String, { nullable: true, description: 'Absent keeps the stored one.' })
  authToken?: string | null;

  @Field()
  from!: string;
}

@InputType()
export class UpdateMarketingChannelSettingsInput {
  @Field(() => SmtpAccountInput, { nullable: true, description: 'Absent: unchanged; null: back to the platform’s server.' })
  smtp?: SmtpAccountInput | null;

  @Field(() => TwilioAccountInput, { nullable: true, description: 'Absent: unchanged; null: back to the platform’s account.' })
  twilio?: TwilioAccountInput | null;

  @Field(() => Int, { nullable: true, description: 'Absent: unchanged; null: no limit.' })
  emailsPerMinute?: number | null;

  @Field(() => Int, { nullable: true, description: 'Absent: unchanged; null: no limit.' })
  smsPerMinute?: number | null;
}
