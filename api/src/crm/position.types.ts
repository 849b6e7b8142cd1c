import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('Position', { description: 'A position people hold, from the company-wide directory.' })
export class PositionNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  decisionMaker!: boolean;

  @Field(() => Int, { description: 'People holding it.' })
  contactCount!: number;
}

@InputType()
export class CreatePositionInput {
  @Field()
  name!: string;

  @Field({ defaultValue: false })
  decisionMaker!: boolean;
}

@InputType()
export class UpdatePositionInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  decisionMaker?: boolean;
}

@InputType()
export class DeletePositionInput {
  @Field(() => ID)
  id!: string;
}
