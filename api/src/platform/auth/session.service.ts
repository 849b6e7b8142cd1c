import { sql } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '../../../../schema/platform/session.entity.js';
import { NotFoundError, UnauthenticatedError } from '../../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../../graphql/global-id.js';
import type { App } from '../app.js';
import type { RequestContext, RequestMeta } from '../context/request-context.js';
import type { SessionNode } from './session.types.js';
import { randomToken, SESSION_PREFIX, sha256 } from './tokens.js';

/** Creates a session and returns its bearer token (the only time the token exists in clear). */
export function createSession(app: App, em: EntityManager, meta: RequestMeta, userId: string, tenantId: string): string {
  const token = `${SESSION_PREFIX}${randomToken()}`;
  const session = em.create(Session, {
    tokenHash: sha256(token),
    userId,
    tenantId,
    ip: meta.ip,
    userAgent: meta.userAgent,
    expiresAt: new Date(Date.now() + app.config.sessionTtlDays * 86_400_000),
  });
  em.persist(session);
  return token;
}

export async function revokeSession(app: App, sessionId: string): Promise<void> {
  await app.orm.em.fork({ useContext: false }).execute('update sessions set revoked_at = now() where id = ? and revoked_at is null', [sessionId]);
}

export async function revokeAllSessions(em: EntityManager, userId: string): Promise<number> {
  const result = await em.execute<{ id: string }[]>('update sessions set revoked_at = now() where user_id = ? and revoked_at is null returning id', [userId]);
  return result.length;
}

/** The signed-in person behind the request; an API key is no person and has no sessions. */
function signedInPerson(ctx: RequestContext): { userId: string; sessionId: string } {
  const principal = ctx.principal;
  if (!principal?.userId || !principal.sessionId) throw new UnauthenticatedError('Only a signed-in person has sessions');
  return { userId: principal.userId, sessionId: principal.sessionId };
}

function toSessionNode(session: Session, currentSessionId: string): SessionNode {
  return {
    id: toGlobalId('Session', session.id),
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    userAgent: session.userAgent ?? null,
    ip: session.ip ?? null,
    current: session.id === currentSessionId,
  };
}

/** The caller's sessions that still let someone in, most recently used first. */
export async function listSessions(ctx: RequestContext): Promise<SessionNode[]> {
  const { userId, sessionId } = signedInPerson(ctx);
  const em = await ctx.em();
  // sessions has no row-level security: the user filter alone keeps the list the caller's. Expiry is
  // compared with the database clock, as authentication does.
  const sessions = await em.find(Session, { userId, revokedAt: null, expiresAt: { $gt: sql.now() } }, { orderBy: { lastSeenAt: 'desc', id: 'desc' } });
  return sessions.map((session) => toSessionNode(session, sessionId));
}

/**
 * Ends one of the caller's own sessions, the current one included. Another person's session answers
 * exactly as an unknown id does, so ids cannot be probed. Written in the request's transaction, so it
 * commits with the rest of the request.
 */
export async function revokeOwnSession(ctx: RequestContext, globalId: string): Promise<string> {
  const { userId } = signedInPerson(ctx);
  const id = fromGlobalId('Session', globalId, ['input', 'id']);
  const em = await ctx.em();
  const revoked = await em.execute<{ id: string }[]>(
    'update sessions set revoked_at = now() where id = ? and user_id = ? and revoked_at is null and expires_at > now() returning id',
    [id, userId],
  );
  if (revoked.length === 0) throw new NotFoundError('Session');
  return toGlobalId('Session', id);
}
