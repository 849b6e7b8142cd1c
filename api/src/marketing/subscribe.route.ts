import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../graphql/errors.js';
import type { App } from '../platform/app.js';
import type { ModuleRoute } from '../platform/modules/module-manifest.js';
import { clientIp, mediaType, readSmallBody, requestIdOf, sendError, sendJson } from './hook-io.js';
import { subscribeFromForm, type SubscribeForm } from './subscribe.service.js';

const BODY_MAX = 16 * 1024;
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
/** Any website may post to a form, and read the answer of a simple (form-encoded) request. */
const CORS = { 'access-control-allow-origin': '*' };

/** The fields the form knows; anything else the post carries is ignored. */
function fieldsOf(type: string, body: string): SubscribeForm {
  let source: Record<string, unknown>;
  if (type === JSON_TYPE) {
    try {
      const parsed: unknown = JSON.parse(body);
      source = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      throw new AppError('BAD_USER_INPUT', 'The body is not valid JSON', { reason: 'INVALID' });
    }
  } else {
    source = Object.fromEntries(new URLSearchParams(body));
  }
  const text = (key: string): string | null => (typeof source[key] === 'string' ? source[key] : null);
  return { email: text('email'), firstName: text('firstName'), lastName: text('lastName') };
}

/** A browser's form post goes on to the app's page saying what happened; `result` is `pending`, `subscribed` or an error's reason. */
function redirect(app: App, res: ServerResponse, result: string): number {
  res.writeHead(303, { location: `${app.config.appUrl.replace(/\/+$/, '')}/subscribe/done?result=${encodeURIComponent(result)}`, 'cache-control': 'no-store' });
  res.end();
  return 303;
}

function reasonOf(error: unknown): string {
  if (!(error instanceof AppError)) return 'INTERNAL_SERVER_ERROR';
  const reason = error.extensions.reason;
  return typeof reason === 'string' ? reason : error.code;
}

/**
 * `POST /subscribe/<company id>.<form token>` with email (firstName, lastName optional), as JSON or
 * form-encoded. JSON answers 200 `{ "confirmationRequired": true|false }` (or the errors, as GraphQL's
 * are: 400, 404 for an unknown form, 429); a form-encoded post, as an HTML form on any website sends
 * it, is redirected (303) to the app's `/subscribe/done?result=pending|subscribed|<reason>`.
 */
async function handleSubscribe(app: App, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number> {
  const type = mediaType(req);
  if (type !== JSON_TYPE && type !== FORM_TYPE) {
    return sendJson(res, 415, { errors: [{ message: 'Post the form as application/json or application/x-www-form-urlencoded', extensions: { code: 'BAD_USER_INPUT' } }] }, CORS);
  }
  try {
    const body = await readSmallBody(req, BODY_MAX);
    if (body === null) return sendJson(res, 413, { errors: [{ message: `The form is larger than ${BODY_MAX} bytes`, extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_LARGE' } }] }, { ...CORS, connection: 'close' });
    const result = await subscribeFromForm(app, { ip: clientIp(app, req), requestId: requestIdOf(res) }, params.form ?? '', fieldsOf(type, body));
    if (type === FORM_TYPE) return redirect(app, res, result.confirmationRequired ? 'pending' : 'subscribed');
    return sendJson(res, 200, result, CORS);
  } catch (error) {
    if (type === FORM_TYPE) {
      if (!(error instanceof AppError)) app.log.error({ err: error }, 'subscribe form failed');
      return redirect(app, res, reasonOf(error));
    }
    return sendError(app, res, error, CORS);
  }
}

export const subscribeRoute: ModuleRoute = { method: 'POST', path: '/subscribe/:form', handle: handleSubscribe };

/**
 * The browser's preflight before a website's script posts the form as JSON (a JSON body is not a
 * "simple" request): any origin may post it, with its content type, and may cache that for a day.
 */
export const subscribePreflightRoute: ModuleRoute = {
  method: 'OPTIONS',
  path: '/subscribe/:form',
  handle: (_app, _req, res) => {
    res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '86400' });
    res.end();
    return Promise.resolve(204);
  },
};
