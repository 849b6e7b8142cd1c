import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { AuthPayload } from '../auth/auth.types.js';
import { Standalone } from '../../graphql/guards.js';
import type { RequestContext } from '../context/request-context.js';
import { authPayload } from '../auth/auth-payload.js';
import { acceptInvitation, inviteUser, listInvitations, revokeInvitation } from './invitation.service.js';
import { AcceptInvitationInput, InvitationNode, InviteUserInput, RevokeInvitationInput } from './invitation.types.js';

@Resolver()
export class InvitationResolver {
  @Authorized('users:manage')
  @Query(() => [InvitationNode], { description: 'Pending invitations (a short list: not paginated).' })
  invitations(@Ctx() ctx: RequestContext): Promise<InvitationNode[]> {
    return listInvitations(ctx);
  }

  @Authorized('users:manage')
  @Mutation(() => InvitationNode, { description: 'Emails an invitation to join this company with a role.' })
  inviteUser(@Ctx() ctx: RequestContext, @Arg('input') input: InviteUserInput): Promise<InvitationNode> {
    return inviteUser(ctx, input);
  }

  @Authorized('users:manage')
  @Mutation(() => InvitationNode)
  revokeInvitation(@Ctx() ctx: RequestContext, @Arg('input') input: RevokeInvitationInput): Promise<InvitationNode> {
    return revokeInvitation(ctx, input.id);
  }

  @Standalone()
  @Mutation(() => AuthPayload, { description: 'Joins the inviting company and returns a session in it.' })
  async acceptInvitation(@Ctx() ctx: RequestContext, @Arg('input') input: AcceptInvitationInput): Promise<AuthPayload> {
    const result = await acceptInvitation(ctx, input);
    return authPayload(ctx.app, result, result.token);
  }
}
