import { Invitation } from '../../../../schema/platform/invitation.entity.js';
import { Membership } from '../../../../schema/platform/membership.entity.js';
import { User } from '../../../../schema/platform/user.entity.js';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../../graphql/global-id.js';
import type { AuthResult } from '../auth/auth.service.js';
import { checkPassword, checkText, MAX_NAME_LENGTH, normaliseEmail } from '../auth/auth.service.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { canGrantRole } from '../auth/permissions.js';
import { createSession } from '../auth/session.service.js';
import { composeTenantToken, parseTenantToken, randomToken, sha256 } from '../auth/tokens.js';
import type { RequestContext } from '../context/request-context.js';
import { inTenant } from '../context/tenant-scope.js';
import { invitationEmail } from '../mail/auth-emails.js';
import { enqueueMail } from '../mail/mail.service.js';
import { checkLocale } from '../tenants/settings-values.js';
import type { AcceptInvitationInput, InvitationNode, InviteUserInput } from './invitation.types.js';

const INVITATION_PREFIX = 'kti_';
const INVITATION_TTL_MS = 7 * 86_400_000;

function toNode(invitation: Invitation): InvitationNode {
  return {
    id: toGlobalId('Invitation', invitation.id),
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    acceptedAt: invitation.acceptedAt ?? null,
  };
}

export async function inviteUser(ctx: RequestContext, input: InviteUserInput): Promise<InvitationNode> {
  const actor = ctx.principal;
  if (!actor?.role || !actor.userId) throw new ForbiddenError('Only a person can invite');
  if (!canGrantRole(actor.role, input.role)) throw new ForbiddenError(`A ${actor.role} cannot invite a ${input.role}`);
  const email = normaliseEmail(input.email);
  const em = await ctx.em();
  const app = ctx.app;
  await app.rateLimits.consume({ name: 'invite', points: 100, durationSeconds: 3600 }, ctx.tenantId);
  const existingUser = await app.orm.em.fork({ useContext: false }).findOne(User, { email });
  if (existingUser && (await em.count(Membership, { tenantId: ctx.tenantId, userId: existingUser.id })) > 0) {
    throw new ConflictError('This person is already a member of the company', ['input', 'email'], 'ALREADY_MEMBER');
  }
  const invitation = em.create(Invitation, {
    tenantId: ctx.tenantId,
    email,
    role: input.role,
    tokenHash: '',
    invitedByUserId: actor.userId,
    expiresAt: new Date(Date.now() + INVITATION_TTL_MS),
  });
  const secret = randomToken();
  invitation.tokenHash = sha256(secret);
  em.persist(invitation);
  await em.flush();
  const token = composeTenantToken(INVITATION_PREFIX, ctx.tenantId, invitation.id, secret);
  const inviter = await app.orm.em.fork({ useContext: false }).findOneOrFail(User, { id: actor.userId });
  const company = (await em.execute<{ name: string }[]>('select name from tenants where id = ?', [ctx.tenantId]))[0]?.name ?? 'a company';
  const message = invitationEmail(email, inviter.name ?? inviter.email, company, `${app.config.appUrl}/accept-invitation?token=${token}`);
  // Sent only if the invitation is committed: a request that fails later must not email a dead link.
  ctx.afterCommit(() => enqueueMail(app, ctx.tenantId, message));
  return toNode(invitation);
}

export async function listInvitations(ctx: RequestContext): Promise<InvitationNode[]> {
  const em = await ctx.em();
  const rows = await em.find(Invitation, { acceptedAt: null, revokedAt: null, expiresAt: { $gt: new Date() } }, { orderBy: { createdAt: 'desc', id: 'desc' } });
  return rows.map(toNode);
}

export async function revokeInvitation(ctx: RequestContext, globalId: string): Promise<InvitationNode> {
  const id = fromGlobalId('Invitation', globalId, ['input', 'id']);
  const em = await ctx.em();
  const invitation = await em.findOne(Invitation, { tenantId: ctx.tenantId, id });
  if (!invitation) throw new NotFoundError('Invitation');
  invitation.revokedAt ??= new Date();
  await em.flush();
  return toNode(invitation);
}

/**
 * Accepting joins the company. A new address creates its account with the given password (the email
 * round trip proves the address); an existing account proves itself with its password.
 */
export async function acceptInvitation(ctx: RequestContext, input: AcceptInvitationInput): Promise<AuthResult> {
  const app = ctx.app;
  const parsed = parseTenantToken(INVITATION_PREFIX, input.token);
  const invalid = BadUserInputError.field(['input', 'token'], 'this invitation is invalid, used, revoked or expired', 'INVALID_LINK');
  if (!parsed) throw invalid;
  const tenant = await app.orm.em.fork({ useContext: false }).execute<{ id: string }[]>('select id from tenants where id = ?', [parsed.tenantId]);
  if (tenant.length === 0) throw invalid;
  const root = app.orm.em.fork({ useContext: false });
  const invitationEmailOf = await inTenant(app.orm, parsed.tenantId, null, async (em) => {
    const invitation = await em.findOne(Invitation, { tenantId: parsed.tenantId, id: parsed.rowId });
    if (!invitation || invitation.tokenHash !== sha256(parsed.secret) || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= Date.now()) throw invalid;
    return invitation.email;
  });
  let user = await root.findOne(User, { email: invitationEmailOf });
  let newPasswordHash: string | null = null;
  if (user) {
    const sameUser = ctx.principal?.userId === user.id;
    if (!sameUser && !(input.password && (await verifyPassword(user.passwordHash, input.password)))) {
      throw BadUserInputError.field(['input', 'password'], 'enter the password of your existing Kontor account', 'PASSWORD_EXISTING_ACCOUNT');
    }
  } else {
    if (!input.password) throw BadUserInputError.field(['input', 'password'], 'choose a password for your new account', 'PASSWORD_NEW_ACCOUNT');
    checkPassword(input.password, ['input', 'password']);
    newPasswordHash = await hashPassword(input.password);
  }
  const name = input.name ? checkText(input.name, ['input', 'name'], MAX_NAME_LENGTH, false) : null;
  const locale = input.locale === undefined || input.locale === null ? 'en' : checkLocale(input.locale, ['input', 'locale']);
  return root.transactional(async (tx) => {
    if (!user) {
      user = tx.create(User, { email: invitationEmailOf, name, passwordHash: newPasswordHash ?? '', emailVerifiedAt: new Date(), locale });
      tx.persist(user);
      await tx.flush();
    }
    const userId = user.id;
    await tx.execute("select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)", [parsed.tenantId, userId]);
    // Claim the invitation atomically: a second acceptance finds nothing to update.
    const claimed = await tx.execute<{ role: string }[]>(
      'update invitations set accepted_at = now() where tenant_id = ? and id = ? and accepted_at is null and revoked_at is null and expires_at > now() returning role',
      [parsed.tenantId, parsed.rowId],
    );
    const role = claimed[0]?.role;
    if (!role) throw invalid;
    await tx.execute('insert into memberships (tenant_id, user_id, role, created_at) values (?, ?, ?, now()) on conflict do nothing', [parsed.tenantId, userId, role]);
    const token = createSession(app, tx, ctx.meta, userId, parsed.tenantId);
    await tx.flush();
    return { token, userId, tenantId: parsed.tenantId };
  });
}
