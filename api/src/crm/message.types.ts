import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { InteractionDirection } from '../../../schema/crm/interaction.entity.js';
import { MessageChannel, MessageStatus } from '../../../schema/crm/message.entity.js';
import { Connection } from '../graphql/pagination.js';
import { DateTimeScalar, EmailAddressScalar, PhoneNumberScalar } from '../graphql/scalars.js';
import { UserNode } from '../platform/users/user.types.js';

registerEnumType(MessageChannel, { name: 'MessageChannel' });
registerEnumType(MessageStatus, {
  name: 'MessageStatus',
  description: 'Outbound: QUEUED, SENDING, then SENT (the provider took it), DELIVERED or FAILED. Inbound: RECEIVED.',
});

@ObjectType('Message', { description: 'An email or SMS sent to a person from Kontor, or an email received from one.' })
export class MessageNode {
  @Field(() => ID)
  id!: string;

  @Field(() => MessageChannel)
  channel!: MessageChannel;

  @Field(() => InteractionDirection)
  direction!: InteractionDirection;

  @Field(() => MessageStatus)
  status!: MessageStatus;

  @Field(() => ID, { nullable: true, description: 'The person; null for an inbound email from an unknown sender (see attachMessageToContact).' })
  contactId!: string | null;

  @Field(() => String, { nullable: true })
  contactName!: string | null;

  @Field(() => ID, { nullable: true })
  customerId!: string | null;

  @Field(() => String, { nullable: true })
  customerName!: string | null;

  @Field(() => String, { nullable: true, description: 'Sender address or number (outbound: ours, once known).' })
  from!: string | null;

  @Field({ description: 'Recipient address or number.' })
  to!: string;

  @Field(() => String, { nullable: true, description: 'Email only.' })
  subject!: string | null;

  @Field()
  body!: string;

  @Field(() => Int, { nullable: true, description: 'SMS only: the parts the text is sent in (GSM-7: 160 characters, or 153 each once split; UCS-2: 70, or 67).' })
  segments!: number | null;

  @Field(() => String, { nullable: true, description: "The provider's id: Twilio's message SID, or the email's Message-ID." })
  providerMessageId!: string | null;

  @Field(() => String, { nullable: true, description: 'Email: the Message-ID this one answers.' })
  inReplyTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Email: the same for every message of one conversation.' })
  threadKey!: string | null;

  @Field(() => String, { nullable: true, description: 'Why sending failed.' })
  error!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Outbound: when the provider took it. Inbound: the date the sender gave it.' })
  sentAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The interaction it shows as in the timeline.' })
  interactionId!: string | null;

  @Field(() => UserNode, { nullable: true, description: 'Who sent it (while a member); null for inbound messages and API keys.' })
  sentBy!: UserNode | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const MessageConnection = Connection(MessageNode, 'Message');

@InputType()
export class SendEmailToContactInput {
  @Field(() => ID)
  contactId!: string;

  @Field(() => EmailAddressScalar, { nullable: true, description: "One of the person's addresses; default: their main one." })
  to?: string | null;

  @Field({ description: 'At most 300 characters, on one line.' })
  subject!: string;

  @Field({ description: 'Plain text, at most 20,000 characters.' })
  body!: string;

  @Field(() => ID, { nullable: true, description: 'An email of this person it answers: the reply joins that conversation.' })
  inReplyToMessageId?: string | null;
}

@InputType()
export class SendSmsToContactInput {
  @Field(() => ID)
  contactId!: string;

  @Field(() => PhoneNumberScalar, { nullable: true, description: "One of the person's numbers; default: their main one." })
  to?: string | null;

  @Field({ description: 'At most 1,600 characters (Twilio\'s limit); see `segments` for what it costs.' })
  body!: string;
}

@InputType()
export class AttachMessageToContactInput {
  @Field(() => ID, { description: 'An inbound email not matched to anyone.' })
  messageId!: string;

  @Field(() => ID)
  contactId!: string;
}
