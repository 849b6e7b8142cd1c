import type { MailJobData } from '../../api/src/platform/mail/mail.service.js';
import { PLATFORM_QUEUES } from '../../workers/queues.js';
import type { Processor } from '../../workers/worker-host.js';
import { ok, PASSWORD, uniqueEmail, type Kontor, type SignedUp } from './harness.js';

/** A person who joined a tenant through an emailed invitation. */
export interface Member {
  token: string;
  userId: string;
  email: string;
}

export interface RecordingMailbox {
  /** Workers for `startKontor`: the mailing queue keeps each email's recipient and text instead of sending it. */
  workers: Record<string, Processor>;
  /** The text of the email to `to`, once it has been queued and worked (waits up to 20 s). */
  mailText(to: string): Promise<string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function recordingMailbox(): RecordingMailbox {
  const mailbox: { to: string; text: string }[] = [];
  return {
    workers: {
      [PLATFORM_QUEUES.mailing]: async (job) => {
        const { message } = job.data as MailJobData;
        mailbox.push({ to: message.to.toLowerCase(), text: message.text });
        return null;
      },
    },
    // A plain loop, not expect.poll: it also runs in beforeAll.
    async mailText(to) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const found = mailbox.find((m) => m.to === to);
        if (found) return found.text;
        if (Date.now() > deadline) throw new Error(`no email to ${to} within 20 s`);
        await sleep(50);
      }
    },
  };
}

const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`;
const ACCEPT = `mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { token user { id } } }`;

/** Invites a new person with `role` and accepts the emailed link; `mailText` waits for the invitation's text. */
export async function join(kontor: Kontor, owner: SignedUp, role: string, mailText: (to: string) => Promise<string>): Promise<Member> {
  const email = uniqueEmail(role.toLowerCase());
  ok(await kontor.gql(INVITE, { input: { email, role } }, owner.token));
  const text = await mailText(email);
  const token = /accept-invitation\?token=([\w-]+)/.exec(text)?.[1];
  if (!token) throw new Error(`no invitation link in: ${text}`);
  const accepted = ok(await kontor.gql<{ acceptInvitation: { token: string; user: { id: string } } }>(ACCEPT, { input: { token, password: PASSWORD, name: `A ${role}` } })).acceptInvitation;
  return { token: accepted.token, userId: accepted.user.id, email };
}
