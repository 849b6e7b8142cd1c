import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { SegmentEntity } from '../../../schema/crm/segment.entity.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { UserNode } from '../platform/users/user.types.js';
import { ContactFilter } from './contact.types.js';
import { CustomerFilter } from './customer.types.js';

registerEnumType(SegmentEntity, { name: 'SegmentEntity', description: 'What a segment selects.' });

@ObjectType('Segment', { description: 'A saved filter over contacts or customers; its members and count are computed when read, so they are always current.' })
export class SegmentNode {
  @Field(() => ID)
  id!: string;

  /** Database id; not exposed. */
  uuid!: string;

  @Field()
  name!: string;

  @Field(() => SegmentEntity)
  entity!: SegmentEntity;

  @Field(() => GraphQLJSONObject, { description: 'The saved filter, shaped as ContactFilter or CustomerFilter (by `entity`): give it back as the input to change it.' })
  filter!: Record<string, unknown>;

  @Field(() => UserNode, { nullable: true })
  createdBy!: UserNode | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar)
  updatedAt!: Date;
}

@InputType({ description: 'Give the filter that matches `entity`: contactFilter for CONTACT, customerFilter for CUSTOMER.' })
export class CreateSegmentInput {
  @Field()
  name!: string;

  @Field(() => SegmentEntity)
  entity!: SegmentEntity;

  @Field(() => ContactFilter, { nullable: true })
  contactFilter?: ContactFilter | null;

  @Field(() => CustomerFilter, { nullable: true })
  customerFilter?: CustomerFilter | null;
}

@InputType({ description: 'The entity stays; a given filter replaces the saved one whole.' })
export class UpdateSegmentInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  name?: string;

  @Field(() => ContactFilter, { nullable: true })
  contactFilter?: ContactFilter | null;

  @Field(() => CustomerFilter, { nullable: true })
  customerFilter?: CustomerFilter | null;
}

@InputType()
export class DeleteSegmentInput {
  @Field(() => ID)
  id!: string;
}
