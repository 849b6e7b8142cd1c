import type { TFunction } from 'i18next';
import type { MarketingChannelSettingsQuery, SmtpAccountInput, TwilioAccountInput, UpdateMarketingChannelSettingsInput } from '../../../gql/graphql.js';
import { email, optionalText, required } from '../../../lib/validators.js';

export type ChannelSettings = MarketingChannelSettingsQuery['marketingChannelSettings'];

/** The API's limits and formats. */
const HOST = /^[A-Za-z0-9.-]+$/;
const HOST_MAX = 253;
const USERNAME_MAX = 320;
const SECRET_MAX = 200;
const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const TWILIO_SENDER = /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/;
/** Submission with STARTTLS: what most providers give. */
export const DEFAULT_SMTP_PORT = 587;

export interface SmtpFormValues {
  /** false: campaigns go through the platform's server. */
  own: boolean;
  host: string;
  /** NumberInput gives '' while the field is empty. */
  port: number | string;
  secure: boolean;
  username: string;
  /** Write-only: '' keeps the one kept (if any). */
  password: string;
  from: string;
}

export interface TwilioFormValues {
  own: boolean;
  accountSid: string;
  /** Write-only: '' keeps the one kept. */
  authToken: string;
  from: string;
}

export function smtpValues(smtp: ChannelSettings['smtp']): SmtpFormValues {
  if (!smtp) return { own: false, host: '', port: DEFAULT_SMTP_PORT, secure: false, username: '', password: '', from: '' };
  return { own: true, host: smtp.host, port: smtp.port, secure: smtp.secure, username: smtp.username ?? '', password: '', from: smtp.from };
}

export function twilioValues(twilio: ChannelSettings['twilio']): TwilioFormValues {
  if (!twilio) return { own: false, accountSid: '', authToken: '', from: '' };
  return { own: true, accountSid: twilio.accountSid, authToken: '', from: twilio.from };
}

function port(t: TFunction, value: number | string): string | null {
  if (value === '') return t('errors.reason.REQUIRED');
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= 65_535 ? null : t('errors.reason.OUT_OF_RANGE', { min: 1, max: 65_535 });
}

/** The API's checks before a round trip; nothing to check while the platform's server is chosen. */
export function validateSmtp(t: TFunction, values: SmtpFormValues, hasPassword: boolean): Partial<Record<keyof SmtpFormValues, string | null>> {
  if (!values.own) return {};
  const host = required(t, HOST_MAX)(values.host) ?? (HOST.test(values.host.trim()) ? null : t('subscriptions.channels.smtp.invalidHost'));
  const needsPassword = values.username.trim() !== '' && !hasPassword && values.password === '';
  return {
    host,
    port: port(t, values.port),
    username: optionalText(t, USERNAME_MAX)(values.username),
    password: needsPassword ? t('subscriptions.channels.smtp.passwordNeeded') : optionalText(t, SECRET_MAX)(values.password),
    from: email(t)(values.from),
  };
}

export function validateTwilio(t: TFunction, values: TwilioFormValues, hasAuthToken: boolean): Partial<Record<keyof TwilioFormValues, string | null>> {
  if (!values.own) return {};
  const sid = values.accountSid.trim();
  const from = values.from.trim();
  return {
    accountSid: sid === '' ? t('errors.reason.REQUIRED') : ACCOUNT_SID.test(sid) ? null : t('subscriptions.channels.twilio.invalidSid'),
    authToken: values.authToken.trim() === '' ? (hasAuthToken ? null : t('errors.reason.REQUIRED')) : optionalText(t, SECRET_MAX)(values.authToken),
    from: from === '' ? t('errors.reason.REQUIRED') : TWILIO_SENDER.test(from) ? null : t('subscriptions.channels.twilio.invalidFrom'),
  };
}

/**
 * The SMTP part of the update: null goes back to the platform's server. A password typed replaces
 * the one kept; none typed keeps it, unless the user name was removed: no user name, no login, so
 * the kept password goes too.
 */
export function smtpInput(values: SmtpFormValues, hasPassword: boolean): SmtpAccountInput | null {
  if (!values.own) return null;
  const username = values.username.trim();
  const password = values.password !== '' ? values.password : username === '' && hasPassword ? '' : undefined;
  return {
    host: values.host.trim(),
    port: Number(values.port),
    secure: values.secure,
    username: username === '' ? null : username,
    ...(password === undefined ? {} : { password }),
    from: values.from.trim(),
  };
}

/** The Twilio part of the update: null goes back to the platform's account; no token typed keeps the one kept. */
export function twilioInput(values: TwilioFormValues): TwilioAccountInput | null {
  if (!values.own) return null;
  const authToken = values.authToken.trim();
  return { accountSid: values.accountSid.trim(), from: values.from.trim(), ...(authToken === '' ? {} : { authToken }) };
}

/** The API's ceiling of a company's own per-minute limit. */
export const PER_MINUTE_MAX = 1_000_000;

export interface ThrottleFormValues {
  /** '' while empty: no limit of the company's own. */
  emails: number | string;
  sms: number | string;
}

export function throttleValues(settings: Pick<ChannelSettings, 'emailsPerMinute' | 'smsPerMinute'>): ThrottleFormValues {
  return { emails: settings.emailsPerMinute ?? '', sms: settings.smsPerMinute ?? '' };
}

function perMinute(t: TFunction, value: number | string): string | null {
  if (value === '') return null;
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 && number <= PER_MINUTE_MAX ? null : t('errors.reason.OUT_OF_RANGE', { min: 1, max: PER_MINUTE_MAX });
}

export function validateThrottle(t: TFunction, values: ThrottleFormValues): Record<keyof ThrottleFormValues, string | null> {
  return { emails: perMinute(t, values.emails), sms: perMinute(t, values.sms) };
}

/** Both limits as the form shows them; an emptied one is no limit (null). */
export function throttleInput(values: ThrottleFormValues): Pick<UpdateMarketingChannelSettingsInput, 'emailsPerMinute' | 'smsPerMinute'> {
  return { emailsPerMinute: values.emails === '' ? null : Number(values.emails), smsPerMinute: values.sms === '' ? null : Number(values.sms) };
}
