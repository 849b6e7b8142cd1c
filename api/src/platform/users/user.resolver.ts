import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { Role } from '../../../../schema/platform/membership.entity.js';
import type { RequestContext } from '../context/request-context.js';
import { listMembers, removeMember, setMemberRole, updateProfile } from './user.service.js';
import { MemberNode, UpdateProfileInput, UserNode } from './user.types.js';

@InputType()
export class SetMemberRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  userId!: string;
}

@Resolver()
export class UserResolver {
  @Authorized()
  @Query(() => [MemberNode], { description: 'People of this company with their roles (a short list: not paginated).' })
  members(@Ctx() ctx: RequestContext): Promise<MemberNode[]> {
    return listMembers(ctx);
  }

  @Authorized('users:manage')
  @Mutation(() => MemberNode)
  setMemberRole(@Ctx() ctx: RequestContext, @Arg('input') input: SetMemberRoleInput): Promise<MemberNode> {
    return setMemberRole(ctx, input.userId, input.role);
  }

  @Authorized()
  @Mutation(() => UserNode, { description: "Changes the signed-in person's own name and language; not for API keys." })
  updateProfile(@Ctx() ctx: RequestContext, @Arg('input') input: UpdateProfileInput): Promise<UserNode> {
    return updateProfile(ctx, input);
  }

  @Authorized('users:manage')
  @Mutation(() => ID, { description: 'Removes a person from this company and ends their sessions in it; returns their id.' })
  removeMember(@Ctx() ctx: RequestContext, @Arg('input') input: RemoveMemberInput): Promise<string> {
    return removeMember(ctx, input.userId);
  }
}
