import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../platform/app.js';
import type { ModuleRoute } from '../platform/modules/module-manifest.js';
import { readSmallBody, requestIdOf, sendError, sendText } from './hook-io.js';
import { ONE_CLICK, unsubscribe } from './preferences.service.js';

const BODY_MAX = 8 * 1024;

/** RFC 8058 says the body is `List-Unsubscribe=One-Click`, form-encoded or as one multipart/form-data field. */
function isOneClick(body: string): boolean {
  if (new URLSearchParams(body.trim()).get('List-Unsubscribe') === 'One-Click') return true;
  return /name="List-Unsubscribe"\r?\n\r?\n\s*One-Click\s*(\r?\n|$)/.test(body);
}

/**
 * `POST /hooks/unsubscribe/<token>`: the mail client's one-click unsubscribe from the List-Unsubscribe
 * header. The POST alone unsubscribes (no page, no click): 200. 404 for a link not signed by us,
 * 400 without the RFC 8058 body. A GET of the same link is the app's page, which changes nothing.
 */
async function handleOneClick(app: App, req: IncomingMessage, res: ServerResponse, params: Record<string, string>): Promise<number> {
  try {
    const body = await readSmallBody(req, BODY_MAX);
    if (body === null || !isOneClick(body)) return sendText(res, 400, 'Expected the body List-Unsubscribe=One-Click (RFC 8058)');
    await unsubscribe(app, requestIdOf(res), params.token ?? '', ONE_CLICK);
    return sendText(res, 200, 'You are unsubscribed.');
  } catch (error) {
    return sendError(app, res, error);
  }
}

export const oneClickUnsubscribeRoute: ModuleRoute = { method: 'POST', path: '/hooks/unsubscribe/:token', handle: handleOneClick };
