import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ConsentChannel, ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { ContactPointType } from '../../../schema/crm/contact-point.entity.js';
import { Connection, OrderDirection } from '../graphql/pagination.js';
import { DateTimeScalar, EmailAddressScalar, PhoneNumberScalar } from '../graphql/scalars.js';
import { AddressInput, AddressNode } from '../platform/address/address.types.js';
import { UserNode } from '../platform/users/user.types.js';
import { CustomFieldFilter, CustomFieldValueInput } from './custom-field.types.js';
import type { CustomValues } from './custom-field.service.js';
import { CustomerFilter } from './customer.types.js';

registerEnumType(ContactPointType, { name: 'ContactPointType', description: 'What kind of address or number it is.' });
registerEnumType(ConsentChannel, { name: 'ConsentChannel' });
registerEnumType(ConsentStatus, { name: 'ConsentStatus', description: 'UNKNOWN until the person grants or refuses it.' });

@ObjectType('ContactEmail')
export class ContactEmailNode {
  @Field(() => EmailAddressScalar)
  address!: string;

  @Field(() => ContactPointType)
  type!: ContactPointType;
}

@ObjectType('ContactPhone')
export class ContactPhoneNode {
  @Field(() => PhoneNumberScalar)
  number!: string;

  @Field(() => ContactPointType)
  type!: ContactPointType;
}

@ObjectType('ConsentEvent', { description: 'A change of consent: when, how, and who recorded it.' })
export class ConsentEventNode {
  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Field(() => ConsentStatus)
  status!: ConsentStatus;

  @Field({ description: 'How it was given or withdrawn, such as "phone call" or "import".' })
  source!: string;

  @Field(() => DateTimeScalar)
  occurredAt!: Date;

  @Field(() => UserNode, { nullable: true, description: 'The member who recorded it; null when the person did it themselves.' })
  recordedBy!: UserNode | null;
}

@InputType()
export class ContactEmailInput {
  @Field(() => EmailAddressScalar)
  address!: string;

  @Field(() => ContactPointType, { defaultValue: ContactPointType.WORK })
  type!: ContactPointType;
}

@InputType()
export class ContactPhoneInput {
  @Field(() => PhoneNumberScalar)
  number!: string;

  @Field(() => ContactPointType, { defaultValue: ContactPointType.WORK })
  type!: ContactPointType;
}

@ObjectType('Contact', { description: 'A person the company deals with.' })
export class ContactNode {
  @Field(() => ID)
  id!: string;

  /** Database ids, resolved by batched loaders; not exposed. */
  uuid!: string;
  customerUuid!: string | null;
  positionUuid!: string | null;
  ownerUuid!: string | null;

  @Field()
  firstName!: string;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field()
  fullName!: string;

  @Field(() => EmailAddressScalar, { nullable: true, description: 'The first of `emails`.' })
  email!: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true, description: 'The first of `phones`, E.164 such as +40721234567.' })
  phone!: string | null;

  @Field(() => AddressNode)
  address!: AddressNode;

  @Field(() => ConsentStatus, { description: 'Whether email campaigns may reach this person.' })
  emailConsent!: ConsentStatus;

  @Field(() => ConsentStatus, { description: 'Whether SMS campaigns may reach this person.' })
  smsConsent!: ConsentStatus;

  @Field(() => [String])
  tags!: string[];

  /** Raw custom values by key, shaped by the `customFields` field resolver; not exposed. */
  customValues!: CustomValues;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const ContactConnection = Connection(ContactNode, 'Contact');

export enum ContactOrderField {
  NAME = 'NAME',
  EMAIL = 'EMAIL',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  /** By the custom field named in `customFieldKey`. */
  CUSTOM_FIELD = 'CUSTOM_FIELD',
}
registerEnumType(ContactOrderField, { name: 'ContactOrderField' });

@InputType()
export class ContactOrder {
  @Field(() => ContactOrderField, { defaultValue: ContactOrderField.CREATED_AT })
  field!: ContactOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction!: OrderDirection;

  @Field(() => String, { nullable: true, description: 'With CUSTOM_FIELD: the key of the field.' })
  customFieldKey?: string | null;
}

@InputType()
export class ContactFilter {
  @Field({ nullable: true, description: 'Matches first or last name, email or phone (case-insensitive, anywhere in the text).' })
  search?: string;

  @Field(() => ID, { nullable: true, description: 'Only people of this customer.' })
  customerId?: string;

  @Field(() => ID, { nullable: true, description: 'Only people holding this position.' })
  positionId?: string;

  @Field(() => [String], { nullable: true, description: 'Only people carrying every one of these tags (case-insensitive).' })
  tags?: string[];

  @Field(() => ConsentStatus, { nullable: true })
  emailConsent?: ConsentStatus;

  @Field(() => ConsentStatus, { nullable: true })
  smsConsent?: ConsentStatus;

  @Field(() => EmailAddressScalar, { nullable: true, description: 'Any of the person\'s email addresses, exactly (case-insensitive).' })
  email?: string;

  @Field({ nullable: true })
  hasEmail?: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  createdBefore?: Date;

  @Field(() => [CustomFieldFilter], { nullable: true, description: 'Conditions on custom fields, all of which must hold.' })
  customFields?: CustomFieldFilter[];

  @Field(() => CustomerFilter, { nullable: true, description: 'Conditions on the person\'s customer (lifecycle, source, tags, its custom fields…); people without a customer never match.' })
  customer?: CustomerFilter;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The last interaction with the person is at or after this.' })
  lastInteractionAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'There were interactions with the person, the last one before this.' })
  lastInteractionBefore?: Date;

  @Field(() => Boolean, { nullable: true, description: 'false: nobody ever logged an interaction with the person.' })
  hasInteractions?: boolean;

  @Field(() => ID, { nullable: true, description: 'Only the members of this saved contact segment (with the other conditions on top).' })
  segmentId?: string;
}

@InputType()
export class CreateContactInput {
  @Field()
  firstName!: string;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true, description: 'Shorthand for the first of `emails` (the others stay); not together with `emails`.' })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true, description: 'Shorthand for the first of `phones` (the others stay); not together with `phones`.' })
  phone?: string | null;

  @Field(() => [ContactEmailInput], { nullable: true, description: 'Every email address, the main one first; at most 10, repeats merged.' })
  emails?: ContactEmailInput[] | null;

  @Field(() => [ContactPhoneInput], { nullable: true, description: 'Every phone number, the main one first; at most 10, repeats merged.' })
  phones?: ContactPhoneInput[] | null;

  @Field(() => ID, { nullable: true, description: 'From the positions directory.' })
  positionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member responsible; the creating member when omitted on create, nobody when null.' })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => ConsentStatus, { nullable: true, description: 'Recorded with `consentSource` in the consent history.' })
  emailConsent?: ConsentStatus | null;

  @Field(() => ConsentStatus, { nullable: true })
  smsConsent?: ConsentStatus | null;

  @Field(() => String, { nullable: true, description: 'How the consent was given, such as "web form"; required with a consent other than UNKNOWN.' })
  consentSource?: string | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Sets the given custom fields; the others stay.' })
  customFields?: CustomFieldValueInput[] | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field.' })
export class UpdateContactInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  firstName?: string;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true, description: 'Shorthand for the first of `emails` (the others stay); not together with `emails`.' })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true, description: 'Shorthand for the first of `phones` (the others stay); not together with `phones`.' })
  phone?: string | null;

  @Field(() => [ContactEmailInput], { nullable: true, description: 'Every email address, the main one first; at most 10, repeats merged.' })
  emails?: ContactEmailInput[] | null;

  @Field(() => [ContactPhoneInput], { nullable: true, description: 'Every phone number, the main one first; at most 10, repeats merged.' })
  phones?: ContactPhoneInput[] | null;

  @Field(() => ID, { nullable: true, description: 'From the positions directory.' })
  positionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The member responsible; the creating member when omitted on create, nobody when null.' })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => AddressInput, { nullable: true })
  address?: AddressInput | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => [CustomFieldValueInput], { nullable: true, description: 'Sets the given custom fields; the others stay.' })
  customFields?: CustomFieldValueInput[] | null;
}

@InputType()
export class SetContactConsentInput {
  @Field(() => ID)
  contactId!: string;

  @Field(() => ConsentChannel)
  channel!: ConsentChannel;

  @Field(() => ConsentStatus)
  status!: ConsentStatus;

  @Field({ description: 'How it was given or withdrawn, such as "phone call" or "signed form"; kept as proof.' })
  source!: string;
}

@InputType()
export class DeleteContactInput {
  @Field(() => ID)
  id!: string;
}
