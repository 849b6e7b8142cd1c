import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, ok, PASSWORD, signUp, startKontor, uniqueEmail, type Kontor } from '../support/harness.js';

const ME = `{ me { user { email } role permissions tenant { id name modules { key enabled } } memberships { tenantId tenantName role } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token user { email } tenant { id name } } }`;

describe('sign-up, log-in and sessions', () => {
  let kontor: Kontor;
  beforeAll(async () => {
    kontor = await startKontor({ workers: false, config: { rateLimits: { loginPerEmailPer15Min: 3, loginPerIpPer15Min: 100_000, signUpPerIpPerHour: 100_000, apiKeyPerMinute: 600, tenantPerMinute: 100_000 } } });
  });
  afterAll(() => kontor.close());

  it('signs up a company with its owner, settings and default modules, and the token works', async () => {
    const email = uniqueEmail('owner');
    const result = ok(
      await kontor.gql<{ signUp: { token: string; user: { email: string }; tenant: { name: string; modules: { key: string; enabled: boolean }[]; settings: { currency: string } } } }>(
        `mutation($input: SignUpInput!) { signUp(input: $input) { token user { email } tenant { name settings { currency } modules { key enabled } } } }`,
        { input: { companyName: '  Acme SRL ', email: email.toUpperCase(), password: PASSWORD } },
      ),
    );
    expect(result.signUp.token).toMatch(/^kts_/);
    expect(result.signUp.user.email).toBe(email);
    expect(result.signUp.tenant.name).toBe('Acme SRL');
    expect(result.signUp.tenant.settings.currency).toBe('EUR');
    expect(result.signUp.tenant.modules.find((m) => m.key === 'CRM')?.enabled).toBe(true);
    expect(result.signUp.tenant.modules.find((m) => m.key === 'ACCOUNTING')?.enabled).toBe(false);
    const me = ok(await kontor.gql<{ me: { user: { email: string }; role: string; permissions: string[] } }>(ME, {}, result.signUp.token));
    expect(me.me.user.email).toBe(email);
    expect(me.me.role).toBe('OWNER');
    expect(me.me.permissions).toContain('settings:manage');
  });

  it('signs up with chosen modules, and refuses a module set whose dependency is missing', async () => {
    const refused = await kontor.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, {
      input: { companyName: 'Desk only', email: uniqueEmail(), password: PASSWORD, modules: ['SERVICE_DESK'] },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.extensions?.path).toEqual(['input', 'modules']);
    expect(refused.errors?.[0]?.message).toMatch(/CRM/);
    const accepted = await signUp(kontor, { modules: ['CRM', 'SERVICE_DESK'] });
    const me = ok(await kontor.gql<{ me: { tenant: { modules: { key: string; enabled: boolean }[] } } }>(ME, {}, accepted.token));
    expect(me.me.tenant.modules.filter((m) => m.enabled).map((m) => m.key).sort()).toEqual(['CRM', 'SERVICE_DESK']);
  });

  it('rejects bad sign-up input with typed errors and leaves nothing behind', async () => {
    const email = uniqueEmail();
    const short = await kontor.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { companyName: 'X', email, password: 'short' } });
    expect(errorCode(short)).toBe('BAD_USER_INPUT');
    expect(short.errors?.[0]?.extensions?.path).toEqual(['input', 'password']);
    const badEmail = await kontor.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { companyName: 'X', email: 'not-an-email', password: PASSWORD } });
    expect(errorCode(badEmail)).toBe('BAD_USER_INPUT');
    expect(badEmail.errors?.[0]?.extensions?.path).toEqual(['input', 'email']);
    const longName = await kontor.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { companyName: 'x'.repeat(201), email, password: PASSWORD } });
    expect(errorCode(longName)).toBe('BAD_USER_INPUT');
    // The address is still free: nothing was half-created.
    const logIn = await kontor.gql(LOG_IN, { input: { email, password: PASSWORD } });
    expect(errorCode(logIn)).toBe('UNAUTHENTICATED');
  });

  it('logs in, and answers a wrong password like an unknown address', async () => {
    const owner = await signUp(kontor);
    const good = ok(await kontor.gql<{ logIn: { token: string } }>(LOG_IN, { input: { email: owner.email, password: PASSWORD } }));
    expect(good.logIn.token).not.toBe(owner.token);
    const wrong = await kontor.gql(LOG_IN, { input: { email: owner.email, password: 'wrong password!!' } });
    const unknown = await kontor.gql(LOG_IN, { input: { email: uniqueEmail('nobody'), password: PASSWORD } });
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
  });

  it('throttles failed log-ins per address with RATE_LIMITED, even for the right password', async () => {
    const owner = await signUp(kontor);
    for (let i = 0; i < 3; i++) {
      expect(errorCode(await kontor.gql(LOG_IN, { input: { email: owner.email, password: 'wrong password!!' } }))).toBe('UNAUTHENTICATED');
    }
    const blocked = await kontor.gql(LOG_IN, { input: { email: owner.email, password: PASSWORD } });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.status).toBe(429);
    // Another address from the same IP is not affected by this address's limit.
    const other = await signUp(kontor);
    ok(await kontor.gql(LOG_IN, { input: { email: other.email, password: PASSWORD } }));
  });

  it('logs out one session, and everywhere', async () => {
    const owner = await signUp(kontor);
    const second = ok(await kontor.gql<{ logIn: { token: string } }>(LOG_IN, { input: { email: owner.email, password: PASSWORD } })).logIn.token;
    const third = ok(await kontor.gql<{ logIn: { token: string } }>(LOG_IN, { input: { email: owner.email, password: PASSWORD } })).logIn.token;
    expect(ok(await kontor.gql<{ logOut: boolean }>(`mutation { logOut }`, {}, second)).logOut).toBe(true);
    expect(errorCode(await kontor.gql(ME, {}, second))).toBe('UNAUTHENTICATED');
    ok(await kontor.gql(ME, {}, third));
    const everywhere = ok(await kontor.gql<{ logOutEverywhere: number }>(`mutation { logOutEverywhere }`, {}, third));
    expect(everywhere.logOutEverywhere).toBe(2);
    expect(errorCode(await kontor.gql(ME, {}, third))).toBe('UNAUTHENTICATED');
    expect(errorCode(await kontor.gql(ME, {}, owner.token))).toBe('UNAUTHENTICATED');
  });

  it('lets one person belong to two companies and switch between them', async () => {
    const first = await signUp(kontor, { companyName: 'First Co' });
    const created = ok(
      await kontor.gql<{ createTenant: { token: string; user: { id: string }; tenant: { id: string; name: string } } }>(
        `mutation($input: CreateTenantInput!) { createTenant(input: $input) { token user { id } tenant { id name } } }`,
        { input: { companyName: 'Second Co' } },
        first.token,
      ),
    ).createTenant;
    expect(created.user.id).toBe(first.userId);
    const me = ok(await kontor.gql<{ me: { tenant: { name: string }; role: string; memberships: { tenantId: string; tenantName: string }[] } }>(ME, {}, created.token));
    expect(me.me.tenant.name).toBe('Second Co');
    expect(me.me.role).toBe('OWNER');
    expect(me.me.memberships.map((m) => m.tenantName).sort()).toEqual(['First Co', 'Second Co']);
    const switched = ok(
      await kontor.gql<{ switchTenant: { tenant: { name: string } } }>(`mutation($input: SwitchTenantInput!) { switchTenant(input: $input) { tenant { name } } }`, { input: { tenantId: first.tenantId } }, created.token),
    );
    expect(switched.switchTenant.tenant.name).toBe('First Co');
    expect(ok(await kontor.gql<{ me: { tenant: { name: string } } }>(ME, {}, created.token)).me.tenant.name).toBe('First Co');
    // A company the person does not belong to cannot be switched to.
    const stranger = await signUp(kontor);
    const refused = await kontor.gql(`mutation($input: SwitchTenantInput!) { switchTenant(input: $input) { tenant { name } } }`, { input: { tenantId: stranger.tenantId } }, created.token);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    // Logging in can pick the company.
    const into = ok(await kontor.gql<{ logIn: { tenant: { name: string } } }>(LOG_IN, { input: { email: first.email, password: PASSWORD, tenantId: created.tenant.id } }));
    expect(into.logIn.tenant.name).toBe('Second Co');
  });

  it('refuses to sign up an address that has an account, whatever the password: sign-up is no password oracle', async () => {
    const existing = await signUp(kontor);
    for (const password of [PASSWORD, 'some other password']) {
      const result = await kontor.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { companyName: 'Again', email: existing.email, password } });
      expect(errorCode(result)).toBe('CONFLICT');
      expect(result.errors?.[0]?.extensions?.path).toEqual(['input', 'email']);
    }
    // Simultaneous sign-ups of one new address: one wins, the others are told why (never a 500).
    const email = uniqueEmail('race');
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => kontor.gql(`mutation($input: SignUpInput!) { signUp(input: $input) { token } }`, { input: { companyName: 'Race', email, password: PASSWORD } })),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).map(errorCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
  });

  it('counts parallel failed log-ins before checking the password', async () => {
    const owner = await signUp(kontor);
    const attempts = await Promise.all(Array.from({ length: 8 }, () => kontor.gql(LOG_IN, { input: { email: owner.email, password: 'wrong password!!' } })));
    const codes = attempts.map(errorCode);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
  });

  it('keeps self-committing mutations alone in their operation, so a request stays all or nothing', async () => {
    const owner = await signUp(kontor);
    const mixed = await kontor.gql(
      `mutation { changePassword(input: { currentPassword: "${PASSWORD}", newPassword: "a brand new password" }) createContact(input: { firstName: "" }) { id } }`,
      {},
      owner.token,
    );
    expect(errorCode(mixed)).toBe('BAD_USER_INPUT');
    expect(mixed.errors?.[0]?.extensions?.field).toBe('changePassword');
    // Nothing ran: the old password still works.
    ok(await kontor.gql(LOG_IN, { input: { email: owner.email, password: PASSWORD } }));
  });

  it('answers UNAUTHENTICATED for missing, malformed and unknown tokens', async () => {
    expect(errorCode(await kontor.gql(ME))).toBe('UNAUTHENTICATED');
    expect(errorCode(await kontor.gql(ME, {}, 'kts_doesnotexist'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await kontor.gql(ME, {}, 'garbage'))).toBe('UNAUTHENTICATED');
  });

  it('changes the password only with the current one', async () => {
    const owner = await signUp(kontor);
    const wrong = await kontor.gql(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, { input: { currentPassword: 'not it at all', newPassword: 'a brand new password' } }, owner.token);
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.extensions?.path).toEqual(['input', 'currentPassword']);
    ok(await kontor.gql(`mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`, { input: { currentPassword: PASSWORD, newPassword: 'a brand new password' } }, owner.token));
    ok(await kontor.gql(LOG_IN, { input: { email: owner.email, password: 'a brand new password' } }));
  });
});
