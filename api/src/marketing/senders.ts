import type { App } from '../platform/app.js';
import type { SmsDriver } from '../platform/sms/sms-driver.js';
import { TwilioSmsDriver } from '../platform/sms/twilio.driver.js';
import { tenantChannelAccounts } from './channel-account.service.js';
import { envelopeAddress } from './dispatch.service.js';
import { LogCampaignSender, SmtpCampaignSender, smtpTarget, type CampaignEmailSender } from './email-sender.js';

/** A company's email sender for marketing: its own SMTP server when it set one, else the platform's (or the log driver). */
export async function companyEmailSender(app: App, tenantId: string, lanes: number): Promise<CampaignEmailSender> {
  const own = (await tenantChannelAccounts(app, tenantId)).smtp;
  if (own) return new SmtpCampaignSender({ host: own.host, port: own.port, secure: own.secure, auth: own.auth }, envelopeAddress(own.from), app.log, lanes, own.from);
  return app.config.smtpUrl ? new SmtpCampaignSender(smtpTarget(app.config.smtpUrl), envelopeAddress(app.config.mailFrom), app.log, lanes, app.config.mailFrom) : new LogCampaignSender(app.log);
}

/**
 * A company's SMS driver for marketing: its own Twilio account when it set one (closed by the
 * caller), else the platform's, lent without its close().
 */
export async function companySmsDriver(app: App, platform: SmsDriver, tenantId: string): Promise<SmsDriver> {
  const own = (await tenantChannelAccounts(app, tenantId)).twilio;
  if (own) return new TwilioSmsDriver({ ...own, apiUrl: app.config.twilio?.apiUrl });
  return { name: platform.name, from: platform.from, send: (message) => platform.send(message), close: async () => undefined };
}
