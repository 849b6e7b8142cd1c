import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../graphql/errors.js';
import type { App } from '../platform/app.js';

/** HTTP statuses of the API's error codes on the marketing module's public routes. */
const STATUS: Record<string, number> = { NOT_FOUND: 404, BAD_USER_INPUT: 400, RATE_LIMITED: 429, FORBIDDEN: 403, CONFLICT: 409 };

/** The body of a request, or null once it passes `max` bytes (the rest is not read). */
export async function readSmallBody(req: IncomingMessage, max: number): Promise<string | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > max) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The media type of a request, lower-case, without parameters. */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** The caller's address; behind a trusted proxy, the first hop of X-Forwarded-For (as the GraphQL endpoint does). */
export function clientIp(app: App, req: IncomingMessage): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (app.config.trustProxy && typeof forwarded === 'string') {
    const first = forwarded.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export function requestIdOf(res: ServerResponse): string {
  const id = res.getHeader('x-request-id');
  return typeof id === 'string' ? id : 'hook';
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
  return status;
}

export function sendText(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): number {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
  return status;
}

/** An error answered as GraphQL's are (`errors[0].extensions.code`), with a fitting HTTP status; anything else is a 500 without details. */
export function sendError(app: App, res: ServerResponse, error: unknown, headers: Record<string, string> = {}): number {
  if (error instanceof AppError) {
    const { http: _http, ...extensions } = error.extensions;
    const retry = extensions.retryAfterSeconds;
    return sendJson(res, STATUS[error.code] ?? 400, { errors: [{ message: error.message, extensions }] }, { ...headers, ...(typeof retry === 'number' ? { 'retry-after': String(retry) } : {}) });
  }
  app.log.error({ err: error }, 'marketing hook failed');
  return sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, headers);
}
