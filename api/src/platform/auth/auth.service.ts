import type { EntityManager } from '@mikro-orm/postgresql';
import { Membership, Role } from '../../../../schema/platform/membership.entity.js';
import { TenantFeatureOption } from '../../../../schema/platform/tenant-feature-option.entity.js';
import { TenantModule } from '../../../../schema/platform/tenant-module.entity.js';
import { TenantSettings } from '../../../../schema/platform/tenant-settings.entity.js';
import { Tenant } from '../../../../schema/platform/tenant.entity.js';
import { UserToken, UserTokenPurpose } from '../../../../schema/platform/user-token.entity.js';
import { User } from '../../../../schema/platform/user.entity.js';
import { newId } from '../../../../schema/shared/ids.js';
import { BadUserInputError, ConflictError, UnauthenticatedError } from '../../graphql/errors.js';
import type { App } from '../app.js';
import type { RequestContext, RequestMeta } from '../context/request-context.js';
import { asUser, listMemberships } from '../context/user-scope.js';
import { enqueueMail } from '../mail/mail.service.js';
import { passwordResetEmail, verificationEmail } from '../mail/auth-emails.js';
import type { ModuleKey } from '../modules/module-manifest.js';
import { checkLocale, checkTimeZone } from '../tenants/settings-values.js';
import { DUMMY_HASH, hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, verifyPassword } from './password.js';
import { createSession, revokeAllSessions, revokeSession } from './session.service.js';
import { randomToken, sha256 } from './tokens.js';

export interface AuthResult {
  token: string;
  userId: string;
  tenantId: string;
}

export interface SignUpInput {
  companyName: string;
  email: string;
  password: string;
  name?: string | null;
  modules?: ModuleKey[] | null;
  locale?: string | null;
  timeZone?: string | null;
}

const VERIFY_TTL_MS = 3 * 86_400_000;
const RESET_TTL_MS = 3_600_000;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkPassword(password: string, path: string[]): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw BadUserInputError.field(path, `must be at least ${MIN_PASSWORD_LENGTH} characters`, 'TOO_SHORT', { min: MIN_PASSWORD_LENGTH });
  if (password.length > MAX_PASSWORD_LENGTH) throw BadUserInputError.field(path, `must be at most ${MAX_PASSWORD_LENGTH} characters`, 'TOO_LONG', { max: MAX_PASSWORD_LENGTH });
}

/** Longest name of a person: at sign-up, on accepting an invitation, in the profile. */
export const MAX_NAME_LENGTH = 200;

export function checkText(value: string, path: string[], max: number, required = true): string {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw BadUserInputError.field(path, 'must not be empty', 'REQUIRED');
  if (trimmed.length > max) throw BadUserInputError.field(path, `must be at most ${max} characters (got ${trimmed.length})`, 'TOO_LONG', { max });
  return trimmed;
}

/** An optional text: trimmed and length-checked; absent or empty is null (never ""). */
export function checkOptionalText(value: string | null | undefined, path: string[], max: number): string | null {
  if (value === undefined || value === null) return null;
  const text = checkText(value, path, max, false);
  return text === '' ? null : text;
}

/** Settings a new company starts with instead of the defaults. */
interface InitialSettings {
  locale?: string;
  timeZone?: string;
}

/** Inserts the tenant, its settings, modules, the owner's membership and each module's starting rows; the caller's transaction holds them. */
async function provisionTenant(app: App, em: EntityManager, tenantId: string, companyName: string, userId: string, modules: Set<ModuleKey>, settings: InitialSettings = {}): Promise<void> {
  em.persist(em.create(Tenant, { id: tenantId, name: companyName }));
  await em.flush();
  await em.execute("select set_config('app.tenant_id', ?, true)", [tenantId]);
  const tenantSettings = em.create(TenantSettings, { tenantId });
  if (settings.locale) tenantSettings.locale = settings.locale;
  if (settings.timeZone) tenantSettings.timeZone = settings.timeZone;
  em.persist(tenantSettings);
  em.persist(em.create(Membership, { tenantId, userId, role: Role.OWNER }));
  for (const key of app.registry.keys) em.persist(em.create(TenantModule, { tenantId, key, enabled: modules.has(key) }));
  for (const { option } of app.registry.featureOptions) {
    em.persist(em.create(TenantFeatureOption, { tenantId, key: option.key, enabled: option.defaultEnabled }));
  }
  for (const manifest of app.registry.manifests) await manifest.provision?.(em, tenantId);
}

function chooseModules(app: App, requested: ModuleKey[] | null | undefined): Set<ModuleKey> {
  const modules = new Set<ModuleKey>(requested ?? app.registry.manifests.filter((m) => m.defaultEnabled).map((m) => m.key));
  const refusal = app.registry.refuseSet(modules);
  if (refusal) throw BadUserInputError.field(['input', 'modules'], refusal.reason, 'NEEDS_MODULES', { modules: refusal.blockers.join(', ') });
  return modules;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505';
}

/**
 * Creates the company, its owner and its settings in one transaction. An address that already has an
 * account is refused: it adds a company with `createTenant` once logged in, so sign-up can never be
 * used to try passwords (it would bypass the log-in throttle).
 */
export async function signUp(app: App, meta: RequestMeta, input: SignUpInput): Promise<AuthResult> {
  const companyName = checkText(input.companyName, ['input', 'companyName'], 200);
  const name = input.name ? checkText(input.name, ['input', 'name'], MAX_NAME_LENGTH, false) : null;
  checkPassword(input.password, ['input', 'password']);
  const email = normaliseEmail(input.email);
  const modules = chooseModules(app, input.modules);
  const locale = input.locale === undefined || input.locale === null ? undefined : checkLocale(input.locale, ['input', 'locale']);
  const timeZone = input.timeZone === undefined || input.timeZone === null ? undefined : checkTimeZone(input.timeZone, ['input', 'timeZone']);
  await app.rateLimits.consume({ name: 'signup-ip', points: app.config.rateLimits.signUpPerIpPerHour, durationSeconds: 3600 }, meta.ip);
  const alreadyRegistered = new ConflictError('An account with this email already exists: log in, then add a company', ['input', 'email'], 'ALREADY_EXISTS');
  if (await app.orm.em.fork({ useContext: false }).findOne(User, { email })) throw alreadyRegistered;
  const passwordHash = await hashPassword(input.password);
  const tenantId = newId();
  const verifyToken = randomToken();
  const em = app.orm.em.fork({ clear: true, useContext: false });
  try {
    const result = await em.transactional(async (tx) => {
      const user = tx.create(User, { email, name, passwordHash, locale: locale ?? 'en' });
      tx.persist(user);
      tx.persist(tx.create(UserToken, { userId: user.id, purpose: UserTokenPurpose.VERIFY_EMAIL, tokenHash: sha256(verifyToken), expiresAt: new Date(Date.now() + VERIFY_TTL_MS) }));
      // The owner's language is also the company's first default language.
      await provisionTenant(app, tx, tenantId, companyName, user.id, modules, { locale, timeZone });
      const token = createSession(app, tx, meta, user.id, tenantId);
      return { token, userId: user.id, tenantId };
    });
    await enqueueMail(app, tenantId, verificationEmail(email, `${app.config.appUrl}/verify-email?token=${verifyToken}`));
    return result;
  } catch (error) {
    // Two sign-ups for one new address at once: the unique index decides, the loser hears why.
    if (isUniqueViolation(error)) throw alreadyRegistered;
    throw error;
  }
}

export interface CreateTenantInput {
  companyName: string;
  modules?: ModuleKey[] | null;
}

/** A signed-in person adds another company, becomes its owner, and gets a session in it. */
export async function createTenant(app: App, meta: RequestMeta, userId: string, input: CreateTenantInput): Promise<AuthResult> {
  const companyName = checkText(input.companyName, ['input', 'companyName'], 200);
  const modules = chooseModules(app, input.modules);
  await app.rateLimits.consume({ name: 'create-tenant', points: app.config.rateLimits.signUpPerIpPerHour, durationSeconds: 3600 }, userId);
  const tenantId = newId();
  return app.orm.em.fork({ clear: true, useContext: false }).transactional(async (tx) => {
    await provisionTenant(app, tx, tenantId, companyName, userId, modules);
    const token = createSession(app, tx, meta, userId, tenantId);
    return { token, userId, tenantId };
  });
}

export interface LogInInput {
  email: string;
  password: string;
  tenantId?: string | null;
}

const LOGIN_WINDOW_S = 15 * 60;

/** Throttled per address and per IP: every attempt counts until it succeeds. */
export async function logIn(app: App, meta: RequestMeta, input: LogInInput): Promise<AuthResult> {
  const email = normaliseEmail(input.email);
  const perEmail = { name: 'login-email', points: app.config.rateLimits.loginPerEmailPer15Min, durationSeconds: LOGIN_WINDOW_S };
  const perIp = { name: 'login-ip', points: app.config.rateLimits.loginPerIpPer15Min, durationSeconds: LOGIN_WINDOW_S };
  // Each attempt is counted before the (slow) password check, so parallel attempts cannot slip
  // through; a success gives the address its budget back and refunds the IP's point.
  await app.rateLimits.consume(perEmail, email);
  await app.rateLimits.consume(perIp, meta.ip);
  const user = await app.orm.em.fork({ useContext: false }).findOne(User, { email });
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !valid) throw new UnauthenticatedError('Wrong email or password');
  await app.rateLimits.reset(perEmail, email);
  await app.rateLimits.reward(perIp, meta.ip);
  return asUser(app.orm, user.id, async (em) => {
    const memberships = await listMemberships(em, user.id);
    const chosen = input.tenantId ? memberships.find((m) => m.tenant_id === input.tenantId) : memberships.at(-1);
    if (!chosen) throw new UnauthenticatedError(input.tenantId ? 'You are not a member of that company' : 'Your account belongs to no company');
    const token = createSession(app, em, meta, user.id, chosen.tenant_id);
    await em.flush();
    return { token, userId: user.id, tenantId: chosen.tenant_id };
  });
}

/** Moves the current session to another company the user belongs to. */
export async function switchTenant(ctx: RequestContext, tenantId: string): Promise<AuthResult> {
  const principal = ctx.principal;
  if (!principal?.userId || !principal.sessionId) throw new UnauthenticatedError('Only a signed-in person can switch company');
  const { userId, sessionId } = principal;
  await asUser(ctx.app.orm, userId, async (em) => {
    const memberships = await listMemberships(em, userId);
    if (!memberships.some((m) => m.tenant_id === tenantId)) throw BadUserInputError.field(['input', 'tenantId'], 'you are not a member of that company', 'NOT_A_MEMBER');
    await em.execute('update sessions set tenant_id = ? where id = ?', [tenantId, sessionId]);
  });
  return { token: '', userId, tenantId };
}

export async function logOut(ctx: RequestContext): Promise<boolean> {
  const sessionId = ctx.principal?.sessionId;
  if (!sessionId) throw new UnauthenticatedError('Only a session can log out');
  await revokeSession(ctx.app, sessionId);
  return true;
}

export async function logOutEverywhere(ctx: RequestContext): Promise<number> {
  const userId = ctx.principal?.userId;
  if (!userId) throw new UnauthenticatedError('Only a signed-in person can log out everywhere');
  return revokeAllSessions(ctx.app.orm.em.fork({ useContext: false }), userId);
}

async function consumeUserToken(em: EntityManager, token: string, purpose: UserTokenPurpose): Promise<UserToken> {
  const row = await em.findOne(UserToken, { tokenHash: sha256(token), purpose });
  if (!row || row.usedAt || row.expiresAt.getTime() <= Date.now()) {
    throw BadUserInputError.field(['input', 'token'], 'this link is invalid, used or expired', 'INVALID_LINK');
  }
  row.usedAt = new Date();
  return row;
}

export async function verifyEmail(app: App, token: string): Promise<string> {
  return app.orm.em.fork({ clear: true, useContext: false }).transactional(async (em) => {
    const row = await consumeUserToken(em, token, UserTokenPurpose.VERIFY_EMAIL);
    const user = await em.findOneOrFail(User, { id: row.userId });
    user.emailVerifiedAt ??= new Date();
    return user.id;
  });
}

export async function resendVerificationEmail(ctx: RequestContext): Promise<boolean> {
  const userId = ctx.principal?.userId;
  if (!userId) throw new UnauthenticatedError();
  const em = ctx.app.orm.em.fork({ clear: true, useContext: false });
  const user = await em.findOneOrFail(User, { id: userId });
  if (user.emailVerifiedAt) return false;
  await ctx.app.rateLimits.consume({ name: 'verify-resend', points: 5, durationSeconds: 3600 }, userId);
  const token = randomToken();
  em.persist(em.create(UserToken, { userId, purpose: UserTokenPurpose.VERIFY_EMAIL, tokenHash: sha256(token), expiresAt: new Date(Date.now() + VERIFY_TTL_MS) }));
  await em.flush();
  const message = verificationEmail(user.email, `${ctx.app.config.appUrl}/verify-email?token=${token}`);
  ctx.afterCommit(() => enqueueMail(ctx.app, ctx.tenantId, message));
  return true;
}

/** Always answers true, so the form cannot be used to learn who has an account. */
export async function requestPasswordReset(app: App, meta: RequestMeta, rawEmail: string): Promise<boolean> {
  const email = normaliseEmail(rawEmail);
  await app.rateLimits.consume({ name: 'reset-ip', points: 20, durationSeconds: 3600 }, meta.ip);
  await app.rateLimits.consume({ name: 'reset-email', points: 5, durationSeconds: 3600 }, email);
  const em = app.orm.em.fork({ clear: true, useContext: false });
  const user = await em.findOne(User, { email });
  if (!user) return true;
  const token = randomToken();
  em.persist(em.create(UserToken, { userId: user.id, purpose: UserTokenPurpose.RESET_PASSWORD, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) }));
  await em.flush();
  await enqueueMail(app, null, passwordResetEmail(email, `${app.config.appUrl}/reset-password?token=${token}`));
  return true;
}

/** Sets the new password and ends every session, since the old password may be known to someone else. */
export async function resetPassword(app: App, token: string, newPassword: string): Promise<boolean> {
  checkPassword(newPassword, ['input', 'newPassword']);
  const passwordHash = await hashPassword(newPassword);
  await app.orm.em.fork({ clear: true, useContext: false }).transactional(async (em) => {
    const row = await consumeUserToken(em, token, UserTokenPurpose.RESET_PASSWORD);
    const user = await em.findOneOrFail(User, { id: row.userId });
    user.passwordHash = passwordHash;
    user.emailVerifiedAt ??= new Date();
    await em.flush();
    await revokeAllSessions(em, user.id);
  });
  return true;
}

export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<boolean> {
  const userId = ctx.principal?.userId;
  if (!userId) throw new UnauthenticatedError();
  checkPassword(newPassword, ['input', 'newPassword']);
  const em = ctx.app.orm.em.fork({ clear: true, useContext: false });
  const user = await em.findOneOrFail(User, { id: userId });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) throw BadUserInputError.field(['input', 'currentPassword'], 'is not your current password', 'WRONG_PASSWORD');
  user.passwordHash = await hashPassword(newPassword);
  await em.flush();
  // Other devices signed in with the old password are signed out; this one stays.
  await em.execute('update sessions set revoked_at = now() where user_id = ? and id <> ? and revoked_at is null', [userId, ctx.principal?.sessionId ?? null]);
  return true;
}
