import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MODULE_KEYS, type ModuleKey } from './module-manifest.js';

export const ModuleKeyEnum = Object.fromEntries(MODULE_KEYS.map((k) => [k, k])) as { [K in ModuleKey]: K };
registerEnumType(ModuleKeyEnum, { name: 'ModuleKey', description: 'The switchable modules of Kontor.' });

@ObjectType()
export class FeatureOptionState {
  @Field()
  key!: string;

  @Field()
  description!: string;

  @Field({ description: 'On for this company (and its module is on).' })
  enabled!: boolean;

  @Field(() => [String])
  requires!: string[];
}

@ObjectType()
export class ModuleState {
  @Field(() => ModuleKeyEnum)
  key!: ModuleKey;

  @Field()
  name!: string;

  @Field()
  description!: string;

  @Field()
  enabled!: boolean;

  @Field(() => [ModuleKeyEnum], { description: 'Modules that must be on for this one to be switched on.' })
  dependsOn!: ModuleKey[];

  @Field(() => [FeatureOptionState])
  featureOptions!: FeatureOptionState[];
}

@InputType()
export class SetModuleEnabledInput {
  @Field(() => ModuleKeyEnum)
  module!: ModuleKey;

  @Field()
  enabled!: boolean;
}

@InputType()
export class SetFeatureOptionInput {
  @Field({ description: 'For example `CRM.companies`.' })
  key!: string;

  @Field()
  enabled!: boolean;
}
