import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Signed links in the messages Kontor sends: unsubscribe (u), the preference centre (p), the open
 * pixel (o) and click redirects (c, over the target URL too). A link names the company and the
 * delivery and carries an HMAC of both with the key in `signing_keys`; nothing in it can be guessed
 * or changed, and no table of tokens is needed.
 */
export type LinkPurpose = 'u' | 'p' | 'o' | 'c';

export interface LinkSubject {
  tenantId: string;
  deliveryId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let cachedKey: Buffer | null = null;

/** The signing key, read once per process (it never changes). */
export async function linkKey(em: EntityManager): Promise<Buffer> {
  if (cachedKey) return cachedKey;
  const rows = await em.execute<{ secret: string }[]>(`select secret from signing_keys where name = 'links'`);
  const secret = rows[0]?.secret;
  if (!secret) throw new Error('the links signing key is missing (migrations not applied?)');
  cachedKey = Buffer.from(secret, 'hex');
  return cachedKey;
}

function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One KeyObject per key: building it from the bytes for every link is most of an HMAC's cost. */
const keyObjects = new WeakMap<Buffer, KeyObject>();

function mac(key: Buffer, purpose: LinkPurpose, ids: Buffer, extra: string): Buffer {
  let keyObject = keyObjects.get(key);
  if (!keyObject) keyObjects.set(key, (keyObject = createSecretKey(key)));
  return createHmac('sha256', keyObject).update(purpose).update(ids).update(extra).digest().subarray(0, 16);
}

/** `<company and delivery, 32 bytes><mac, 16 bytes>` in base64url: 64 characters. */
export function signLink(key: Buffer, purpose: LinkPurpose, subject: LinkSubject, extra = ''): string {
  const ids = Buffer.concat([uuidBytes(subject.tenantId), uuidBytes(subject.deliveryId)]);
  return Buffer.concat([ids, mac(key, purpose, ids, extra)]).toString('base64url');
}

/** The company and delivery a link names, or null when it was not signed by us for this purpose. */
export function verifyLink(key: Buffer, purpose: LinkPurpose, token: string, extra = ''): LinkSubject | null {
  if (!/^[A-Za-z0-9_-]{64}$/.test(token)) return null;
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== 48) return null;
  const ids = raw.subarray(0, 32);
  if (!timingSafeEqual(raw.subarray(32), mac(key, purpose, ids, extra))) return null;
  const subject = { tenantId: uuidOf(ids.subarray(0, 16)), deliveryId: uuidOf(ids.subarray(16)) };
  return UUID.test(subject.tenantId) && UUID.test(subject.deliveryId) ? subject : null;
}

/** The addresses a message's links point to, under the app's public address. */
export function linkUrls(appUrl: string, key: Buffer, subject: LinkSubject): { unsubscribe: string; oneClick: string; preferences: string; openPixel: string } {
  const base = appUrl.replace(/\/+$/, '');
  const u = signLink(key, 'u', subject);
  return {
    // Opens the app's page, which asks for a confirming click (mail scanners follow links).
    unsubscribe: `${base}/unsubscribe/${u}`,
    // RFC 8058: the mail client POSTs here, and that alone unsubscribes.
    oneClick: `${base}/hooks/unsubscribe/${u}`,
    preferences: `${base}/preferences/${signLink(key, 'p', subject)}`,
    openPixel: `${base}/hooks/open/${signLink(key, 'o', subject)}.gif`,
  };
}

/** A tracked click: the redirect names the target, and the MAC covers it. */
export function clickUrl(appUrl: string, key: Buffer, subject: LinkSubject, target: string): string {
  return `${appUrl.replace(/\/+$/, '')}/hooks/click/${signLink(key, 'c', subject, target)}?u=${encodeURIComponent(target)}`;
}
