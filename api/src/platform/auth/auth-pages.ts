import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '../../graphql/errors.js';
import type { App } from '../app.js';
import { RequestContext, type RequestMeta } from '../context/request-context.js';
import { acceptInvitation } from '../invitations/invitation.service.js';
import { resetPassword, verifyEmail } from './auth.service.js';

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(res: ServerResponse, status: number, title: string, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)} · Kontor</title></head>
<body style="font-family:sans-serif;max-width:420px;margin:48px auto;padding:0 16px"><h1 style="font-size:22px">${escapeHtml(title)}</h1>${body}</body></html>`);
}

function form(token: string, fields: { name: string; label: string; type: string }[], submit: string): string {
  const inputs = fields
    .map((f) => `<p><label for="${f.name}">${escapeHtml(f.label)}</label><br><input id="${f.name}" name="${f.name}" type="${f.type}" required style="width:100%"></p>`)
    .join('');
  return `<form method="post"><input type="hidden" name="token" value="${escapeHtml(token)}">${inputs}<p><button type="submit">${escapeHtml(submit)}</button></p></form>`;
}

const MAX_FORM_BYTES = 16_384;

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) throw new AppError('BAD_USER_INPUT', 'The form is larger than expected');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The pages emailed links open: confirm an address, choose a new password, accept an invitation.
 * Server-rendered and minimal, so the links work without the web app; the SPA may take the routes over.
 */
export function authPages(app: App) {
  return {
    async handle(req: IncomingMessage, res: ServerResponse, url: URL, meta: RequestMeta): Promise<boolean> {
      const token = url.searchParams.get('token') ?? '';
      try {
        if (url.pathname === '/verify-email' && req.method === 'GET') {
          await verifyEmail(app, token);
          page(res, 200, 'Email address confirmed', '<p>Thank you. You can close this page and go on working in Kontor.</p>');
          return true;
        }
        if (url.pathname === '/reset-password') {
          if (req.method === 'GET') {
            page(res, 200, 'Choose a new password', form(token, [{ name: 'newPassword', label: 'New password (at least 10 characters)', type: 'password' }], 'Set password'));
            return true;
          }
          const body = await formBody(req);
          await resetPassword(app, body.get('token') ?? '', body.get('newPassword') ?? '');
          page(res, 200, 'Password changed', '<p>Your password is changed and every session was signed out. Log in with the new password.</p>');
          return true;
        }
        if (url.pathname === '/accept-invitation') {
          if (req.method === 'GET') {
            page(res, 200, 'Join your colleagues on Kontor', form(token, [{ name: 'name', label: 'Your name', type: 'text' }, { name: 'password', label: 'Password (new, or of your existing account)', type: 'password' }], 'Accept invitation'));
            return true;
          }
          const body = await formBody(req);
          await acceptInvitation(new RequestContext(app, meta, null), { token: body.get('token') ?? '', password: body.get('password'), name: body.get('name') });
          page(res, 200, 'Welcome', '<p>You joined the company. Log in to start.</p>');
          return true;
        }
      } catch (error) {
        if (error instanceof AppError) {
          page(res, 400, 'This link cannot be used', `<p>${escapeHtml(error.message)}</p>`);
          return true;
        }
        throw error;
      }
      return false;
    },
  };
}
