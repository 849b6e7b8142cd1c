import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../../../../schema/platform/membership.entity.js';
import { EmailAddressScalar } from '../../graphql/scalars.js';

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
