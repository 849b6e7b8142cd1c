import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { SubscriptionStatus } from '../../../schema/marketing/list-member.entity.js';
import { Connection } from '../graphql/pagination.js';
import { DateTimeScalar } from '../graphql/scalars.js';

registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus', description: 'PENDING until a double opt-in is confirmed; UNSUBSCRIBED keeps the person’s choice.' });

@ObjectType('SubscriptionList', { description: 'A list people subscribe to, from its public form or added by members.' })
export class SubscriptionListNode {
  @Field(() => ID)
  id!: string;

  uuid!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field({ description: 'Whether people who subscribe through the form must confirm from an email first.' })
  doubleOptIn!: boolean;

  formToken!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@ObjectType('ListMember', { description: 'A person on a list, with how and when they joined or left it.' })
export class ListMemberNode {
  @Field(() => ID)
  id!: string;

  contactUuid!: string;

  @Field(() => SubscriptionStatus)
  status!: SubscriptionStatus;

  @Field({ description: 'How they came: "form", "staff", ...' })
  source!: string;

  @Field(() => DateTimeScalar, { description: 'When they were first put on the list.' })
  joinedAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When they confirmed a double opt-in.' })
  confirmedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  unsubscribedAt!: Date | null;
}

export const ListMemberConnection = Connection(ListMemberNode, 'ListMember');

@InputType()
export class ListMemberFilter {
  @Field(() => SubscriptionStatus, { nullable: true })
  status?: SubscriptionStatus | null;
}

@ArgsType()
export class ListMembersArgs {
  @Field(() => ID)
  listId!: string;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;

  @Field(() => ListMemberFilter, { nullable: true })
  filter?: ListMemberFilter | null;
}

@InputType()
export class CreateSubscriptionListInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Default true: form subscribers confirm from an email.' })
  doubleOptIn?: boolean | null;
}

@InputType()
export class UpdateSubscriptionListInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Empty clears it.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true })
  doubleOptIn?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'A new form address: the old one stops working at once (a form being abused).' })
  newFormAddress?: boolean | null;
}

@InputType()
export class DeleteSubscriptionListInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class ListMembersInput {
  @Field(() => ID)
  listId!: string;

  @Field(() => [ID], { description: 'At most 500 people.' })
  contactIds!: string[];
}

@ObjectType('AddListMembersPayload', { description: 'What adding people did: who was added, who was on the list already, and who had left it themselves and stays off.' })
export class AddListMembersPayload {
  @Field(() => SubscriptionListNode)
  list!: SubscriptionListNode;

  @Field(() => Int, { description: 'Put on the list now (pending confirmations included).' })
  added!: number;

  @Field(() => Int)
  alreadySubscribed!: number;

  @Field(() => Int, { description: 'Unsubscribed from this list themselves: only they can join it again (through the form or their preferences).' })
  optedOut!: number;
}

@ObjectType('RemoveListMembersPayload')
export class RemoveListMembersPayload {
  @Field(() => SubscriptionListNode)
  list!: SubscriptionListNode;

  @Field(() => Int, { description: 'Taken off the list. People who unsubscribed themselves stay recorded as such.' })
  removed!: number;
}
