import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { CurrencyScalar } from '../../graphql/scalars.js';
import { ModuleState } from '../modules/module.types.js';

@ObjectType()
export class TenantSettingsNode {
  @Field(() => CurrencyScalar)
  currency!: string;

  @Field({ description: 'IANA time zone, such as Europe/Bucharest.' })
  timeZone!: string;

  @Field({ description: 'Default language of the company (BCP 47).' })
  locale!: string;
}

@ObjectType('Tenant', { description: 'A company using Kontor.' })
export class TenantNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => [ModuleState])
  modules!: ModuleState[];

  @Field(() => TenantSettingsNode)
  settings!: TenantSettingsNode;
}

@InputType()
export class UpdateTenantSettingsInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => CurrencyScalar, { nullable: true })
  currency?: string;

  @Field({ nullable: true })
  timeZone?: string;

  @Field({ nullable: true })
  locale?: string;
}
