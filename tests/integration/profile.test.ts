import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_QUEUES } from '../../workers/queues.js';
import { errorCode, ok, PASSWORD, signUp, startKontor, uniqueEmail, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';

const ME = `{ me { user { id email name locale } tenant { settings { locale timeZone currency } } } }`;
const UPDATE_PROFILE = `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { id email name locale } }`;
const SESSIONS = `{ sessions { id createdAt lastSeenAt userAgent ip current } }`;
const REVOKE = `mutation($input: RevokeSessionInput!) { revokeSession(input: $input) }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token } }`;
const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { token user { locale } tenant { settings { locale timeZone } } } }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { id locale } } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;

interface Me {
  me: { user: { id: string; email: string; name: string | null; locale: string }; tenant: { settings: { locale: string; timeZone: string; currency: string } } };
}
interface SessionView {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

/** The field path of the first error, as BAD_USER_INPUT reports it. */
function pathOf(result: GqlResult<unknown>): unknown {
  return result.errors?.[0]?.extensions?.path;
}

/** The uuid inside an opaque id (`base64url("<Type>:<uuid>")`), to reach the row directly. */
function rawId(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1] ?? '';
}

function globalId(type: string, uuid: string): string {
  return Buffer.from(`${type}:${uuid}`, 'utf8').toString('base64url');
}

describe('profile, sessions and sign-up preferences', () => {
  let kontor: Kontor;
  /** Emails by recipient, captured from the mailing queue. */
  const mailbox = new Map<string, string[]>();

  beforeAll(async () => {
    kontor = await startKontor({
      workers: {
        [PLATFORM_QUEUES.mailing]: async (job) => {
          const message = (job.data as { message?: { to?: unknown; text?: unknown } }).message;
          if (typeof message?.to === 'string' && typeof message.text === 'string') {
            const to = message.to.toLowerCase();
            mailbox.set(to, [...(mailbox.get(to) ?? []), message.text]);
          }
          return null;
        },
      },
    });
  });
  afterAll(() => kontor.close());

  /** The token of the latest invitation emailed to `to` (a person who signed up also got a confirmation email). */
  async function invitationTokenFor(to: string): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const token = (mailbox.get(to.toLowerCase()) ?? []).map((text) => /accept-invitation\?token=([\w-]+)/.exec(text)?.[1]).findLast((t) => t !== undefined);
      if (token !== undefined) return token;
      if (Date.now() > deadline) throw new Error(`no invitation to ${to} within 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Invites `email` into the owner's company and accepts; returns the acceptance's result. */
  async function joinAs(owner: SignedUp, email: string, input: Record<string, unknown> = {}): Promise<GqlResult<{ acceptInvitation: { token: string; user: { id: string; locale: string } } }>> {
    ok(await kontor.gql(INVITE, { input: { email, role: 'VIEWER' } }, owner.token));
    return kontor.gql(ACCEPT, { input: { token: await invitationTokenFor(email), password: PASSWORD, ...input } });
  }

  /** A new session of `email`, signed in from a browser that names itself `userAgent`. */
  async function logInFrom(email: string, userAgent: string): Promise<string> {
    const response = await fetch(`${kontor.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': userAgent },
      body: JSON.stringify({ query: LOG_IN, variables: { input: { email, password: PASSWORD } } }),
    });
    const body = (await response.json()) as GqlResult<{ logIn: { token: string } }>;
    return ok({ ...body, status: response.status }).logIn.token;
  }

  async function sessionsOf(token: string): Promise<SessionView[]> {
    return ok(await kontor.gql<{ sessions: SessionView[] }>(SESSIONS, {}, token)).sessions;
  }

  /** The id of the session a token belongs to, as `sessions` shows it. */
  async function sessionIdOf(token: string): Promise<string> {
    const current = (await sessionsOf(token)).find((s) => s.current);
    if (!current) throw new Error('no current session listed');
    return current.id;
  }

  async function apiKeyOf(owner: SignedUp): Promise<string> {
    return ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_KEY, { input: { name: 'Partner', modules: ['CRM'], access: 'READ_WRITE' } }, owner.token)).createApiKey.secret;
  }

  async function sql(statement: string, params: unknown[]): Promise<void> {
    await kontor.app.orm.em.fork({ useContext: false }).execute(statement, params);
  }

  describe('updateProfile', () => {
    it("changes the person's own name (trimmed) and language; omitted fields stay", async () => {
      const owner = await signUp(kontor);
      const renamed = ok(await kontor.gql<{ updateProfile: { id: string; name: string; locale: string } }>(UPDATE_PROFILE, { input: { name: '  Ana Popescu ' } }, owner.token)).updateProfile;
      expect(renamed).toMatchObject({ id: owner.userId, name: 'Ana Popescu', locale: 'en' });
      const relocated = ok(await kontor.gql<{ updateProfile: { name: string; locale: string } }>(UPDATE_PROFILE, { input: { locale: 'ro' } }, owner.token)).updateProfile;
      expect(relocated).toMatchObject({ name: 'Ana Popescu', locale: 'ro' });
      ok(await kontor.gql(UPDATE_PROFILE, { input: {} }, owner.token));
      const me = ok(await kontor.gql<Me>(ME, {}, owner.token)).me;
      expect(me.user).toMatchObject({ id: owner.userId, name: 'Ana Popescu', locale: 'ro' });
      // The person's language is theirs: the company's default is untouched.
      expect(me.tenant.settings.locale).toBe('en');
    });

    it('refuses bad input with BAD_USER_INPUT and the field path, and changes nothing', async () => {
      const owner = await signUp(kontor);
      ok(await kontor.gql(UPDATE_PROFILE, { input: { name: 'Before', locale: 'es' } }, owner.token));
      const cases: [Record<string, unknown>, string[]][] = [
        [{ name: '   ' }, ['input', 'name']],
        [{ name: null }, ['input', 'name']],
        [{ name: 'x'.repeat(201) }, ['input', 'name']],
        [{ locale: 'fr' }, ['input', 'locale']],
        [{ locale: 'EN' }, ['input', 'locale']],
        [{ locale: null }, ['input', 'locale']],
        // A valid name beside an invalid language: neither is written.
        [{ name: 'After', locale: 'xx' }, ['input', 'locale']],
      ];
      for (const [input, path] of cases) {
        const result = await kontor.gql(UPDATE_PROFILE, { input }, owner.token);
        expect(errorCode(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
        expect(pathOf(result), JSON.stringify(input)).toEqual(path);
      }
      expect(ok(await kontor.gql<{ updateProfile: { name: string } }>(UPDATE_PROFILE, { input: { name: 'x'.repeat(200) } }, owner.token)).updateProfile.name).toHaveLength(200);
      ok(await kontor.gql(UPDATE_PROFILE, { input: { name: 'Before' } }, owner.token));
      expect(ok(await kontor.gql<Me>(ME, {}, owner.token)).me.user).toMatchObject({ name: 'Before', locale: 'es' });
    });
  });

  describe('sessions', () => {
    it("lists the caller's own active sessions, most recently seen first, and marks the current one", async () => {
      const owner = await signUp(kontor);
      const laptop = await logInFrom(owner.email, 'Laptop browser');
      const phone = await logInFrom(owner.email, 'Phone browser');
      const loggedOut = await logInFrom(owner.email, 'Logged out browser');
      ok(await kontor.gql(`mutation { logOut }`, {}, loggedOut));
      const expired = await logInFrom(owner.email, 'Expired browser');
      const expiredId = await sessionIdOf(expired);
      await sql(`update sessions set expires_at = now() - interval '1 second' where id = ?`, [rawId(expiredId)]);
      // People with sessions of their own, in the same company and in another one: none of theirs is listed.
      const colleague = ok(await joinAs(owner, uniqueEmail('colleague'))).acceptInvitation.token;
      const stranger = await signUp(kontor);

      const listed = await sessionsOf(laptop);
      expect(listed.map((s) => s.userAgent)).toEqual(['Phone browser', 'Laptop browser', expect.any(String)]);
      expect(listed.map((s) => s.current)).toEqual([false, true, false]);
      const [phoneView, laptopView, signUpView] = listed;
      expect(signUpView?.id).toBe(await sessionIdOf(owner.token));
      expect(phoneView?.id).toBe(await sessionIdOf(phone));
      for (const session of listed) {
        expect(session.ip).toMatch(/127\.0\.0\.1|::1/);
        expect(Date.parse(session.createdAt)).toBeGreaterThan(Date.now() - 60_000);
        expect(Date.parse(session.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(session.createdAt) - 1_000);
      }
      for (const other of [colleague, stranger.token]) {
        const theirs = await sessionsOf(other);
        expect(theirs).toHaveLength(1);
        expect(listed.map((s) => s.id)).not.toContain(theirs[0]?.id);
      }

      // The order follows use, not creation: the laptop seen long ago goes last.
      await sql(`update sessions set last_seen_at = now() - interval '1 day' where id = ?`, [rawId(laptopView?.id ?? '')]);
      expect((await sessionsOf(phone)).map((s) => s.userAgent)).toEqual(['Phone browser', signUpView?.userAgent ?? null, 'Laptop browser']);
    });

    it('revokes one of its own sessions, or the current one, which then no longer authenticates', async () => {
      const owner = await signUp(kontor);
      const laptop = await logInFrom(owner.email, 'Laptop browser');
      const phone = await logInFrom(owner.email, 'Phone browser');
      const phoneId = await sessionIdOf(phone);

      expect(ok(await kontor.gql<{ revokeSession: string }>(REVOKE, { input: { id: phoneId } }, laptop)).revokeSession).toBe(phoneId);
      expect(errorCode(await kontor.gql(ME, {}, phone))).toBe('UNAUTHENTICATED');
      expect((await sessionsOf(laptop)).map((s) => s.id)).not.toContain(phoneId);
      // Ended already: there is nothing to revoke any more.
      expect(errorCode(await kontor.gql(REVOKE, { input: { id: phoneId } }, laptop))).toBe('NOT_FOUND');

      const laptopId = await sessionIdOf(laptop);
      expect(ok(await kontor.gql<{ revokeSession: string }>(REVOKE, { input: { id: laptopId } }, laptop)).revokeSession).toBe(laptopId);
      expect(errorCode(await kontor.gql(ME, {}, laptop))).toBe('UNAUTHENTICATED');
      expect(errorCode(await kontor.gql(SESSIONS, {}, laptop))).toBe('UNAUTHENTICATED');
      // The sign-up session was not touched.
      expect((await sessionsOf(owner.token)).map((s) => s.current)).toEqual([true]);
    });

    it("answers NOT_FOUND for another person's session, in the same company or another, and leaves it working", async () => {
      const owner = await signUp(kontor);
      const colleague = ok(await joinAs(owner, uniqueEmail('colleague'))).acceptInvitation.token;
      const stranger = await signUp(kontor);
      for (const victim of [colleague, stranger.token]) {
        const victimId = await sessionIdOf(victim);
        const refused = await kontor.gql(REVOKE, { input: { id: victimId } }, owner.token);
        expect(errorCode(refused)).toBe('NOT_FOUND');
        expect(refused.data ?? null).toBeNull();
        ok(await kontor.gql(ME, {}, victim));
        expect((await sessionsOf(victim)).map((s) => s.id)).toEqual([victimId]);
      }
      // An unknown id answers exactly like another person's session.
      const unknown = await kontor.gql(REVOKE, { input: { id: globalId('Session', randomUUID()) } }, owner.token);
      const other = await kontor.gql(REVOKE, { input: { id: await sessionIdOf(colleague) } }, owner.token);
      expect(errorCode(unknown)).toBe('NOT_FOUND');
      expect(unknown.errors?.[0]?.message).toBe(other.errors?.[0]?.message);
      // The id of something else is not a session; a malformed id is bad input.
      expect(errorCode(await kontor.gql(REVOKE, { input: { id: owner.userId } }, owner.token))).toBe('NOT_FOUND');
      const malformed = await kontor.gql(REVOKE, { input: { id: 'not-an-id' } }, owner.token);
      expect(errorCode(malformed)).toBe('BAD_USER_INPUT');
      expect(pathOf(malformed)).toEqual(['input', 'id']);
      ok(await kontor.gql(ME, {}, owner.token));
    });
  });

  it('answers API keys as the other person-only operations do, and anonymous callers UNAUTHENTICATED', async () => {
    const owner = await signUp(kontor);
    const key = await apiKeyOf(owner);
    const ownerSessionId = await sessionIdOf(owner.token);
    const personOnly = await kontor.gql(`mutation { logOutEverywhere }`, {}, key);
    expect(errorCode(personOnly)).toBe('UNAUTHENTICATED');
    const attempts: [string, Record<string, unknown>][] = [
      [UPDATE_PROFILE, { input: { name: 'Partner' } }],
      [SESSIONS, {}],
      [REVOKE, { input: { id: ownerSessionId } }],
    ];
    for (const [query, variables] of attempts) {
      const byKey = await kontor.gql(query, variables, key);
      expect(errorCode(byKey), query).toBe(errorCode(personOnly));
      expect(byKey.data ?? null).toBeNull();
      expect(errorCode(await kontor.gql(query, variables)), query).toBe('UNAUTHENTICATED');
    }
    // Nothing changed for the person.
    expect(ok(await kontor.gql<Me>(ME, {}, owner.token)).me.user.name).toBeNull();
    expect((await sessionsOf(owner.token)).map((s) => s.id)).toEqual([ownerSessionId]);
  });

  describe('languages and time zones chosen at sign-up and on joining', () => {
    it("signs up with a language and time zone, which `me` shows for the person and the company", async () => {
      const chosen = ok(
        await kontor.gql<{ signUp: { token: string; user: { locale: string }; tenant: { settings: { locale: string; timeZone: string } } } }>(SIGN_UP, {
          input: { companyName: 'Oslo AS', email: uniqueEmail('nb'), password: PASSWORD, locale: 'nb', timeZone: 'Europe/Oslo' },
        }),
      ).signUp;
      expect(chosen.user.locale).toBe('nb');
      expect(chosen.tenant.settings).toEqual({ locale: 'nb', timeZone: 'Europe/Oslo' });
      const me = ok(await kontor.gql<Me>(ME, {}, chosen.token)).me;
      expect(me.user.locale).toBe('nb');
      expect(me.tenant.settings).toMatchObject({ locale: 'nb', timeZone: 'Europe/Oslo', currency: 'EUR' });

      const defaults = ok(await kontor.gql<Me>(ME, {}, (await signUp(kontor)).token)).me;
      expect(defaults.user.locale).toBe('en');
      expect(defaults.tenant.settings).toMatchObject({ locale: 'en', timeZone: 'UTC' });
      const nulls = ok(await kontor.gql<{ signUp: { user: { locale: string }; tenant: { settings: { locale: string; timeZone: string } } } }>(SIGN_UP, {
        input: { companyName: 'Nulls', email: uniqueEmail(), password: PASSWORD, locale: null, timeZone: null },
      })).signUp;
      expect(nulls.user.locale).toBe('en');
      expect(nulls.tenant.settings).toEqual({ locale: 'en', timeZone: 'UTC' });
    });

    it('refuses an unknown language or time zone at sign-up, as company settings do, and creates nothing', async () => {
      const owner = await signUp(kontor);
      for (const [field, value] of [
        ['locale', 'fr'],
        ['timeZone', 'Mars/Olympus'],
      ] as const) {
        const email = uniqueEmail();
        const refused = await kontor.gql(SIGN_UP, { input: { companyName: 'Nope', email, password: PASSWORD, [field]: value } });
        expect(errorCode(refused)).toBe('BAD_USER_INPUT');
        expect(pathOf(refused)).toEqual(['input', field]);
        // One check for both: the company settings answer the same.
        const settings = await kontor.gql(`mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { id } }`, { input: { [field]: value } }, owner.token);
        expect(pathOf(settings)).toEqual(['input', field]);
        expect(settings.errors?.[0]?.message).toBe(refused.errors?.[0]?.message);
        // The address is still free.
        expect(errorCode(await kontor.gql(LOG_IN, { input: { email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
      }
    });

    it('gives a new account the language chosen on accepting an invitation; an existing account keeps its own', async () => {
      const owner = await signUp(kontor);
      const newcomer = uniqueEmail('newcomer');
      const badLocale = await joinAs(owner, newcomer, { locale: 'klingon' });
      expect(errorCode(badLocale)).toBe('BAD_USER_INPUT');
      expect(pathOf(badLocale)).toEqual(['input', 'locale']);
      // The refused acceptance left the invitation usable.
      const token = await invitationTokenFor(newcomer);
      const joined = ok(await kontor.gql<{ acceptInvitation: { token: string; user: { locale: string } } }>(ACCEPT, { input: { token, password: PASSWORD, locale: 'el' } })).acceptInvitation;
      expect(joined.user.locale).toBe('el');
      expect(ok(await kontor.gql<Me>(ME, {}, joined.token)).me.user.locale).toBe('el');

      const existing = await signUp(kontor);
      ok(await kontor.gql(UPDATE_PROFILE, { input: { locale: 'es' } }, existing.token));
      const rejoined = ok(await joinAs(owner, existing.email, { locale: 'ro' })).acceptInvitation;
      expect(rejoined.user.locale).toBe('es');
    });
  });
});
