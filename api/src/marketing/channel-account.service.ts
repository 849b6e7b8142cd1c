import { ChannelAccount } from '../../../schema/marketing/channel-account.entity.js';
import { BadUserInputError } from '../graphql/errors.js';
import type { App } from '../platform/app.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { credentialsKey, open, seal } from '../platform/crypto/secret-box.js';
import { checkOptionalText, checkText } from '../platform/auth/auth.service.js';
import type { MarketingChannelSettingsNode, SmtpAccountInput, TwilioAccountInput, UpdateMarketingChannelSettingsInput } from './channel-account.types.js';

const SMTP_PASSWORD = 'smtp-password';
const TWILIO_TOKEN = 'twilio-auth-token';
const ACCOUNT_SID = /^AC[0-9a-fA-F]{32}$/;
const TWILIO_SENDER = /^(\+[1-9]\d{6,14}|MG[0-9a-fA-F]{32})$/;

/** What a sealed secret is bound to: the company and the field. */
function context(tenantId: string, field: string): string {
  return `${tenantId}:${field}`;
}

function toNode(account: ChannelAccount | null): MarketingChannelSettingsNode {
  return {
    smtp: account?.smtpHost
      ? { host: account.smtpHost, port: account.smtpPort ?? 587, secure: account.smtpSecure ?? false, username: account.smtpUsername ?? null, hasPassword: !!account.smtpPasswordEncrypted, from: account.smtpFrom ?? '' }
      : null,
    twilio: account?.twilioAccountSid ? { accountSid: account.twilioAccountSid, from: account.twilioFrom ?? '', hasAuthToken: !!account.twilioAuthTokenEncrypted } : null,
    emailsPerMinute: account?.emailsPerMinute ?? null,
    smsPerMinute: account?.smsPerMinute ?? null,
  };
}

const PER_MINUTE_MAX = 1_000_000;

function checkPerMinute(value: number | null, field: string): number | null {
  if (value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > PER_MINUTE_MAX) {
    throw BadUserInputError.field(['input', field], `must be between 1 and ${PER_MINUTE_MAX}`, 'OUT_OF_RANGE', { min: 1, max: PER_MINUTE_MAX });
  }
  return value;
}

export async function channelSettings(ctx: ServiceContext): Promise<MarketingChannelSettingsNode> {
  return toNode(await (await ctx.em()).findOne(ChannelAccount, { tenantId: ctx.tenantId }));
}

function requireKey(app: App, path: string[]): Buffer {
  const key = credentialsKey(app.config);
  if (!key) throw BadUserInputError.field(path, 'this installation has no CREDENTIALS_KEY to keep secrets with', 'INVALID');
  return key;
}

function applySmtp(app: App, tenantId: string, account: ChannelAccount, input: SmtpAccountInput): void {
  const path = ['input', 'smtp'];
  account.smtpHost = checkText(input.host, [...path, 'host'], 253);
  if (!/^[A-Za-z0-9.-]+$/.test(account.smtpHost)) throw BadUserInputError.field([...path, 'host'], 'must be a host name or an IP address', 'INVALID');
  if (!Number.isInteger(input.port) || input.port < 1 || input.port > 65_535) throw BadUserInputError.field([...path, 'port'], 'must be between 1 and 65535', 'OUT_OF_RANGE', { min: 1, max: 65_535 });
  account.smtpPort = input.port;
  account.smtpSecure = input.secure;
  account.smtpUsername = checkOptionalText(input.username, [...path, 'username'], 320);
  account.smtpFrom = input.from;
  if (input.password !== undefined && input.password !== null) {
    account.smtpPasswordEncrypted = input.password === '' ? null : seal(requireKey(app, [...path, 'password']), input.password, context(tenantId, SMTP_PASSWORD));
  }
  if (account.smtpUsername && !account.smtpPasswordEncrypted) throw BadUserInputError.field([...path, 'password'], 'a user name needs its password', 'REQUIRED');
}

function applyTwilio(app: App, tenantId: string, account: ChannelAccount, input: TwilioAccountInput): void {
  const path = ['input', 'twilio'];
  if (!ACCOUNT_SID.test(input.accountSid.trim())) throw BadUserInputError.field([...path, 'accountSid'], 'a Twilio account SID is AC and 32 hex digits', 'INVALID');
  if (!TWILIO_SENDER.test(input.from.trim())) throw BadUserInputError.field([...path, 'from'], 'an E.164 number or a Messaging Service SID (MG…)', 'INVALID');
  account.twilioAccountSid = input.accountSid.trim();
  account.twilioFrom = input.from.trim();
  if (input.authToken !== undefined && input.authToken !== null) {
    account.twilioAuthTokenEncrypted = seal(requireKey(app, [...path, 'authToken']), checkText(input.authToken, [...path, 'authToken'], 200), context(tenantId, TWILIO_TOKEN));
  }
  if (!account.twilioAuthTokenEncrypted) throw BadUserInputError.field([...path, 'authToken'], 'required', 'REQUIRED');
}

export async function updateChannelSettings(ctx: ServiceContext, app: App, input: UpdateMarketingChannelSettingsInput): Promise<MarketingChannelSettingsNode> {
  const em = await ctx.em();
  const account = (await em.findOne(ChannelAccount, { tenantId: ctx.tenantId })) ?? em.create(ChannelAccount, { tenantId: ctx.tenantId });
  if (input.smtp === null) Object.assign(account, { smtpHost: null, smtpPort: null, smtpSecure: null, smtpUsername: null, smtpPasswordEncrypted: null, smtpFrom: null });
  else if (input.smtp) applySmtp(app, ctx.tenantId, account, input.smtp);
  if (input.twilio === null) Object.assign(account, { twilioAccountSid: null, twilioAuthTokenEncrypted: null, twilioFrom: null });
  else if (input.twilio) applyTwilio(app, ctx.tenantId, account, input.twilio);
  if (input.emailsPerMinute !== undefined) account.emailsPerMinute = checkPerMinute(input.emailsPerMinute, 'emailsPerMinute');
  if (input.smsPerMinute !== undefined) account.smsPerMinute = checkPerMinute(input.smsPerMinute, 'smsPerMinute');
  account.updatedById = ctx.principal?.userId ?? null;
  await em.flush();
  return toNode(account);
}

export interface TenantSmtp {
  host: string;
  port: number;
  secure: boolean;
  auth: { user: string; pass: string } | null;
  from: string;
}

export interface TenantTwilio {
  accountSid: string;
  authToken: string;
  from: string;
}

/** The company's own accounts with their secrets opened, for the sending worker only. */
export async function tenantChannelAccounts(app: App, tenantId: string): Promise<{ smtp: TenantSmtp | null; twilio: TenantTwilio | null }> {
  const account = await inTenant(app.orm, tenantId, null, (em) => em.findOne(ChannelAccount, { tenantId }));
  if (!account) return { smtp: null, twilio: null };
  const key = credentialsKey(app.config);
  const secret = (sealed: string | null | undefined, field: string): string | null => {
    if (!sealed) return null;
    if (!key) throw new Error('CREDENTIALS_KEY is missing: a company\'s own credentials cannot be opened');
    return open(key, sealed, context(tenantId, field));
  };
  const password = secret(account.smtpPasswordEncrypted, SMTP_PASSWORD);
  const token = secret(account.twilioAuthTokenEncrypted, TWILIO_TOKEN);
  return {
    smtp: account.smtpHost && account.smtpFrom
      ? { host: account.smtpHost, port: account.smtpPort ?? 587, secure: account.smtpSecure ?? false, auth: account.smtpUsername && password ? { user: account.smtpUsername, pass: password } : null, from: account.smtpFrom }
      : null,
    twilio: account.twilioAccountSid && token && account.twilioFrom ? { accountSid: account.twilioAccountSid, authToken: token, from: account.twilioFrom } : null,
  };
}

/** The auth token Twilio signs a company's webhooks with: its own account's, else the platform's. */
export async function twilioAuthTokenFor(app: App, tenantId: string): Promise<string | null> {
  const own = (await tenantChannelAccounts(app, tenantId)).twilio;
  return own?.authToken ?? app.config.twilio?.authToken ?? null;
}
