import type { Logger } from 'pino';
import type { Config } from '../../../../infra/config.js';
import { LogSmsDriver } from './log.driver.js';
import type { SmsDriver } from './sms-driver.js';
import { TwilioSmsDriver } from './twilio.driver.js';

/** Twilio when its account, token and sender are configured; otherwise the log driver. */
export function createSmsDriver(config: Config, log: Logger): SmsDriver {
  return config.twilio ? new TwilioSmsDriver(config.twilio) : new LogSmsDriver(log);
}
