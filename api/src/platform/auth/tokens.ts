import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Bearer tokens are random and high-entropy, so a fast hash is enough to store them safely. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}

export const SESSION_PREFIX = 'kts_';
export const API_KEY_PREFIX = 'ktk_';

/**
 * Tokens that name their tenant (API keys, invitations): `<prefix><tenant hex><row hex>_<secret>`.
 * Carrying the tenant lets the lookup itself run under row-level security.
 */
export function composeTenantToken(prefix: string, tenantId: string, rowId: string, secret: string): string {
  return `${prefix}${tenantId.replaceAll('-', '')}${rowId.replaceAll('-', '')}_${secret}`;
}

function hexToUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface TenantToken {
  tenantId: string;
  rowId: string;
  secret: string;
}

export function parseTenantToken(prefix: string, token: string): TenantToken | null {
  const match = new RegExp(`^${prefix}([0-9a-f]{32})([0-9a-f]{32})_([A-Za-z0-9_-]{20,})$`).exec(token);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { tenantId: hexToUuid(match[1]), rowId: hexToUuid(match[2]), secret: match[3] };
}
