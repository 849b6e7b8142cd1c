import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { CustomerKind, LifecycleStage, SourceChannel } from '../../../schema/crm/customer.entity.js';
import { Connection, OrderDirection } from '../graphql/pagination.js';
import { DateTimeScalar, EmailAddressScalar, PhoneNumberScalar } from '../graphql/scalars.js';
import { AddressInput, AddressNode } from '../platform/address/address.types.js';
import { UserNode } from '../platform/users/user.types.js';
import { AttributionInput, AttributionNode } from './attribution.types.js';
import { CustomFieldFilter, CustomFieldValueInput } from './custom-field.types.js';
import type { CustomValues } from './custom-field.service.js';

registerEnumType(CustomerKind, { name: 'CustomerKind', description: 'An organization, or a private person buying for themselves.' });
registerEnumType(LifecycleStage, { name: 'LifecycleStage', description: 'How far the relationship has come.' });
registerEnumType(SourceChannel, { name: 'SourceChannel', description: 'The channel a customer came through.' });

@ObjectType('CustomerRef', { description: 'Another customer, by id and name.' })
export class CustomerRefNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('CustomerSource', { description: 'Where the customer came from.' })
export class CustomerSourceNode extends AttributionNode {
  @Field(() => CustomerRefNode, { nullable: true, description: 'The customer who recommended this one.' })
  referredBy!: CustomerRefNode | null;
}

@ObjectType('Customer', { description: 'A relationship: an organization or a private person the company sells to.' })
export class CustomerNode {
  @Field(() => ID)
  id!: string;

  /** Database id, for loaders and nested lists; not exposed. */
  uuid!: string;

  @Field(() => CustomerKind)
  kind!: CustomerKind;

  @Field()
  name!: string;

  @Field(() => LifecycleStage)
  lifecycleStage!: LifecycleStage;

  @Field(() => String, { nullable: true })
  domain!: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email!: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone!: string | null;

  @Field(() => UserNode, { nullable: true, description: 'The member responsible; null when nobody (or a former member) is.' })
  owner!: UserNode | null;

  @Field(() => AddressNode)
  address!: AddressNode;

  @Field(() => CustomerSourceNode)
  source!: CustomerSourceNode;

  @Field(() => [String])
  tags!: string[];

  /** Raw custom values by key, shaped by the `customFields` field resolver; not exposed. */
  customValues!: CustomValues;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const CustomerConnection = Connection(CustomerNode, 'Customer');

export enum CustomerOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  /** By the custom field named in `customFieldKey`. */
  CUSTOM_FIELD = 'CUSTOM_FIELD',
}
registerEnumType(CustomerOrderField, { name: 'CustomerOrderField' });

@InputType()
export class CustomerOrder {
  @Field(() => CustomerOrderField, { defaultValue: CustomerOrderField.NAME })
  field!: CustomerOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;

  @Field(() => String, { nullable: true, description: 'With CUSTOM_FIELD: the key of the field.' })
  customFieldKey?: string | null;
}

@InputType({ description: 'Every given condition must hold.' })
export class CustomerFilter {
  @Field({ nullable: true, description: 'Matches name, domain, email or phone (case-insensitive, anywhere in the text).' })
  search?: string;

  @Field(() => [CustomerKind], { nullable: true })
  kinds?: CustomerKind[];

  @Field(() => [LifecycleStage], { nullable: true })
  lifecycleStages?: LifecycleStage[];

  @Field(() => ID, { nullable: true, description: 'Only customers this member is responsible for.' })
  ownerId?: string;

  @Field({ nullable: true, description: 'true: only customers nobody is responsible for.' })
  unowned?: boolean;

  @Field(() => [String], { nullable: true, description: 'Only customers carrying every one of these tags (case-insensitive).' })
  tags?: string[];

  @Field(() => [SourceChannel], { nullable: true })
  sourceChannels?: SourceChannel[];

  @Field(() => String, { nullable: true, description: 'ISO country code of the address.' })
  country?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  createdBefore?: Date;

  @Field(() => [CustomFieldFilter], { nullable: true, description: 'Conditions on custom fields, all of which must hold.' })
  customFields?: CustomFieldFilter[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'The last interaction with the customer (or its people) is at or after this.' })
  lastInteractionAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'There were interactions, the last one before this.' })
  lastInteractionBefore?: Date;

  @Field(() => Boolean, { nullable: true, description: 'false: nobody ever logged an interaction with it.' })
  hasInteractions?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only the members of this saved customer segment (with the other conditions on top).' })
  segmentId?: string;
}

@InputType()
export class CustomerSourceInput extends AttributionInput {
  @Field(() => ID, { nullable: true })
  referredById?: string | null;
}

@InputType()
export class CreateCustomerInput {
  @Field(() => CustomerKind, { defaultValue: CustomerKind.ORGANIZATION })
  kind!: CustomerKind;

  @Field()
  name!: string;

  @Field(() => LifecycleStage, { nullable: true, description: 'LEAD when omitted.' })
  lifecycleStage?: LifecycleStage | null;

  @Field(() => String, { nullable: true })
  domain?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who is responsible; the creating member when omitted, nobody when null.' })
  ownerId?: string | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;

  @Field(() => CustomerSourceInput, { nullable: true })
  source?: CustomerSourceInput | null;

  @Field(() => [String], { nullable: true, description: 'At most 50 tags of at most 50 characters; duplicates (ignoring case) are merged.' })
  tags?: string[] | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Sets the given custom fields; the others stay.' })
  customFields?: CustomFieldValueInput[] | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field. `address` and `source` replace the whole part.' })
export class UpdateCustomerInput {
  @Field(() => ID)
  id!: string;

  @Field(() => CustomerKind, { nullable: true })
  kind?: CustomerKind;

  @Field({ nullable: true })
  name?: string;

  @Field(() => LifecycleStage, { nullable: true })
  lifecycleStage?: LifecycleStage;

  @Field(() => String, { nullable: true })
  domain?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone?: string | null;

  @Field(() => ID, { nullable: true })
  ownerId?: string | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;

  @Field(() => CustomerSourceInput, { nullable: true })
  source?: CustomerSourceInput | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Sets the given custom fields; the others stay.' })
  customFields?: CustomFieldValueInput[] | null;
}

@InputType()
export class DeleteCustomerInput {
  @Field(() => ID)
  id!: string;
}
