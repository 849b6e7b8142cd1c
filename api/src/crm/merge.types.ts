import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ContactNode } from './contact.types.js';
import { CustomerNode } from './customer.types.js';

export enum DuplicateReason {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  NAME = 'NAME',
  TAX_ID = 'TAX_ID',
  DOMAIN = 'DOMAIN',
}
registerEnumType(DuplicateReason, { name: 'DuplicateReason', description: 'What the records of a duplicate group share.' });

@ObjectType('ContactDuplicateGroup', { description: 'People who share an email address, a phone number, or a name at the same customer.' })
export class ContactDuplicateGroupNode {
  @Field(() => DuplicateReason)
  reason!: DuplicateReason;

  @Field({ description: 'The shared value.' })
  value!: string;

  @Field(() => [ContactNode], { description: 'Oldest first: the usual one to keep.' })
  contacts!: ContactNode[];
}

@ObjectType('CustomerDuplicateGroup', { description: 'Customers who share a tax id, a web domain, an email, a phone or a name.' })
export class CustomerDuplicateGroupNode {
  @Field(() => DuplicateReason)
  reason!: DuplicateReason;

  @Field()
  value!: string;

  @Field(() => [CustomerNode], { description: 'Oldest first.' })
  customers!: CustomerNode[];
}

@InputType({ description: 'The sources are merged into the target and deleted; their history moves to the target.' })
export class MergeContactsInput {
  @Field(() => ID)
  targetId!: string;

  @Field(() => [ID], { description: '1 to 20 other people.' })
  sourceIds!: string[];
}

@InputType({ description: 'The sources are merged into the target and deleted; their people, legal entities and history move to the target.' })
export class MergeCustomersInput {
  @Field(() => ID)
  targetId!: string;

  @Field(() => [ID], { description: '1 to 20 other customers.' })
  sourceIds!: string[];
}
