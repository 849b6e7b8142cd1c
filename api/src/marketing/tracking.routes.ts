import type { IncomingMessage, ServerResponse } from 'node:http';
import twilio from 'twilio';
import { twilioAuthTokenFor } from './channel-account.service.js';
import { isUuid } from '../graphql/global-id.js';
import type { App } from '../platform/app.js';
import type { ModuleRoute } from '../platform/modules/module-manifest.js';
import { SMS_STATUS_PATH, smsStatusCallbackUrl } from '../platform/sms/status-callback.js';
import { mediaType, readSmallBody, requestIdOf, sendJson } from './hook-io.js';
import { linkKey, verifyLink } from './links.js';
import { applySmsStatus, trackClick, trackOpen } from './tracking.service.js';

/** A transparent 1×1 GIF (42 bytes). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
/** Every load of the pixel must reach us: no browser, proxy or mail client may keep a copy. */
const NO_CACHE = { 'cache-control': 'no-store, no-cache, must-revalidate, max-age=0, private', pragma: 'no-cache', expires: '0' };
/** Twilio's callbacks are a few hundred bytes. */
const CALLBACK_MAX_BYTES = 64 * 1024;

async function key(app: App): Promise<Buffer> {
  return linkKey(app.orm.em.fork({ useContext: false }));
}

/**
 * `GET /hooks/open/<token>.gif`: the open pixel. Always the same transparent GIF, never an error page
 * (a mail client shows a broken image for anything else): a token that is not ours records nothing,
 * and a failure to record is logged, not shown.
 */
async function handleOpen(app: App, _req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number> {
  try {
    const subject = verifyLink(await key(app), 'o', (params.pixel ?? '').replace(/\.gif$/i, ''));
    if (subject) await trackOpen(app, subject, requestIdOf(res));
  } catch (error) {
    app.log.warn({ err: error }, 'open not recorded');
  }
  res.writeHead(200, { 'content-type': 'image/gif', 'content-length': String(PIXEL.length), ...NO_CACHE });
  res.end(PIXEL);
  return 200;
}

/** The target as a redirect may send it: an absolute http(s) URL, normalised (so it is a valid header), or null. */
function httpTarget(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * `GET /hooks/click/<token>?u=<url>`: a tracked link. The token's MAC covers the URL, so only the
 * addresses our messages link to are redirected to (no open redirector): a changed URL or token is
 * 404, a missing or non-http(s) URL 400. A click is recorded on the delivery the token names, in its
 * own company; the person is sent on even when recording fails.
 */
async function handleClick(app: App, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number> {
  const given = new URL(req.url ?? '/', 'http://localhost').searchParams.get('u');
  const target = httpTarget(given);
  if (given === null || target === null) return sendJson(res, 400, { error: 'The link has no http(s) address to go to' });
  const subject = verifyLink(await key(app), 'c', params.token ?? '', given);
  if (!subject) return sendJson(res, 404, { error: 'not found' });
  try {
    await trackClick(app, subject, given, requestIdOf(res));
  } catch (error) {
    app.log.warn({ err: error, tenantId: subject.tenantId }, 'click not recorded');
  }
  res.writeHead(302, { location: target, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end();
  return 302;
}

/** Form fields as Twilio signs them: a repeated name is a list. */
function formParams(body: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const earlier = params[name];
    params[name] = earlier === undefined ? value : [...(Array.isArray(earlier) ? earlier : [earlier]), value];
  }
  return params;
}

function field(params: Record<string, string | string[]>, ...names: string[]): string | null {
  for (const name of names) {
    const value = params[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}

/**
 * `POST /hooks/twilio/status/<tenant uuid>`: Twilio's status callback for a message we sent with
 * this address as its StatusCallback. The X-Twilio-Signature must be Twilio's signature of exactly
 * this address and these fields with the account's auth token (403 otherwise, and when Twilio is not
 * configured). 204 once applied.
 */
async function handleSmsStatus(app: App, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number> {
  const tenantId = params.tenantId ?? '';
  // A company with its own Twilio account has its callbacks signed with that account's token.
  const authToken = isUuid(tenantId) ? await twilioAuthTokenFor(app, tenantId) : app.config.twilio?.authToken ?? null;
  if (!authToken) return sendJson(res, 403, { error: 'SMS status callbacks are not configured' });
  if (mediaType(req) !== 'application/x-www-form-urlencoded') return sendJson(res, 415, { error: 'Expected application/x-www-form-urlencoded' });
  const body = await readSmallBody(req, CALLBACK_MAX_BYTES);
  if (body === null) return sendJson(res, 413, { error: `The callback is larger than ${CALLBACK_MAX_BYTES} bytes` });
  const fields = formParams(body);
  const signature = req.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || !twilio.validateRequest(authToken, signature, smsStatusCallbackUrl(app.config.appUrl, tenantId), fields)) {
    return sendJson(res, 403, { error: 'The request is not signed by Twilio' });
  }
  // Only an address we gave Twilio can be signed, so this is a safeguard.
  if (!isUuid(tenantId)) return sendJson(res, 404, { error: 'not found' });
  const sid = field(fields, 'MessageSid', 'SmsSid');
  const status = field(fields, 'MessageStatus', 'SmsStatus');
  if (!sid || !status) return sendJson(res, 400, { error: 'MessageSid and MessageStatus are required' });
  const result = await applySmsStatus(app, tenantId, requestIdOf(res), { sid, status: status.toLowerCase(), errorCode: field(fields, 'ErrorCode') });
  app.log.info({ tenantId, sid, status, ...result }, 'sms status');
  res.writeHead(204, { 'cache-control': 'no-store' });
  res.end();
  return 204;
}

export const trackingRoutes: ModuleRoute[] = [
  { method: 'GET', path: '/hooks/open/:pixel', handle: handleOpen },
  { method: 'GET', path: '/hooks/click/:token', handle: handleClick },
  { method: 'POST', path: `${SMS_STATUS_PATH}/:tenantId`, handle: handleSmsStatus },
];
