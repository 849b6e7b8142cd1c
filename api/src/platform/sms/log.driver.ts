import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { SmsDriver, SmsMessage, SmsSendResult } from './sms-driver.js';

/** Development driver: writes each text message to the log instead of sending it. */
export class LogSmsDriver implements SmsDriver {
  readonly name = 'log';
  readonly from = null;

  constructor(private readonly log: Logger) {}

  async send(message: SmsMessage): Promise<SmsSendResult> {
    const providerMessageId = `log-${randomUUID()}`;
    this.log.info({ sms: { to: message.to, body: message.body }, providerMessageId }, 'sms (log driver)');
    return { providerMessageId, from: null };
  }

  async close(): Promise<void> {}
}
