import { Membership, Role } from '../../../../schema/platform/membership.entity.js';
import { User } from '../../../../schema/platform/user.entity.js';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError } from '../../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../../graphql/global-id.js';
import type { App } from '../app.js';
import { checkText, MAX_NAME_LENGTH } from '../auth/auth.service.js';
import { canGrantRole } from '../auth/permissions.js';
import type { RequestContext } from '../context/request-context.js';
import { asUser, listMemberships } from '../context/user-scope.js';
import { checkLocale } from '../tenants/settings-values.js';
import type { MemberNode, MembershipNode, UpdateProfileInput, UserNode } from './user.types.js';

export function toUserNode(user: User): UserNode {
  return { id: toGlobalId('User', user.id), email: user.email, name: user.name ?? null, emailVerified: !!user.emailVerifiedAt, locale: user.locale };
}

export async function loadUser(app: App, userId: string): Promise<UserNode> {
  return toUserNode(await app.orm.em.fork({ useContext: false }).findOneOrFail(User, { id: userId }));
}

export async function membershipsOf(app: App, userId: string): Promise<MembershipNode[]> {
  return asUser(app.orm, userId, async (em) =>
    (await listMemberships(em, userId)).map((m) => ({ tenantId: toGlobalId('Tenant', m.tenant_id), tenantName: m.tenant_name, role: m.role as Role })),
  );
}

/**
 * The signed-in person changes their own name and language. users is a platform table: written
 * through the request's connection, so it commits with the rest of the request.
 */
export async function updateProfile(ctx: RequestContext, input: UpdateProfileInput): Promise<UserNode> {
  const userId = ctx.principal?.userId;
  if (!userId) throw new UnauthenticatedError('Only a signed-in person has a profile');
  // Both fields are checked before anything is written. null is refused, not "clear": a name once given stays a name, and a language is required.
  const name = input.name === undefined ? undefined : checkText(input.name ?? '', ['input', 'name'], MAX_NAME_LENGTH);
  const locale = input.locale === undefined ? undefined : checkLocale(input.locale, ['input', 'locale']);
  const em = await ctx.em();
  const user = await em.findOneOrFail(User, { id: userId });
  if (name !== undefined) user.name = name;
  if (locale !== undefined) user.locale = locale;
  await em.flush();
  return toUserNode(user);
}

export async function listMembers(ctx: RequestContext): Promise<MemberNode[]> {
  // People's names and addresses are for colleagues, not for partner integrations.
  if (!ctx.principal?.userId) throw new ForbiddenError('Only people of the company can list its members');
  const em = await ctx.em();
  const memberships = await em.find(Membership, {}, { orderBy: { createdAt: 'asc' } });
  const users = await ctx.app.orm.em.fork({ useContext: false }).find(User, { id: { $in: memberships.map((m) => m.userId) } });
  const byId = new Map(users.map((u) => [u.id, u]));
  return memberships.flatMap((m) => {
    const user = byId.get(m.userId);
    return user ? [{ user: toUserNode(user), role: m.role }] : [];
  });
}

async function ownerCount(ctx: RequestContext): Promise<number> {
  return (await ctx.em()).count(Membership, { role: Role.OWNER });
}

/** The acting owner or admin and the membership they want to change. */
async function managedMembership(ctx: RequestContext, userGlobalId: string): Promise<{ actorRole: Role; membership: Membership; userId: string }> {
  const actor = ctx.principal;
  if (!actor?.role || !actor.permissions.has('users:manage')) throw new ForbiddenError('Only owners and admins manage people');
  const userId = fromGlobalId('User', userGlobalId, ['input', 'userId']);
  const em = await ctx.em();
  // Serialise role changes of one company, so two owners demoting each other cannot leave none.
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`owners:${ctx.tenantId}`]);
  const membership = await em.findOne(Membership, { tenantId: ctx.tenantId, userId });
  if (!membership) throw new NotFoundError('User');
  return { actorRole: actor.role, membership, userId };
}

/** Role changes: only within what the changer may grant, and a company always keeps an owner. */
export async function setMemberRole(ctx: RequestContext, userGlobalId: string, role: Role): Promise<MemberNode> {
  const { actorRole, membership, userId } = await managedMembership(ctx, userGlobalId);
  const em = await ctx.em();
  if (!canGrantRole(actorRole, role) || !canGrantRole(actorRole, membership.role)) throw new ForbiddenError(`A ${actorRole} cannot make or unmake a ${role === Role.OWNER ? role : membership.role}`);
  if (membership.role === Role.OWNER && role !== Role.OWNER && (await ownerCount(ctx)) <= 1) throw new ConflictError('The company must keep at least one owner', ['input', 'role'], 'LAST_OWNER');
  membership.role = role;
  await em.flush();
  const user = await ctx.app.orm.em.fork({ useContext: false }).findOneOrFail(User, { id: userId });
  return { user: toUserNode(user), role };
}

export async function removeMember(ctx: RequestContext, userGlobalId: string): Promise<string> {
  const { actorRole, membership, userId } = await managedMembership(ctx, userGlobalId);
  const em = await ctx.em();
  if (!canGrantRole(actorRole, membership.role)) throw new ForbiddenError(`A ${actorRole} cannot remove a ${membership.role}`);
  if (membership.role === Role.OWNER && (await ownerCount(ctx)) <= 1) throw new ConflictError('The company must keep at least one owner', ['input', 'userId'], 'LAST_OWNER');
  em.remove(membership);
  await em.flush();
  // Their sessions in this company end at once.
  await em.execute('update sessions set revoked_at = now() where user_id = ? and tenant_id = ? and revoked_at is null', [userId, ctx.tenantId]);
  return userGlobalId;
}
