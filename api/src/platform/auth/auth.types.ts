import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { EmailAddressScalar } from '../../graphql/scalars.js';
import { ModuleKeyEnum } from '../modules/module.types.js';
import type { ModuleKey } from '../modules/module-manifest.js';
import { LOCALES } from '../tenants/settings-values.js';
import { TenantNode } from '../tenants/tenant.types.js';
import { MembershipNode, UserNode } from '../users/user.types.js';
import { Role } from '../../../../schema/platform/membership.entity.js';

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => UserNode)
  user!: UserNode;

  @Field(() => TenantNode)
  tenant!: TenantNode;
}

@ObjectType({ description: 'Who is calling: a person (session) or a partner (API key).' })
export class Viewer {
  @Field(() => UserNode, { nullable: true, description: 'Null when the caller is an API key.' })
  user!: UserNode | null;

  @Field(() => TenantNode)
  tenant!: TenantNode;

  @Field(() => Role, { nullable: true })
  role!: Role | null;

  @Field(() => [String])
  permissions!: string[];

  @Field(() => [MembershipNode], { description: 'Every company this person belongs to.' })
  memberships!: MembershipNode[];
}

@InputType()
export class SignUpInput {
  @Field()
  companyName!: string;

  @Field(() => EmailAddressScalar)
  email!: string;

  @Field()
  password!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ModuleKeyEnum], { nullable: true, description: 'Modules to start with; defaults to CRM.' })
  modules?: ModuleKey[] | null;

  @Field(() => String, { nullable: true, description: `Language of the owner and default language of the company, one of ${LOCALES.join(', ')}; defaults to en.` })
  locale?: string | null;

  @Field(() => String, { nullable: true, description: 'IANA time zone of the company, such as Europe/Bucharest; defaults to UTC.' })
  timeZone?: string | null;
}

@InputType()
export class CreateTenantInput {
  @Field()
  companyName!: string;

  @Field(() => [ModuleKeyEnum], { nullable: true, description: 'Modules to start with; defaults to CRM.' })
  modules?: ModuleKey[] | null;
}

@InputType()
export class LogInInput {
  @Field(() => EmailAddressScalar)
  email!: string;

  @Field()
  password!: string;

  @Field(() => ID, { nullable: true, description: 'Company to open; defaults to the most recently joined.' })
  tenantId?: string | null;
}

@InputType()
export class SwitchTenantInput {
  @Field(() => ID)
  tenantId!: string;
}

@InputType()
export class TokenInput {
  @Field()
  token!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field(() => EmailAddressScalar)
  email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  token!: string;

  @Field()
  newPassword!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}
