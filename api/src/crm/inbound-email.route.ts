import type { IncomingMessage, ServerResponse } from 'node:http';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { App } from '../platform/app.js';
import type { ModuleRoute } from '../platform/modules/module-manifest.js';
import { parseDeliveryReport } from '../platform/mail/delivery-report.js';
import { recordDeliveryReport } from './delivery-report.service.js';
import { INBOUND_EMAIL_PATH, recordInboundEmail, tenantOfInboundToken } from './inbound-email.service.js';

/** Largest raw message accepted (attachments included); larger ones are answered 413. */
export const INBOUND_EMAIL_MAX_BYTES = 10 * 1024 * 1024;
/** Past this much of an oversized body, the connection is dropped instead of read to its end. */
const DRAIN_MAX_BYTES = 4 * INBOUND_EMAIL_MAX_BYTES;
/** The raw message (RFC 5322), as gateways post it. */
const ACCEPTED_TYPES = new Set(['message/rfc822', 'text/plain', 'application/octet-stream']);

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
  return status;
}

/**
 * The body, or null when it is larger than `max`. An oversized body is still read (and dropped) to
 * its end, so the client sees the answer rather than a reset connection, up to a point.
 */
async function readLimited(req: IncomingMessage, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > DRAIN_MAX_BYTES) {
      req.destroy();
      return null;
    }
    if (size <= max) chunks.push(buffer);
  }
  return size > max ? null : Buffer.concat(chunks);
}

/**
 * `POST /hooks/email/:token`: a mail gateway posts one received email, raw. 201 when it was recorded
 * on the sender's person, 202 when nobody has the sender's address (kept for someone to attach), 200
 * when it had been recorded before, or when it is a bounce or a complaint (applied, never recorded as
 * a message); 404 for an unknown token (or the CRM switched off), 413 above 10 MB, 415 for another
 * content type, 400 for a body that is not an email.
 */
async function handleInboundEmail(app: App, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > INBOUND_EMAIL_MAX_BYTES) return answer(res, 413, { error: `The message is larger than ${INBOUND_EMAIL_MAX_BYTES} bytes` });
  const tenantId = await tenantOfInboundToken(app, params.token ?? '');
  if (!tenantId) return answer(res, 404, { error: 'not found' });
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!ACCEPTED_TYPES.has(type)) return answer(res, 415, { error: 'Post the raw message as message/rfc822 (or text/plain)' });
  const raw = await readLimited(req, INBOUND_EMAIL_MAX_BYTES);
  if (raw === null) return answer(res, 413, { error: `The message is larger than ${INBOUND_EMAIL_MAX_BYTES} bytes` });
  let mail: ParsedMail;
  try {
    if (raw.length === 0) throw new Error('empty body');
    mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  } catch {
    return answer(res, 400, { error: 'The body is not an email message' });
  }
  if (!mail.from && !mail.messageId && !mail.subject && !mail.text) return answer(res, 400, { error: 'The body is not an email message' });
  // A bounce or a complaint is about a message that was sent, not a message from a person.
  const report = await parseDeliveryReport(raw, mail);
  if (report) {
    const about = await recordDeliveryReport(app, tenantId, report);
    app.log.info({ tenantId, report: report.type, about, bytes: raw.length }, 'inbound delivery report');
    return answer(res, 200, { status: 'report', about });
  }
  const result = await recordInboundEmail(app, tenantId, mail);
  app.log.info({ tenantId, outcome: result.outcome, bytes: raw.length }, 'inbound email');
  const status = result.outcome === 'matched' ? 201 : result.outcome === 'unmatched' ? 202 : 200;
  return answer(res, status, { status: result.outcome, messageId: result.messageId });
}

export const inboundEmailRoute: ModuleRoute = { method: 'POST', path: `${INBOUND_EMAIL_PATH}/:token`, handle: handleInboundEmail };
