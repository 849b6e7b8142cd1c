import path from 'node:path';

/** Every setting Kontor reads from the environment; the README's table mirrors this list. */
export interface Config {
  port: number;
  /** Owner connection (runs migrations, creates the application role). Unset: embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Connection the API and workers use: a role that owns no table, so row-level security applies. */
  databaseAppUrl: string | undefined;
  /** Unset: embedded default keeps a generated one in DATA_DIR; an external database requires it. */
  appRolePassword: string | undefined;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (for per-IP limits). */
  trustProxy: boolean;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** SMS through Twilio when its account, token and sender are all set; otherwise the log driver. */
  twilio: TwilioConfig | null;
  /** Encrypts companies' own SMTP and Twilio secrets (32 bytes, hex or base64); embedded: generated into DATA_DIR. */
  credentialsKey: string | undefined;
  appUrl: string;
  dataDir: string;
  embeddedPgPort: number;
  workersInProcess: boolean;
  /** `npm run dev`: the web app from Vite with hot reload instead of the production build. */
  webDev: boolean;
  logLevel: string;
  sessionTtlDays: number;
  rateLimits: {
    loginPerEmailPer15Min: number;
    loginPerIpPer15Min: number;
    signUpPerIpPerHour: number;
    apiKeyPerMinute: number;
    tenantPerMinute: number;
  };
  graphql: { maxDepth: number; maxComplexity: number };
}

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** The sending number (E.164) or a Messaging Service SID (MG…). */
  from: string;
  /** Replaces https://api.twilio.com (a compatible gateway, or a local test server). */
  apiUrl: string | undefined;
}

/** A non-negative integer from the environment, or the fallback when unset. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

function str(name: string): string | undefined {
  const raw = process.env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Twilio's settings: all three of account, token and sender, or none of them. */
function twilioConfig(): TwilioConfig | null {
  const accountSid = str('TWILIO_ACCOUNT_SID');
  const authToken = str('TWILIO_AUTH_TOKEN');
  const from = str('TWILIO_FROM');
  const apiUrl = str('TWILIO_API_URL');
  if (!accountSid && !authToken && !from) return null;
  if (!accountSid || !authToken || !from) throw new Error('TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM go together: set all three, or none for the log driver');
  if (apiUrl && !/^https?:\/\/[^/]/.test(apiUrl)) throw new Error(`TWILIO_API_URL must be an http(s) address, got "${apiUrl}"`);
  return { accountSid, authToken, from, apiUrl };
}

export function loadConfig(): Config {
  const port = envInt('PORT', 4000);
  return {
    port,
    databaseUrl: str('DATABASE_URL'),
    databaseAppUrl: str('DATABASE_APP_URL'),
    appRolePassword: str('DATABASE_APP_PASSWORD'),
    trustProxy: str('TRUST_PROXY') === 'true',
    redisUrl: str('REDIS_URL'),
    smtpUrl: str('SMTP_URL'),
    mailFrom: str('MAIL_FROM') ?? 'Kontor <no-reply@kontor.localhost>',
    twilio: twilioConfig(),
    credentialsKey: str('CREDENTIALS_KEY'),
    appUrl: str('APP_URL') ?? `http://localhost:${port}`,
    dataDir: path.resolve(str('DATA_DIR') ?? '.data'),
    embeddedPgPort: envInt('EMBEDDED_PG_PORT', 5433),
    workersInProcess: (str('WORKERS') ?? 'inline') !== 'off',
    webDev: str('WEB_DEV') === '1',
    logLevel: str('LOG_LEVEL') ?? 'info',
    sessionTtlDays: envInt('SESSION_TTL_DAYS', 30),
    rateLimits: {
      loginPerEmailPer15Min: envInt('RATE_LIMIT_LOGIN_PER_EMAIL', 10),
      loginPerIpPer15Min: envInt('RATE_LIMIT_LOGIN_PER_IP', 50),
      signUpPerIpPerHour: envInt('RATE_LIMIT_SIGNUP_PER_IP', 20),
      apiKeyPerMinute: envInt('RATE_LIMIT_API_KEY_PER_MINUTE', 600),
      tenantPerMinute: envInt('RATE_LIMIT_TENANT_PER_MINUTE', 3000),
    },
    graphql: { maxDepth: envInt('GRAPHQL_MAX_DEPTH', 10), maxComplexity: envInt('GRAPHQL_MAX_COMPLEXITY', 5000) },
  };
}
