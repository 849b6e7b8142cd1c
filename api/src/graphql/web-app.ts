import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/** Serves the web app; calls `next` when it has nothing for the request. */
export type WebHandler = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * Links in emails carry tokens in the address: no Referer may take them elsewhere. The app is
 * never framed (clickjacking) and runs only its own scripts; Mantine sets inline styles. Images may
 * come from any HTTPS address: an email template's preview (a srcdoc frame, under this policy)
 * shows the logos and pictures the message links to, as the recipient's mail client will.
 */
const SECURITY_HEADERS: Record<string, string> = {
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'",
};

/**
 * The production build of the SPA (`web/dist`): hashed assets cached for a year, every other
 * path answered with index.html so that deep links (and emailed links) survive a reload.
 * Null when the web app has not been built.
 */
export function builtWebApp(dir = resolve(process.env.WEB_DIST ?? 'web/dist')): WebHandler | null {
  if (!existsSync(resolve(dir, 'index.html'))) return null;
  const serve = sirv(dir, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders: (res, pathname) => {
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
      if (pathname.startsWith('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
  return (req, res, next) => serve(req, res, next);
}
