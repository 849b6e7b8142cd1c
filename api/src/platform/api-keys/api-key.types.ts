import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ApiKeyAccess } from '../../../../schema/platform/api-key.entity.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ModuleKeyEnum } from '../modules/module.types.js';
import type { ModuleKey } from '../modules/module-manifest.js';

registerEnumType(ApiKeyAccess, { name: 'ApiKeyAccess' });

@ObjectType('ApiKey')
export class ApiKeyNode {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The first characters of the key, to recognise it.' })
  prefix!: string;

  @Field(() => [ModuleKeyEnum])
  modules!: ModuleKey[];

  @Field(() => ApiKeyAccess)
  access!: ApiKeyAccess;

  @Field(() => Int, { nullable: true })
  rateLimitPerMinute!: number | null;

  @Field(() => DateTimeScalar)
  createdAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true })
  revokedAt!: Date | null;
}

@ObjectType()
export class CreateApiKeyPayload {
  @Field(() => ApiKeyNode)
  apiKey!: ApiKeyNode;

  @Field({ description: 'The secret key. Shown only now: Kontor keeps only its hash.' })
  secret!: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field()
  name!: string;

  @Field(() => [ModuleKeyEnum])
  modules!: ModuleKey[];

  @Field(() => ApiKeyAccess)
  access!: ApiKeyAccess;

  @Field(() => Int, { nullable: true, description: 'Requests per minute for this key; defaults to the platform limit.' })
  rateLimitPerMinute?: number | null;
}

@InputType()
export class RevokeApiKeyInput {
  @Field(() => ID)
  id!: string;
}
