import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { CurrencyScalar } from '../../graphql/scalars.js';
import { Role } from '../../../../schema/platform/membership.entity.js';
import { ModuleState } from '../modules/module.types.js';

@ObjectType()
export class TenantSettingsNode {
  @Field(() => CurrencyScalar)
  currency!: string;

  @Field({ description: 'IANA time zone, such as Europe/Bucharest.' })
  timeZone!: string;

  @Field({ description: 'Default language of the company (BCP 47).' })
  locale!: string;

  @Field(() => [Role], { description: 'Roles that see only their own customers, people and deals in the CRM (and their history).' })
  ownRecordsOnlyRoles!: Role[];
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

  @Field(() => [Role], { nullable: true, description: 'Replaces the list. Owners and admins always see everything. Takes effect on each member\'s next request.' })
  ownRecordsOnlyRoles?: Role[];
}
