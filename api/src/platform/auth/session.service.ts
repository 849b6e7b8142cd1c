import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from '../../../../schema/platform/session.entity.js';
import type { App } from '../app.js';
import type { RequestMeta } from '../context/request-context.js';
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
