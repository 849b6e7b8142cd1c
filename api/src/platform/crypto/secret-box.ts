import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../../../infra/config.js';

/**
 * Secrets companies give Kontor (their SMTP password, their Twilio auth token), encrypted at rest
 * with AES-256-GCM under CREDENTIALS_KEY, which lives outside the database: a copy of the database
 * alone reveals none of them. Each ciphertext is bound to its company and field (additional data),
 * so a value copied to another row or company does not decrypt.
 */
export class CredentialsKeyMissingError extends Error {
  constructor() {
    super('CREDENTIALS_KEY is not set: Kontor cannot keep a company\'s own credentials without it');
    this.name = 'CredentialsKeyMissingError';
  }
}

const VERSION = 'v1';

/** 32 bytes, from 64 hex digits or base64. */
function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('CREDENTIALS_KEY must be 32 bytes: 64 hex digits or base64');
  return key;
}

const cache = new Map<string, Buffer>();

/**
 * The key: CREDENTIALS_KEY, or with the embedded database (no DATABASE_URL) one generated once into
 * DATA_DIR (0600), as the embedded application role's password is. Null when neither applies.
 */
export function credentialsKey(config: Pick<Config, 'credentialsKey' | 'databaseUrl' | 'dataDir'>): Buffer | null {
  if (config.credentialsKey) return parseKey(config.credentialsKey);
  if (config.databaseUrl) return null;
  const file = path.join(config.dataDir, 'credentials-key');
  const cached = cache.get(file);
  if (cached) return cached;
  let key: Buffer;
  try {
    key = parseKey(readFileSync(file, 'utf8'));
  } catch {
    key = randomBytes(32);
    mkdirSync(config.dataDir, { recursive: true });
    try {
      writeFileSync(file, key.toString('hex'), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process wrote it first: use theirs.
      key = parseKey(readFileSync(file, 'utf8'));
    }
  }
  cache.set(file, key);
  return key;
}

export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

export function open(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, ciphertext] = sealed.split(':');
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error('not a sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
}
