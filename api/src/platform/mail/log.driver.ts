import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { MailDriver, MailMessage } from './mail-message.js';

/** Development driver: writes each message (links included) to the log instead of sending it. */
export class LogDriver implements MailDriver {
  readonly name = 'log';

  constructor(private readonly log: Logger) {}

  async send(message: MailMessage): Promise<{ messageId: string }> {
    const messageId = `<${randomUUID()}@kontor.log>`;
    this.log.info({ mail: { to: message.to, subject: message.subject, text: message.text }, messageId }, 'mail (log driver)');
    return { messageId };
  }

  async close(): Promise<void> {}
}
