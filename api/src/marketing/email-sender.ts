import { Readable } from 'node:stream';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Logger } from 'pino';

/**
 * One campaign email: the delivery it belongs to, the address, and how to build the whole MIME
 * message (built by the connection about to send it, so building overlaps other connections' waits).
 */
export interface OutgoingEmail {
  id: string;
  to: string;
  build: () => Promise<Buffer>;
}

/**
 * What became of one email:
 * - accepted: the server took it (250 after the final line);
 * - refused: the server turned it down before its final line left (at connect, MAIL, RCPT or DATA), so
 *   it was not sent and its row still says SENDING (permanent: a 5xx answer);
 * - rejected: the server turned down the whole message after its final line (its row already says SENT);
 * - uncertain: the connection broke after the final line left and before the server answered.
 */
export type EmailOutcome =
  | { id: string; kind: 'accepted' }
  | { id: string; kind: 'refused' | 'rejected'; permanent: boolean; error: string }
  | { id: string; kind: 'uncertain'; error: string };

/**
 * Marks deliveries SENT (committed) before their messages' final lines are released. Called with
 * each message once the server has accepted its recipient and taken its body.
 */
export type ConfirmSent = (id: string) => Promise<void>;

export interface CampaignEmailSender {
  /** The From header of the messages it sends (the company's own address with its own server). */
  readonly fromHeader: string;
  send(messages: OutgoingEmail[], confirm: ConfirmSent): Promise<EmailOutcome[]>;
  close(): void;
}

interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | null;
}

export function smtpTarget(smtpUrl: string): SmtpTarget {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : null,
  };
}

function describe(error: unknown): { message: string; code: number | undefined } {
  if (error instanceof Error) {
    const code = (error as Error & { responseCode?: number }).responseCode;
    return { message: error.message, code: typeof code === 'number' ? code : undefined };
  }
  return { message: String(error), code: undefined };
}

/**
 * Campaign email over SMTP, exactly once. Each message's body goes out, then its delivery row is
 * committed as SENT, and only then is the final "." released, which is what makes the server
 * accept it. A worker killed before the commit leaves a message the server never accepted (the row
 * says SENDING and is sent again); killed after it, the server gets the final line the kernel still
 * holds. Commits of several connections are grouped, so this costs one transaction per group.
 */
export class SmtpCampaignSender implements CampaignEmailSender {
  private readonly connections: (SMTPConnection | null)[];

  constructor(
    private readonly target: SmtpTarget,
    private readonly from: string,
    private readonly log: Logger,
    lanes: number,
    readonly fromHeader: string,
  ) {
    this.connections = Array.from({ length: lanes }, () => null);
  }

  async send(messages: OutgoingEmail[], confirm: ConfirmSent): Promise<EmailOutcome[]> {
    const outcomes: EmailOutcome[] = [];
    let next = 0;
    const lane = async (index: number): Promise<void> => {
      for (let i = next++; i < messages.length; i = next++) {
        const message = messages[i];
        if (message) outcomes.push(await this.sendOne(index, message, confirm));
      }
    };
    await Promise.all(this.connections.map((_, index) => lane(index)));
    return outcomes;
  }

  private async connection(index: number): Promise<SMTPConnection> {
    const existing = this.connections[index];
    if (existing) return existing;
    const connection = new SMTPConnection({ host: this.target.host, port: this.target.port, secure: this.target.secure, connectionTimeout: 10_000, socketTimeout: 30_000 });
    connection.on('error', (error: unknown) => this.log.warn({ err: error }, 'campaign SMTP connection error'));
    connection.on('end', () => {
      if (this.connections[index] === connection) this.connections[index] = null;
    });
    await new Promise<void>((resolve, reject) => {
      connection.connect((error) => (error ? reject(error) : resolve()));
    });
    const auth = this.target.auth;
    if (auth) {
      await new Promise<void>((resolve, reject) => {
        connection.login({ user: auth.user, pass: auth.pass }, (error) => (error ? reject(error) : resolve()));
      });
    }
    this.connections[index] = connection;
    return connection;
  }

  private drop(index: number): void {
    const connection = this.connections[index];
    this.connections[index] = null;
    connection?.close();
  }

  private async sendOne(index: number, message: OutgoingEmail, confirm: ConfirmSent): Promise<EmailOutcome> {
    const raw = await message.build();
    let connection: SMTPConnection;
    try {
      connection = await this.connection(index);
    } catch (error) {
      const { message: text, code } = describe(error);
      return { id: message.id, kind: 'refused', permanent: false, error: `SMTP connection failed: ${text}${code ? ` (${code})` : ''}` };
    }
    return new Promise<EmailOutcome>((resolve) => {
      let released = false;
      let bodySent = false;
      const body = new Readable({
        // Read only once the server has answered DATA with 354: recipient accepted, body wanted.
        read() {
          if (bodySent) return;
          bodySent = true;
          this.push(raw);
          confirm(message.id).then(
            () => {
              released = true;
              this.push(null);
            },
            (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
          );
        },
      });
      connection.send({ from: this.from, to: [message.to] }, body, (error) => {
        if (!error) return resolve({ id: message.id, kind: 'accepted' });
        const { message: text, code } = describe(error);
        if (!released) {
          // Not sent. A stream aborted mid-DATA leaves the connection unusable.
          if (bodySent) this.drop(index);
          return resolve({ id: message.id, kind: 'refused', permanent: code !== undefined && code >= 500, error: text });
        }
        if (code !== undefined) return resolve({ id: message.id, kind: 'rejected', permanent: code >= 500, error: text });
        this.drop(index);
        return resolve({ id: message.id, kind: 'uncertain', error: text });
      });
    });
  }

  close(): void {
    for (let i = 0; i < this.connections.length; i++) {
      const connection = this.connections[i];
      this.connections[i] = null;
      connection?.quit();
    }
  }
}

/** Without SMTP_URL (development): every message is logged as accepted, after the same confirmation. */
export class LogCampaignSender implements CampaignEmailSender {
  readonly fromHeader = 'Kontor <no-reply@kontor.localhost>';

  constructor(private readonly log: Logger) {}

  async send(messages: OutgoingEmail[], confirm: ConfirmSent): Promise<EmailOutcome[]> {
    const outcomes: EmailOutcome[] = [];
    for (const message of messages) {
      const raw = await message.build();
      await confirm(message.id);
      this.log.info({ deliveryId: message.id, to: message.to, bytes: raw.length }, 'campaign email (log driver: not sent)');
      outcomes.push({ id: message.id, kind: 'accepted' });
    }
    return outcomes;
  }

  close(): void {}
}
