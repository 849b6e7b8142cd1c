import type { Logger } from 'pino';
import type { Config } from '../../../../infra/config.js';
import { LogDriver } from './log.driver.js';
import type { MailDriver } from './mail-message.js';
import { SmtpDriver } from './smtp.driver.js';

export function createMailDriver(config: Config, log: Logger): MailDriver {
  return config.smtpUrl ? new SmtpDriver(config.smtpUrl, config.mailFrom) : new LogDriver(log);
}
