import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('Address', { description: 'A postal address in parts.' })
export class AddressNode {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 code, such as RO or NO.' })
  country!: string | null;

  @Field(() => String, { nullable: true, description: 'County, state or province.' })
  region!: string | null;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => String, { nullable: true })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Street and number.' })
  line1!: string | null;

  @Field(() => String, { nullable: true, description: 'Building, floor, apartment.' })
  line2!: string | null;
}

@InputType({ description: 'Replaces the whole address. A country is required once any other part is given; the postal code must fit the country.' })
export class AddressInput {
  @Field(() => String, { nullable: true })
  country?: string | null;

  @Field(() => String, { nullable: true })
  region?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  line1?: string | null;

  @Field(() => String, { nullable: true })
  line2?: string | null;
}
