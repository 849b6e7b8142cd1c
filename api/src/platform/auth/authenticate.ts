import type { App } from '../app.js';
import type { Authentication } from '../context/request-context.js';
import { TenantScope } from '../context/tenant-scope.js';
import { TenantModules } from '../modules/tenant-modules.js';
import { ApiKeyAccess } from '../../../../schema/platform/api-key.entity.js';
import type { Role } from '../../../../schema/platform/membership.entity.js';
import { UnauthenticatedError } from '../../graphql/errors.js';
import { MODULE_KEYS, type ModuleKey } from '../modules/module-manifest.js';
import { permissionsOfRole, type Permission } from './permissions.js';
import { API_KEY_PREFIX, parseTenantToken, SESSION_PREFIX, sameHash, sha256 } from './tokens.js';

interface TenantStateRow {
  modules: [string, boolean][];
  options: [string, boolean][];
  key_hash: string | null;
  key_modules: string[] | null;
  key_access: ApiKeyAccess | null;
  key_revoked: boolean | null;
  key_rate_limit: number | null;
}

const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1] ?? null;
}

/**
 * Turns a bearer token into a principal, inside the tenant transaction the request then uses:
 * the role (or API key scope) and the module switches are read in the same round trip.
 */
export async function authenticate(app: App, token: string): Promise<Authentication> {
  if (token.startsWith(SESSION_PREFIX)) return authenticateSession(app, token);
  if (token.startsWith(API_KEY_PREFIX)) return authenticateApiKey(app, token);
  throw new UnauthenticatedError('Unknown token');
}

/** The API key and the tenant's switches, in one statement inside the key's tenant transaction. */
async function readApiKeyState(scope: TenantScope, tenantId: string, apiKeyId: string): Promise<TenantStateRow> {
  const rows = await scope.em.execute<TenantStateRow[]>(
    `select
       (select coalesce(json_agg(json_build_array(t.key, t.enabled)), '[]') from tenant_modules t where t.tenant_id = ?) as modules,
       (select coalesce(json_agg(json_build_array(o.key, o.enabled)), '[]') from tenant_feature_options o where o.tenant_id = ?) as options,
       k.secret_hash as key_hash, k.modules as key_modules, k.access as key_access,
       (k.revoked_at is not null) as key_revoked, k.rate_limit_per_minute as key_rate_limit
     from (select 1) one left join api_keys k on k.tenant_id = ? and k.id = ?`,
    [tenantId, tenantId, tenantId, apiKeyId],
  );
  const row = rows[0];
  if (!row) throw new UnauthenticatedError();
  return row;
}

function tenantModules(app: App, row: Pick<TenantStateRow, 'modules' | 'options'>): TenantModules {
  return new TenantModules(app.registry, new Map(row.modules), new Map(row.options));
}

interface SessionAuthRow {
  session_id: string;
  user_id: string;
  tenant_id: string;
  last_seen_at: Date;
  role: Role | null;
  modules: [string, boolean][];
  options: [string, boolean][];
  own_records_only: boolean;
}

/**
 * One round trip (the migration's `kontor_authenticate_session`) finds the session, sets the
 * transaction's tenant and user from it (and the own-records limit of the member's role, which
 * row-level security applies), and reads the role and the module switches. The request then
 * goes on in the same transaction.
 */
async function authenticateSession(app: App, token: string): Promise<Authentication> {
  const em = await TenantScope.beginUnscoped(app.orm);
  try {
    const rows = await em.execute<SessionAuthRow[]>('select * from kontor_authenticate_session(?)', [sha256(token)]);
    const session = rows[0];
    if (!session) throw new UnauthenticatedError('Session expired or revoked');
    if (!session.role) throw new UnauthenticatedError('You are no longer a member of this company');
    const scope = TenantScope.adopt(em, session.tenant_id);
    if (Date.now() - new Date(session.last_seen_at).getTime() > LAST_SEEN_RESOLUTION_MS) {
      // Outside the request's transaction: a failed request still counts as seen.
      void app.orm.em.fork({ useContext: false }).execute('update sessions set last_seen_at = now() where id = ?', [session.session_id]).catch(() => undefined);
    }
    return {
      principal: {
        kind: 'session',
        tenantId: session.tenant_id,
        userId: session.user_id,
        sessionId: session.session_id,
        apiKeyId: null,
        role: session.role,
        permissions: permissionsOfRole(session.role),
        ownRecordsOnly: session.own_records_only,
      },
      modules: tenantModules(app, session),
      scope,
    };
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

async function authenticateApiKey(app: App, token: string): Promise<Authentication> {
  const parsed = parseTenantToken(API_KEY_PREFIX, token);
  if (!parsed) throw new UnauthenticatedError('Malformed API key');
  const exists = await app.orm.em.fork({ useContext: false }).execute<{ ok: number }[]>('select 1 as ok from tenants where id = ?', [parsed.tenantId]);
  if (exists.length === 0) throw new UnauthenticatedError('Invalid API key');
  const scope = await TenantScope.open(app.orm, parsed.tenantId, null);
  try {
    const state = await readApiKeyState(scope, parsed.tenantId, parsed.rowId);
    if (!state.key_hash || state.key_revoked || !sameHash(state.key_hash, sha256(parsed.secret))) {
      throw new UnauthenticatedError('Invalid or revoked API key');
    }
    await app.rateLimits.consume(
      { name: 'api-key', points: state.key_rate_limit ?? app.config.rateLimits.apiKeyPerMinute, durationSeconds: 60 },
      parsed.rowId,
    );
    await scope.em.execute('update api_keys set last_used_at = now() where tenant_id = ? and id = ?', [parsed.tenantId, parsed.rowId]);
    const permissions = new Set<Permission>();
    for (const module of state.key_modules ?? []) {
      if (!(MODULE_KEYS as readonly string[]).includes(module)) continue;
      permissions.add(`${module as ModuleKey}:read`);
      if (state.key_access === ApiKeyAccess.READ_WRITE) permissions.add(`${module as ModuleKey}:write`);
    }
    return {
      principal: {
        kind: 'apiKey',
        tenantId: parsed.tenantId,
        userId: null,
        sessionId: null,
        apiKeyId: parsed.rowId,
        role: null,
        permissions,
      },
      modules: tenantModules(app, state),
      scope,
    };
  } catch (error) {
    await scope.rollback();
    throw error;
  }
}
