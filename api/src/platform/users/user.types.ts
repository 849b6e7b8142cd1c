import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../../../schema/platform/membership.entity.js';
import { EmailAddressScalar } from '../../graphql/scalars.js';
import { LOCALES } from '../tenants/settings-values.js';

registerEnumType(Role, { name: 'Role' });

@ObjectType('User')
export class UserNode {
  @Field(() => ID)
  id!: string;

  @Field(() => EmailAddressScalar)
  email!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field()
  emailVerified!: boolean;

  @Field()
  locale!: string;
}

@ObjectType('Membership', { description: 'A company the user belongs to, and their role there.' })
export class MembershipNode {
  @Field(() => ID)
  tenantId!: string;

  @Field()
  tenantName!: string;

  @Field(() => Role)
  role!: Role;
}

@ObjectType('Member', { description: 'A person of the current company.' })
export class MemberNode {
  @Field(() => UserNode)
  user!: UserNode;

  @Field(() => Role)
  role!: Role;
}

@InputType({ description: "The signed-in person's own profile; omitted fields stay as they are." })
export class UpdateProfileInput {
  @Field(() => String, { nullable: true, description: 'Display name; trimmed, must not be empty.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: `Language of the interface, one of ${LOCALES.join(', ')}.` })
  locale?: string | null;
}
