import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Standalone } from '../../graphql/guards.js';
import type { RequestContext } from '../context/request-context.js';
import { fromGlobalId } from '../../graphql/global-id.js';
import { UnauthenticatedError } from '../../graphql/errors.js';
import { currentTenant } from '../tenants/tenant.service.js';
import { loadUser, membershipsOf } from '../users/user.service.js';
import { authPayload } from './auth-payload.js';
import * as auth from './auth.service.js';
import { listSessions, revokeOwnSession } from './session.service.js';
import { RevokeSessionInput, SessionNode } from './session.types.js';
import {
  AuthPayload,
  ChangePasswordInput,
  CreateTenantInput,
  LogInInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  SignUpInput,
  SwitchTenantInput,
  TokenInput,
  Viewer,
} from './auth.types.js';

@Resolver()
export class AuthResolver {
  @Query(() => Viewer, { description: 'The caller: user (for a session), company, role and permissions.' })
  async me(@Ctx() ctx: RequestContext): Promise<Viewer> {
    const principal = ctx.principal;
    if (!principal) throw new UnauthenticatedError();
    return {
      user: principal.userId ? await loadUser(ctx.app, principal.userId) : null,
      tenant: await currentTenant(ctx),
      role: principal.role,
      permissions: [...principal.permissions].sort(),
      memberships: principal.userId ? await membershipsOf(ctx.app, principal.userId) : [],
    };
  }

  @Standalone()
  @Mutation(() => AuthPayload, { description: 'Creates a company, its owner and settings; returns a session.' })
  async signUp(@Ctx() ctx: RequestContext, @Arg('input') input: SignUpInput): Promise<AuthPayload> {
    const result = await auth.signUp(ctx.app, ctx.meta, input);
    return authPayload(ctx.app, result, result.token);
  }

  @Authorized()
  @Standalone()
  @Mutation(() => AuthPayload, { description: 'Adds another company owned by the signed-in person; returns a session in it.' })
  async createTenant(@Ctx() ctx: RequestContext, @Arg('input') input: CreateTenantInput): Promise<AuthPayload> {
    const userId = ctx.principal?.userId;
    if (!userId) throw new UnauthenticatedError('Only a signed-in person can add a company');
    const result = await auth.createTenant(ctx.app, ctx.meta, userId, input);
    return authPayload(ctx.app, result, result.token);
  }

  @Standalone()
  @Mutation(() => AuthPayload)
  async logIn(@Ctx() ctx: RequestContext, @Arg('input') input: LogInInput): Promise<AuthPayload> {
    const tenantId = input.tenantId ? fromGlobalId('Tenant', input.tenantId, ['input', 'tenantId']) : null;
    const result = await auth.logIn(ctx.app, ctx.meta, { ...input, tenantId });
    return authPayload(ctx.app, result, result.token);
  }

  @Standalone()
  @Mutation(() => AuthPayload, { description: 'Moves this session to another company of the user; the token stays the same.' })
  async switchTenant(@Ctx() ctx: RequestContext, @Arg('input') input: SwitchTenantInput): Promise<AuthPayload> {
    const tenantId = fromGlobalId('Tenant', input.tenantId, ['input', 'tenantId']);
    const result = await auth.switchTenant(ctx, tenantId);
    return authPayload(ctx.app, result, ctx.meta.bearer ?? '');
  }

  @Standalone()
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  logOut(@Ctx() ctx: RequestContext): Promise<boolean> {
    return auth.logOut(ctx);
  }

  @Authorized()
  @Query(() => [SessionNode], { description: 'Where the signed-in person is signed in: their active sessions, most recently used first.' })
  sessions(@Ctx() ctx: RequestContext): Promise<SessionNode[]> {
    return listSessions(ctx);
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Ends one of your own sessions (this one included); returns its id.' })
  revokeSession(@Ctx() ctx: RequestContext, @Arg('input') input: RevokeSessionInput): Promise<string> {
    return revokeOwnSession(ctx, input.id);
  }

  @Standalone()
  @Mutation(() => Int, { description: 'Ends every session of this user, on every device; returns how many.' })
  logOutEverywhere(@Ctx() ctx: RequestContext): Promise<number> {
    return auth.logOutEverywhere(ctx);
  }

  @Standalone()
  @Mutation(() => Boolean)
  async verifyEmail(@Ctx() ctx: RequestContext, @Arg('input') input: TokenInput): Promise<boolean> {
    await auth.verifyEmail(ctx.app, input.token);
    return true;
  }

  @Authorized()
  @Standalone()
  @Mutation(() => Boolean, { description: 'Sends a new confirmation link; false when already confirmed.' })
  resendVerificationEmail(@Ctx() ctx: RequestContext): Promise<boolean> {
    return auth.resendVerificationEmail(ctx);
  }

  @Standalone()
  @Mutation(() => Boolean, { description: 'Always true, whether or not the address has an account.' })
  requestPasswordReset(@Ctx() ctx: RequestContext, @Arg('input') input: RequestPasswordResetInput): Promise<boolean> {
    return auth.requestPasswordReset(ctx.app, ctx.meta, input.email);
  }

  @Standalone()
  @Mutation(() => Boolean, { description: 'Sets a new password and ends all sessions of the user.' })
  resetPassword(@Ctx() ctx: RequestContext, @Arg('input') input: ResetPasswordInput): Promise<boolean> {
    return auth.resetPassword(ctx.app, input.token, input.newPassword);
  }

  @Authorized()
  @Standalone()
  @Mutation(() => Boolean)
  changePassword(@Ctx() ctx: RequestContext, @Arg('input') input: ChangePasswordInput): Promise<boolean> {
    return auth.changePassword(ctx, input.currentPassword, input.newPassword);
  }
}
