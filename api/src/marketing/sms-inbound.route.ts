import type { IncomingMessage, ServerResponse } from 'node:http';
import twilio from 'twilio';
import { twilioAuthTokenFor } from './channel-account.service.js';
import type { App } from '../platform/app.js';
import type { ModuleRoute } from '../platform/modules/module-manifest.js';
import { mediaType, readSmallBody, requestIdOf, sendText } from './hook-io.js';
import { applySmsKeyword, keywordOf, SMS_INBOUND_PATH, tenantOfSmsToken } from './sms-inbound.service.js';

const BODY_MAX = 64 * 1024;
/** Twilio sends nothing back itself when the answer is empty TwiML (its Advanced Opt-Out replies on its own). */
const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

/**
 * `POST /hooks/twilio/inbound/<company inbound token>`: Twilio's "a message comes in" webhook of a
 * company's number. The X-Twilio-Signature must be Twilio's HMAC of this very address and the posted
 * fields under the auth token (403 otherwise, before anything is looked up); 404 for an unknown
 * token. STOP-like and START-like messages change the sender's SMS consent; every message is answered
 * with empty TwiML.
 */
async function handleInbound(app: App, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number> {
  const token = params.token ?? '';
  if (mediaType(req) !== 'application/x-www-form-urlencoded') return sendText(res, 415, 'Expected Twilio’s form-encoded webhook');
  const body = await readSmallBody(req, BODY_MAX);
  if (body === null) return sendText(res, 413, 'Too large');
  // The company first: its own Twilio account signs with its own token. An unknown address is
  // checked against the platform's token, so only a signed request learns that it is unknown.
  const tenantId = await tenantOfSmsToken(app, token);
  const authToken = tenantId ? await twilioAuthTokenFor(app, tenantId) : (app.config.twilio?.authToken ?? null);
  if (!authToken) return sendText(res, 404, 'SMS is not configured');
  const fields = Object.fromEntries(new URLSearchParams(body));
  const signature = req.headers['x-twilio-signature'];
  const url = `${app.config.appUrl.replace(/\/+$/, '')}${SMS_INBOUND_PATH}/${token}`;
  if (typeof signature !== 'string' || !twilio.validateRequest(authToken, signature, url, fields)) return sendText(res, 403, 'Invalid signature');
  if (!tenantId) return sendText(res, 404, 'not found');
  const keyword = keywordOf(fields.Body ?? '');
  const from = (fields.From ?? '').trim();
  if (keyword && /^\+[1-9]\d{6,14}$/.test(from)) {
    const people = await applySmsKeyword(app, requestIdOf(res), tenantId, from, keyword);
    app.log.info({ tenantId, keyword, people, messageSid: fields.MessageSid }, 'SMS opt-out keyword');
  }
  return sendText(res, 200, EMPTY_TWIML, 'text/xml; charset=utf-8');
}

export const smsInboundRoute: ModuleRoute = { method: 'POST', path: `${SMS_INBOUND_PATH}/:token`, handle: handleInbound };
