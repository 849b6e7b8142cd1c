import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CustomFieldEntity, CustomFieldType } from '../../../schema/crm/custom-field.entity.js';
import { DecimalScalar, LocalDateScalar } from '../graphql/scalars.js';
import type { Decimal } from 'decimal.js';

registerEnumType(CustomFieldEntity, { name: 'CustomFieldEntity', description: 'What a custom field is attached to.' });
registerEnumType(CustomFieldType, { name: 'CustomFieldType' });

@ObjectType('CustomFieldOption')
export class CustomFieldOptionNode {
  @Field({ description: 'Stable key stored in records.' })
  key!: string;

  @Field()
  label!: string;
}

@ObjectType('CustomField', { description: 'A field the company added to customers, contacts or deals.' })
export class CustomFieldNode {
  @Field(() => ID)
  id!: string;

  @Field(() => CustomFieldEntity)
  entity!: CustomFieldEntity;

  @Field({ description: 'Machine name: lower-case letters, digits and _, starting with a letter. Used in filters, imports and the API.' })
  key!: string;

  @Field()
  label!: string;

  @Field(() => CustomFieldType)
  type!: CustomFieldType;

  @Field(() => [CustomFieldOptionNode], { description: 'For SELECT and MULTI_SELECT.' })
  options!: CustomFieldOptionNode[];

  @Field()
  required!: boolean;

  @Field(() => Int)
  position!: number;
}

@ObjectType('CustomFieldValue', { description: 'A record\'s value of one custom field: the member matching the field\'s type is set.' })
export class CustomFieldValueNode {
  @Field()
  key!: string;

  @Field(() => CustomFieldType)
  type!: CustomFieldType;

  @Field(() => String, { nullable: true, description: 'TEXT.' })
  text!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'NUMBER (whole) and DECIMAL.' })
  number!: Decimal | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'DATE.' })
  date!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'BOOLEAN.' })
  boolean!: boolean | null;

  @Field(() => [String], { description: 'Option keys: one for SELECT, any for MULTI_SELECT; empty otherwise.' })
  options!: string[];
}

@InputType({ description: 'Sets one custom field; give the member that matches its type, or none to clear it.' })
export class CustomFieldValueInput {
  @Field()
  key!: string;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => DecimalScalar, { nullable: true })
  number?: Decimal | null;

  @Field(() => LocalDateScalar, { nullable: true })
  date?: string | null;

  @Field(() => Boolean, { nullable: true })
  boolean?: boolean | null;

  @Field(() => [String], { nullable: true })
  options?: string[] | null;
}

@InputType({ description: 'A condition on one custom field. Values are written as text and read by the field\'s type (numbers, YYYY-MM-DD dates, true/false, option keys).' })
export class CustomFieldFilter {
  @Field()
  key!: string;

  @Field(() => String, { nullable: true, description: 'Equal to (text ignores case; multi-select: has this option).' })
  equals?: string;

  @Field(() => [String], { nullable: true, description: 'Any of these (select: option keys; multi-select: has any of them).' })
  in?: string[];

  @Field(() => String, { nullable: true, description: 'At least (numbers and dates).' })
  min?: string;

  @Field(() => String, { nullable: true, description: 'At most (numbers and dates).' })
  max?: string;

  @Field(() => String, { nullable: true, description: 'Contains, ignoring case (text).' })
  contains?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: has a value; false: has none.' })
  isSet?: boolean;
}

@InputType()
export class CustomFieldOptionInput {
  @Field({ description: 'Stable key: lower-case letters, digits and _.' })
  key!: string;

  @Field()
  label!: string;
}

@InputType()
export class CreateCustomFieldInput {
  @Field(() => CustomFieldEntity)
  entity!: CustomFieldEntity;

  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => CustomFieldType)
  type!: CustomFieldType;

  @Field(() => [CustomFieldOptionInput], { nullable: true, description: 'Required (1 to 200) for SELECT and MULTI_SELECT.' })
  options?: CustomFieldOptionInput[] | null;

  @Field({ defaultValue: false, description: 'A new record must have it, and it cannot be cleared. Existing records are not changed.' })
  required!: boolean;
}

@InputType({ description: 'The key and type stay; options may be added, relabelled or reordered, and removed only while no record uses them.' })
export class UpdateCustomFieldInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  label?: string;

  @Field(() => [CustomFieldOptionInput], { nullable: true })
  options?: CustomFieldOptionInput[];

  @Field({ nullable: true })
  required?: boolean;

  @Field(() => Int, { nullable: true })
  position?: number;
}

@InputType()
export class DeleteCustomFieldInput {
  @Field(() => ID)
  id!: string;
}
