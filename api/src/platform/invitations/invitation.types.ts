import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '../../../../schema/platform/membership.entity.js';
import { DateTimeScalar, EmailAddressScalar } from '../../graphql/scalars.js';
import { LOCALES } from '../tenants/settings-values.js';

@ObjectType('Invitation')
export class InvitationNode {
  @Field(() => ID)
  id!: string;

  @Field(() => EmailAddressScalar)
  email!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true })
  acceptedAt!: Date | null;
}

@InputType()
export class InviteUserInput {
  @Field(() => EmailAddressScalar)
  email!: string;

  @Field(() => Role)
  role!: Role;
}

@InputType()
export class RevokeInvitationInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  token!: string;

  @Field(() => String, { nullable: true, description: 'New accounts: the password to set. Existing accounts: their password.' })
  password?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: `New accounts: their language, one of ${LOCALES.join(', ')}; defaults to en. An existing account keeps its own.` })
  locale?: string | null;
}
