import { Field, InputType, ObjectType } from 'type-graphql';
import { SourceChannel } from '../../../schema/crm/customer.entity.js';

/**
 * The channel and UTM tags a customer or a deal came through; each adds what is its own. Not types
 * themselves in the schema (nothing returns them): their fields join the types that extend them.
 */
@ObjectType()
export abstract class AttributionNode {
  @Field(() => SourceChannel, { nullable: true })
  channel!: SourceChannel | null;

  @Field(() => String, { nullable: true })
  utmSource!: string | null;

  @Field(() => String, { nullable: true })
  utmMedium!: string | null;

  @Field(() => String, { nullable: true })
  utmCampaign!: string | null;
}

@InputType()
export abstract class AttributionInput {
  @Field(() => SourceChannel, { nullable: true })
  channel?: SourceChannel | null;

  @Field(() => String, { nullable: true })
  utmSource?: string | null;

  @Field(() => String, { nullable: true })
  utmMedium?: string | null;

  @Field(() => String, { nullable: true })
  utmCampaign?: string | null;
}
