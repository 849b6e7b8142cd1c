import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PLATFORM_QUEUES } from '../../workers/queues.js';
import { errorCode, ok, PASSWORD, signUp, startKontor, uniqueEmail, type Kontor, type SignedUp } from '../support/harness.js';
import { linkIn, SmtpSink } from '../support/smtp-sink.js';

const ME = `{ me { user { id email emailVerified } role tenant { id } memberships { tenantId role } } }`;
const LOG_IN = `mutation($input: LogInInput!) { logIn(input: $input) { token } }`;
const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email role acceptedAt } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { id email } tenant { id } } }`;

const VERIFY_SUBJECT = 'Confirm your email address';
const RESET_SUBJECT = 'Reset your Kontor password';
const NEW_PASSWORD = 'a completely new passphrase';

interface Me {
  me: { user: { id: string; email: string; emailVerified: boolean }; role: string; tenant: { id: string }; memberships: { tenantId: string; role: string }[] };
}
interface Accepted {
  acceptInvitation: { token: string; user: { id: string; email: string }; tenant: { id: string } };
}

/** Polls `probe` until it answers true, failing with `what` after `timeoutMs`. */
async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Waits until the mailing queue holds no unfinished job. A completed job's message has reached the
 * sink (the worker only completes once the SMTP server accepted the DATA), so exact counts are then final.
 */
async function mailQueueSettled(kontor: Kontor): Promise<void> {
  const queue = kontor.app.jobs.queue(PLATFORM_QUEUES.mailing);
  await waitUntil('the mailing queue is drained', async () => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(counts).every((n) => n === 0);
  });
}

function subjects(sink: SmtpSink, address: string): string[] {
  return sink
    .to(address)
    .map((m) => m.subject ?? '')
    .sort();
}

/** Both parts are there and both carry the same link. */
function expectTextAndHtml(mail: ParsedMail, link: string): void {
  expect(mail.text).toContain(link);
  expect(typeof mail.html).toBe('string');
  expect(mail.html === false ? '' : mail.html).toContain(`href="${link}"`);
  expect(mail.from?.value[0]?.address).toBe('no-reply@kontor.localhost');
}

function tokenOf(link: string): string {
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in ${link}`);
  return token;
}

async function getPage(link: string): Promise<{ status: number; type: string | null; body: string }> {
  const response = await fetch(link);
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

/** Emailed links open the web app, which then calls the API with the link's token. */
async function expectWebApp(link: string): Promise<void> {
  const page = await getPage(link);
  expect(page.status).toBe(200);
  expect(page.type).toMatch(/^text\/html/);
  expect(page.body).toContain('<div id="root"></div>');
}

const VERIFY = `mutation($input: TokenInput!) { verifyEmail(input: $input) }`;

describe.each([
  ['postgres', false],
  ['redis', true],
] as const)('emails sent through the workers (%s queue backend)', (_backend, redis) => {
  let sink: SmtpSink;
  let kontor: Kontor;

  beforeAll(async () => {
    sink = new SmtpSink();
    kontor = await startKontor({ smtpUrl: await sink.start(), redis });
  });
  afterAll(async () => {
    await kontor.close();
    await sink.stop();
  });
  beforeEach(async () => {
    // On Redis the rate-limit counters outlive the run (the harness isolates queues, not limiters), and
    // the per-IP reset budget (20 an hour) is not configurable: start every test from a fresh budget.
    for (const ip of ['127.0.0.1', '::ffff:127.0.0.1', '::1']) {
      await kontor.app.rateLimits.reset({ name: 'reset-ip', points: 20, durationSeconds: 3600 }, ip);
    }
  });

  async function me(token: string): Promise<Me['me']> {
    return ok(await kontor.gql<Me>(ME, {}, token)).me;
  }

  /** Invites `email` with `role` as `inviter`, and returns the token from the emailed link. */
  async function invite(inviter: string, email: string, role: string): Promise<string> {
    const invitation = ok(await kontor.gql<{ inviteUser: { email: string; role: string; acceptedAt: string | null } }>(INVITE, { input: { email, role } }, inviter)).inviteUser;
    expect(invitation).toMatchObject({ email, role, acceptedAt: null });
    const mail = await sink.waitFor(email, (m) => /invited you to/.test(m.subject ?? ''));
    const link = linkIn(mail, `${kontor.url}/accept-invitation?token=`);
    expectTextAndHtml(mail, link);
    return tokenOf(link);
  }

  /** A new person in the owner's company with `role`, joined through an emailed invitation. */
  async function member(owner: SignedUp, role: string): Promise<string> {
    const token = await invite(owner.token, uniqueEmail(role.toLowerCase()), role);
    return ok(await kontor.gql<Accepted>(ACCEPT, { input: { token, password: PASSWORD, name: `A ${role}` } })).acceptInvitation.token;
  }

  it('sign-up emails a verification link (text and HTML) that confirms the address exactly once', async () => {
    const email = uniqueEmail('verify');
    const owner = await signUp(kontor, { email });
    expect((await me(owner.token)).user.emailVerified).toBe(false);

    const mail = await sink.waitFor(email, (m) => m.subject === VERIFY_SUBJECT);
    const link = linkIn(mail, `${kontor.url}/verify-email?token=`);
    expectTextAndHtml(mail, link);

    await expectWebApp(link);
    expect(ok(await kontor.gql<{ verifyEmail: boolean }>(VERIFY, { input: { token: tokenOf(link) } })).verifyEmail).toBe(true);
    expect((await me(owner.token)).user.emailVerified).toBe(true);

    const again = await kontor.gql(VERIFY, { input: { token: tokenOf(link) } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'token'], reason: 'INVALID_LINK' });
    expect((await me(owner.token)).user.emailVerified).toBe(true);

    await mailQueueSettled(kontor);
    expect(subjects(sink, email)).toEqual([VERIFY_SUBJECT]);
  });

  it('password reset: emails only known addresses; the link sets a new password once and ends every session', async () => {
    const owner = await signUp(kontor, { email: uniqueEmail('reset') });
    const otherSession = ok(await kontor.gql<{ logIn: { token: string } }>(LOG_IN, { input: { email: owner.email, password: PASSWORD } })).logIn.token;
    const unknown = uniqueEmail('nobody');

    // Both answer true, so the form does not tell who has an account; only the known address gets mail.
    expect(ok(await kontor.gql<{ requestPasswordReset: boolean }>(REQUEST_RESET, { input: { email: unknown } })).requestPasswordReset).toBe(true);
    expect(ok(await kontor.gql<{ requestPasswordReset: boolean }>(REQUEST_RESET, { input: { email: owner.email.toUpperCase() } })).requestPasswordReset).toBe(true);
    const mail = await sink.waitFor(owner.email, (m) => m.subject === RESET_SUBJECT);
    await mailQueueSettled(kontor);
    expect(sink.to(unknown)).toHaveLength(0);
    expect(subjects(sink, owner.email)).toEqual([VERIFY_SUBJECT, RESET_SUBJECT].sort());

    const link = linkIn(mail, `${kontor.url}/reset-password?token=`);
    expectTextAndHtml(mail, link);
    await expectWebApp(link);
    const token = tokenOf(link);

    // A password the policy refuses does not use up the link.
    const tooShort = await kontor.gql(RESET, { input: { token, newPassword: 'short' } });
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'newPassword'], reason: 'TOO_SHORT', params: { min: 10 } });

    expect(ok(await kontor.gql<{ resetPassword: boolean }>(RESET, { input: { token, newPassword: NEW_PASSWORD } })).resetPassword).toBe(true);

    expect(errorCode(await kontor.gql(LOG_IN, { input: { email: owner.email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
    const fresh = ok(await kontor.gql<{ logIn: { token: string } }>(LOG_IN, { input: { email: owner.email, password: NEW_PASSWORD } })).logIn.token;
    // Every session from before the reset is gone; the one opened with the new password works.
    expect(errorCode(await kontor.gql(ME, {}, owner.token))).toBe('UNAUTHENTICATED');
    expect(errorCode(await kontor.gql(ME, {}, otherSession))).toBe('UNAUTHENTICATED');
    // Proving control of the mailbox also confirmed the address.
    expect(await me(fresh)).toMatchObject({ user: { email: owner.email, emailVerified: true }, role: 'OWNER', tenant: { id: owner.tenantId } });

    // Single use.
    const viaGraphql = await kontor.gql(RESET, { input: { token, newPassword: 'yet another passphrase' } });
    expect(errorCode(viaGraphql)).toBe('BAD_USER_INPUT');
    expect(viaGraphql.errors?.[0]?.extensions?.path).toEqual(['input', 'token']);
    ok(await kontor.gql(LOG_IN, { input: { email: owner.email, password: NEW_PASSWORD } }));
    await mailQueueSettled(kontor);
    expect(subjects(sink, owner.email)).toEqual([VERIFY_SUBJECT, RESET_SUBJECT].sort());
  });

  it('an emailed invitation lets a new person join with the invited role, exactly once', async () => {
    const owner = await signUp(kontor);
    const email = uniqueEmail('invitee');
    const token = await invite(owner.token, email, 'MANAGER');

    const accepted = ok(await kontor.gql<Accepted>(ACCEPT, { input: { token, password: PASSWORD, name: 'Ina Invitee' } })).acceptInvitation;
    expect(accepted.user.email).toBe(email);
    expect(accepted.tenant.id).toBe(owner.tenantId);
    const viewer = await me(accepted.token);
    expect(viewer).toMatchObject({ user: { email, emailVerified: true }, role: 'MANAGER', tenant: { id: owner.tenantId } });
    expect(viewer.memberships).toEqual([{ tenantId: owner.tenantId, role: 'MANAGER' }]);
    // The new account logs in with the password chosen on acceptance.
    ok(await kontor.gql(LOG_IN, { input: { email, password: PASSWORD } }));

    const second = await kontor.gql(ACCEPT, { input: { token, password: PASSWORD } });
    expect(errorCode(second)).toBe('BAD_USER_INPUT');
    expect(second.errors?.[0]?.extensions?.path).toEqual(['input', 'token']);

    // The invitation is no longer pending, and the new member cannot be invited again.
    const pending = ok(await kontor.gql<{ invitations: { email: string }[] }>(`{ invitations { email } }`, {}, owner.token)).invitations;
    expect(pending.map((i) => i.email)).not.toContain(email);
    expect(errorCode(await kontor.gql(INVITE, { input: { email, role: 'VIEWER' } }, owner.token))).toBe('CONFLICT');
    await mailQueueSettled(kontor);
    expect(sink.to(email)).toHaveLength(1);
  });

  it("an invitation to an address that already has an account needs that account's password", async () => {
    const owner = await signUp(kontor, { companyName: 'Inviting Co' });
    const existing = await signUp(kontor, { companyName: 'Own Co' });
    const token = await invite(owner.token, existing.email, 'AGENT');

    const noPassword = await kontor.gql(ACCEPT, { input: { token } });
    expect(errorCode(noPassword)).toBe('BAD_USER_INPUT');
    expect(noPassword.errors?.[0]?.extensions?.path).toEqual(['input', 'password']);
    const wrongPassword = await kontor.gql(ACCEPT, { input: { token, password: 'not the right password' } });
    expect(errorCode(wrongPassword)).toBe('BAD_USER_INPUT');
    expect(wrongPassword.errors?.[0]?.extensions?.path).toEqual(['input', 'password']);

    // Refused attempts did not use the invitation up; the right password joins the same account.
    const accepted = ok(await kontor.gql<Accepted>(ACCEPT, { input: { token, password: PASSWORD } })).acceptInvitation;
    expect(accepted.user.id).toBe(existing.userId);
    const viewer = await me(accepted.token);
    expect(viewer).toMatchObject({ user: { id: existing.userId }, role: 'AGENT', tenant: { id: owner.tenantId } });
    expect(viewer.memberships.map((m) => `${m.tenantId}:${m.role}`).sort()).toEqual([`${existing.tenantId}:OWNER`, `${owner.tenantId}:AGENT`].sort());
    // The account's password is unchanged and its own company is untouched.
    expect((await me(existing.token)).role).toBe('OWNER');
  });

  it('only an owner invites an owner, and a viewer cannot invite at all', async () => {
    const owner = await signUp(kontor);
    const admin = await member(owner, 'ADMIN');
    const viewer = await member(owner, 'VIEWER');

    const ownerByAdmin = uniqueEmail('would-be-owner');
    expect(errorCode(await kontor.gql(INVITE, { input: { email: ownerByAdmin, role: 'OWNER' } }, admin))).toBe('FORBIDDEN');
    const byViewer = uniqueEmail('viewer-invitee');
    expect(errorCode(await kontor.gql(INVITE, { input: { email: byViewer, role: 'VIEWER' } }, viewer))).toBe('FORBIDDEN');

    // An admin may invite below owner, and an owner may make another owner.
    const managerByAdmin = uniqueEmail('manager');
    await invite(admin, managerByAdmin, 'MANAGER');
    const coOwner = ok(await kontor.gql<Accepted>(ACCEPT, { input: { token: await invite(owner.token, uniqueEmail('co-owner'), 'OWNER'), password: PASSWORD } })).acceptInvitation;
    expect((await me(coOwner.token)).role).toBe('OWNER');

    // Refused invitations were never sent.
    await mailQueueSettled(kontor);
    expect(sink.to(ownerByAdmin)).toHaveLength(0);
    expect(sink.to(byViewer)).toHaveLength(0);
    expect(sink.to(managerByAdmin)).toHaveLength(1);
  });
});
