import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server that keeps every message it receives, parsed, for assertions. */
export class SmtpSink {
  readonly messages: ParsedMail[] = [];
  private readonly waiters: { match: (m: ParsedMail) => boolean; resolve: (m: ParsedMail) => void }[] = [];
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.messages.push(mail);
            for (const waiter of [...this.waiters]) {
              if (waiter.match(mail)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(mail);
              }
            }
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    // A client killed mid-conversation resets its connection: that is the client's problem, not the sink's.
    this.server.on('error', () => undefined);
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** Resolves with the first message (already received or arriving within the timeout) sent to `to`. */
  waitFor(to: string, match: (m: ParsedMail) => boolean = () => true, timeoutMs = 20_000): Promise<ParsedMail> {
    const test = (m: ParsedMail) => recipients(m).includes(to.toLowerCase()) && match(m);
    const found = this.messages.find(test);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = { match: test, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) {
          this.waiters.splice(index, 1);
          reject(new Error(`no message to ${to} within ${timeoutMs} ms (received ${this.messages.length})`));
        }
      }, timeoutMs);
    });
  }

  to(address: string): ParsedMail[] {
    return this.messages.filter((m) => recipients(m).includes(address.toLowerCase()));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

export function recipients(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
  return to.flatMap((t) => t.value.map((v) => (v.address ?? '').toLowerCase()));
}

/** The first link in the message's text part that starts with `prefix`. */
export function linkIn(mail: ParsedMail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}[^\\s"<>]+`).exec(mail.text ?? '');
  if (!match) throw new Error(`no link starting with ${prefix} in: ${mail.text ?? ''}`);
  return match[0];
}
