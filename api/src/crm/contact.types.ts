import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, OrderDirection } from '../graphql/pagination.js';
import type { CompanyNode } from './company.types.js';
import { DateTimeScalar, EmailAddressScalar, PhoneNumberScalar } from '../graphql/scalars.js';

@ObjectType('Contact', { description: 'A person the company deals with.' })
export class ContactNode {
  @Field(() => ID)
  id!: string;

  /** Database id of the company, resolved by a batched loader; not exposed. */
  companyUuid!: string | null;

  /** The company when the query already joined it (lists); undefined: load it. Not exposed. */
  company?: CompanyNode | null;

  @Field()
  firstName!: string;

  @Field(() => String, { nullable: true })
  lastName!: string | null;

  @Field()
  fullName!: string;

  @Field(() => EmailAddressScalar, { nullable: true })
  email!: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true, description: 'E.164, such as +40721234567.' })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  jobTitle!: string | null;

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
}
registerEnumType(ContactOrderField, { name: 'ContactOrderField' });

@InputType()
export class ContactOrder {
  @Field(() => ContactOrderField, { defaultValue: ContactOrderField.CREATED_AT })
  field!: ContactOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction!: OrderDirection;
}

@InputType()
export class ContactFilter {
  @Field({ nullable: true, description: 'Matches first or last name, email or phone (case-insensitive, anywhere in the text).' })
  search?: string;

  @Field(() => ID, { nullable: true, description: 'Only people working at this company.' })
  companyId?: string;

  @Field(() => EmailAddressScalar, { nullable: true, description: 'Exact email address (case-insensitive).' })
  email?: string;

  @Field({ nullable: true })
  hasEmail?: boolean;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  createdBefore?: Date;
}

@InputType()
export class CreateContactInput {
  @Field()
  firstName!: string;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => ID, { nullable: true })
  companyId?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field.' })
export class UpdateContactInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  firstName?: string;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  jobTitle?: string | null;

  @Field(() => ID, { nullable: true })
  companyId?: string | null;
}

@InputType()
export class DeleteContactInput {
  @Field(() => ID)
  id!: string;
}
