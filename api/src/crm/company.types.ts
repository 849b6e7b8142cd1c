import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Connection, OrderDirection } from '../graphql/pagination.js';
import { DateTimeScalar, EmailAddressScalar, PhoneNumberScalar } from '../graphql/scalars.js';

@ObjectType('Company')
export class CompanyNode {
  @Field(() => ID)
  id!: string;

  /** Database id, for loaders and nested lists; not exposed. */
  uuid!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  domain!: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email!: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone!: string | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

export const CompanyConnection = Connection(CompanyNode, 'Company');

export enum CompanyOrderField {
  NAME = 'NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
}
registerEnumType(CompanyOrderField, { name: 'CompanyOrderField' });

@InputType()
export class CompanyOrder {
  @Field(() => CompanyOrderField, { defaultValue: CompanyOrderField.NAME })
  field!: CompanyOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}

@InputType()
export class CompanyFilter {
  @Field({ nullable: true, description: 'Matches name, domain, email or phone (case-insensitive, anywhere in the text).' })
  search?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAfter?: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  createdBefore?: Date;
}

@InputType()
export class CreateCompanyInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  domain?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone?: string | null;
}

@InputType({ description: 'Omitted fields stay as they are; null clears an optional field.' })
export class UpdateCompanyInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => String, { nullable: true })
  domain?: string | null;

  @Field(() => EmailAddressScalar, { nullable: true })
  email?: string | null;

  @Field(() => PhoneNumberScalar, { nullable: true })
  phone?: string | null;
}

@InputType()
export class DeleteCompanyInput {
  @Field(() => ID)
  id!: string;
}
