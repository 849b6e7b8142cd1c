import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, signUp, startKontor, type Kontor, type SignedUp } from '../support/harness.js';

const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix modules access rateLimitPerMinute lastUsedAt revokedAt } } }`;

interface CreatedKey {
  createApiKey: { secret: string; apiKey: { id: string; prefix: string; modules: string[]; access: string; lastUsedAt: string | null } };
}

describe('partner API keys', () => {
  let kontor: Kontor;
  let owner: SignedUp;

  beforeAll(async () => {
    kontor = await startKontor({ workers: false });
    owner = await signUp(kontor);
  });
  afterAll(() => kontor.close());

  it('shows the secret once, stores only a hash, and works as a bearer token', async () => {
    const created = ok(await kontor.gql<CreatedKey>(CREATE_KEY, { input: { name: 'ERP sync', modules: ['CRM'], access: 'READ_WRITE' } }, owner.token)).createApiKey;
    expect(created.secret).toMatch(/^ktk_[0-9a-f]{64}_[\w-]{40,}$/);
    expect(created.secret.startsWith(created.apiKey.prefix)).toBe(true);
    const listed = ok(await kontor.gql<{ apiKeys: Record<string, unknown>[] }>(`{ apiKeys { id name prefix modules access lastUsedAt } }`, {}, owner.token)).apiKeys;
    expect(listed.find((k) => k.id === created.apiKey.id)).toMatchObject({ name: 'ERP sync', modules: ['CRM'], access: 'READ_WRITE', lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(created.secret.split('_').at(-1));
    // The database holds no copy of the secret.
    const secretPart = created.secret.split('_').at(-1) ?? '';
    const rows = await kontor.app.orm.em.fork().execute<{ n: number }[]>(
      `select count(*)::int as n from api_keys where secret_hash like ? or prefix like ?`,
      [`%${secretPart}%`, `%${secretPart}%`],
    );
    expect(rows[0]?.n).toBe(0);

    const contact = ok(await kontor.gql<{ createContact: { id: string } }>(`mutation { createContact(input: { firstName: "Via key" }) { id } }`, {}, created.secret)).createContact;
    expect(contact.id).toBeTruthy();
    const me = ok(await kontor.gql<{ me: { user: null; role: null; permissions: string[] } }>(`{ me { user { id } role permissions } }`, {}, created.secret)).me;
    expect(me).toEqual({ user: null, role: null, permissions: ['CRM:read', 'CRM:write'] });
    const used = ok(await kontor.gql<{ apiKeys: { id: string; lastUsedAt: string | null }[] }>(`{ apiKeys { id lastUsedAt } }`, {}, owner.token)).apiKeys;
    expect(used.find((k) => k.id === created.apiKey.id)?.lastUsedAt).not.toBeNull();
  });

  it('is limited to its modules and to read or read-write, and cannot manage the company', async () => {
    const readOnly = ok(await kontor.gql<CreatedKey>(CREATE_KEY, { input: { name: 'BI', modules: ['CRM'], access: 'READ' } }, owner.token)).createApiKey.secret;
    ok(await kontor.gql(`{ contacts { totalCount } }`, {}, readOnly));
    expect(errorCode(await kontor.gql(`mutation { createContact(input: { firstName: "No" }) { id } }`, {}, readOnly))).toBe('FORBIDDEN');
    const otherModule = ok(await kontor.gql<CreatedKey>(CREATE_KEY, { input: { name: 'Desk', modules: ['SERVICE_DESK'], access: 'READ_WRITE' } }, owner.token)).createApiKey.secret;
    expect(errorCode(await kontor.gql(`{ contacts { totalCount } }`, {}, otherModule))).toBe('FORBIDDEN');
    expect(errorCode(await kontor.gql(`{ apiKeys { id } }`, {}, readOnly))).toBe('FORBIDDEN');
    expect(errorCode(await kontor.gql(CREATE_KEY, { input: { name: 'x', modules: ['CRM'], access: 'READ' } }, readOnly))).toBe('FORBIDDEN');
  });

  it('validates its input', async () => {
    const noModules = await kontor.gql(CREATE_KEY, { input: { name: 'x', modules: [], access: 'READ' } }, owner.token);
    expect(errorCode(noModules)).toBe('BAD_USER_INPUT');
    expect(noModules.errors?.[0]?.extensions?.path).toEqual(['input', 'modules']);
    const badLimit = await kontor.gql(CREATE_KEY, { input: { name: 'x', modules: ['CRM'], access: 'READ', rateLimitPerMinute: 0 } }, owner.token);
    expect(badLimit.errors?.[0]?.extensions?.path).toEqual(['input', 'rateLimitPerMinute']);
    expect(errorCode(await kontor.gql(CREATE_KEY, { input: { name: ' ', modules: ['CRM'], access: 'READ' } }, owner.token))).toBe('BAD_USER_INPUT');
  });

  it('stops working the moment it is revoked', async () => {
    const created = ok(await kontor.gql<CreatedKey>(CREATE_KEY, { input: { name: 'Temp', modules: ['CRM'], access: 'READ' } }, owner.token)).createApiKey;
    ok(await kontor.gql(`{ contacts { totalCount } }`, {}, created.secret));
    const revoked = ok(await kontor.gql<{ revokeApiKey: { revokedAt: string | null } }>(`mutation($input: RevokeApiKeyInput!) { revokeApiKey(input: $input) { revokedAt } }`, { input: { id: created.apiKey.id } }, owner.token));
    expect(revoked.revokeApiKey.revokedAt).not.toBeNull();
    expect(errorCode(await kontor.gql(`{ contacts { totalCount } }`, {}, created.secret))).toBe('UNAUTHENTICATED');
    // A forged secret for a real key id fails the same way.
    const forged = `${created.secret.slice(0, created.secret.lastIndexOf('_') + 1)}${'A'.repeat(43)}`;
    expect(errorCode(await kontor.gql(`{ contacts { totalCount } }`, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('is rate limited per key with RATE_LIMITED and HTTP 429', async () => {
    const created = ok(await kontor.gql<CreatedKey>(CREATE_KEY, { input: { name: 'Chatty', modules: ['CRM'], access: 'READ', rateLimitPerMinute: 3 } }, owner.token)).createApiKey;
    for (let i = 0; i < 3; i++) ok(await kontor.gql(`{ contacts { totalCount } }`, {}, created.secret));
    const limited = await kontor.gql(`{ contacts { totalCount } }`, {}, created.secret);
    expect(limited.status).toBe(429);
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    // Another key of the same tenant has its own budget.
    const other = ok(await kontor.gql<CreatedKey>(CREATE_KEY, { input: { name: 'Quiet', modules: ['CRM'], access: 'READ' } }, owner.token)).createApiKey.secret;
    ok(await kontor.gql(`{ contacts { totalCount } }`, {}, other));
  });
});

describe('per-tenant rate limit', () => {
  it('throttles one tenant without touching another', async () => {
    const kontor = await startKontor({ workers: false, config: { rateLimits: { tenantPerMinute: 4, loginPerEmailPer15Min: 10, loginPerIpPer15Min: 100_000, signUpPerIpPerHour: 100_000, apiKeyPerMinute: 600 } } });
    try {
      const busy = await signUp(kontor);
      const calm = await signUp(kontor);
      let limited = 0;
      for (let i = 0; i < 6; i++) if (errorCode(await kontor.gql(`{ me { role } }`, {}, busy.token)) === 'RATE_LIMITED') limited++;
      expect(limited).toBe(2);
      ok(await kontor.gql(`{ me { role } }`, {}, calm.token));
    } finally {
      await kontor.close();
    }
  });
});
