import type { App } from '../app.js';
import { inTenant } from '../context/tenant-scope.js';
import { loadTenantNode } from '../tenants/tenant.service.js';
import { loadUser } from '../users/user.service.js';
import type { AuthResult } from './auth.service.js';
import type { AuthPayload } from './auth.types.js';

/** The answer to sign-up, log-in, switch and accept: the token, the person and the company they are in. */
export async function authPayload(app: App, result: AuthResult, token: string): Promise<AuthPayload> {
  const tenant = await inTenant(app.orm, result.tenantId, result.userId, (em) => loadTenantNode(app, em, result.tenantId));
  return { token, user: await loadUser(app, result.userId), tenant };
}
