import { stringify } from 'csv-stringify/sync';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ImportEntity } from '../../../schema/crm/import.entity.js';
import { AppError, BadUserInputError, ForbiddenError, ModuleDisabledError, UnauthenticatedError } from '../graphql/errors.js';
import type { App } from '../platform/app.js';
import { authenticate, bearerToken } from '../platform/auth/authenticate.js';
import type { Permission } from '../platform/auth/permissions.js';
import { RequestContext } from '../platform/context/request-context.js';
import type { ModuleRoute } from '../platform/modules/module-manifest.js';
import type { ContactFilter, ContactOrder } from './contact.types.js';
import type { CustomerFilter, CustomerOrder } from './customer.types.js';
import { contactExport, customerExport, dealExport, jsonInput, type CsvExport } from './export.service.js';
import type { DealFilter, DealOrder } from './deal.types.js';
import { csvText, MAX_CSV_BYTES } from './import-csv.js';
import { createImport } from './import.service.js';

/** HTTP statuses of the API's error codes on these routes. */
const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  MODULE_DISABLED: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
  return status;
}

/** Errors answer as GraphQL's do (`errors[0].extensions.code`, `path`, `reason`), with a fitting HTTP status. */
function sendError(app: App, res: ServerResponse, error: unknown): number {
  if (res.headersSent) {
    // The export was under way: the client sees a cut-off file, never a half-file that looks complete.
    app.log.error({ err: error }, 'export failed while streaming');
    res.destroy(error instanceof Error ? error : undefined);
    return 500;
  }
  if (error instanceof AppError) {
    const { http: _http, ...extensions } = error.extensions;
    const status = extensions.reason === 'TOO_LARGE' ? 413 : (STATUS[error.code] ?? 400);
    const retry = extensions.retryAfterSeconds;
    // A refused upload may still be arriving: the connection closes instead of reading the rest.
    const close: Record<string, string> = status === 413 ? { connection: 'close' } : {};
    return sendJson(res, status, { errors: [{ message: error.message, extensions }] }, { ...close, ...(typeof retry === 'number' ? { 'retry-after': String(retry) } : {}) });
  }
  app.log.error({ err: error }, 'CRM route failed');
  return sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
}

/**
 * The caller, as GraphQL requests authenticate it: the bearer token (a session or an API key), the
 * company's rate limit, the CRM switched on, and `permission` held. The context's transaction is the
 * one authentication opened.
 */
async function caller(app: App, req: IncomingMessage, res: ServerResponse, permission: Permission): Promise<RequestContext> {
  const bearer = bearerToken(req.headers.authorization);
  if (!bearer) throw new UnauthenticatedError();
  const auth = await authenticate(app, bearer);
  const requestId = res.getHeader('x-request-id');
  const ctx = new RequestContext(
    app,
    { requestId: typeof requestId === 'string' ? requestId : randomUUID(), ip: req.socket.remoteAddress ?? 'unknown', userAgent: req.headers['user-agent'] ?? null, bearer, tenantId: auth.principal.tenantId },
    auth,
  );
  try {
    await app.rateLimits.consume({ name: 'tenant', points: app.config.rateLimits.tenantPerMinute, durationSeconds: 60 }, auth.principal.tenantId);
    // The module's switch is asked first, as for its GraphQL fields.
    if (!auth.modules.isEnabled('CRM')) throw new ModuleDisabledError('CRM');
    if (!auth.principal.permissions.has(permission)) throw new ForbiddenError(`Missing permission ${permission}`, { required: [permission] });
  } catch (error) {
    await ctx.finish(false);
    throw error;
  }
  return ctx;
}

function tooLarge(): BadUserInputError {
  return BadUserInputError.field(['file'], `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB`, 'TOO_LARGE', { max: MAX_CSV_BYTES });
}

/** The request body, refused (413) once it passes `max` bytes. */
async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > max) throw tooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

const ENTITIES = new Set<string>(Object.values(ImportEntity));

/**
 * `POST /crm/imports?entity=CONTACT&name=people.csv`, the body the raw CSV: stores it as a DRAFT
 * import and answers 201 `{ "id": … }`. Nothing is stored for a file that is not CSV.
 */
async function upload(app: App, req: IncomingMessage, res: ServerResponse): Promise<number> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const ctx = await caller(app, req, res, 'CRM:write');
  try {
    const entity = url.searchParams.get('entity') ?? '';
    if (!ENTITIES.has(entity)) throw BadUserInputError.field(['entity'], 'must be CONTACT or CUSTOMER', 'INVALID');
    const name = url.searchParams.get('name') ?? 'import.csv';
    // No transaction is held while up to 20 MB arrive.
    await ctx.finish(true);
    const text = csvText(await readBody(req, MAX_CSV_BYTES));
    const id = await createImport(ctx, entity as ImportEntity, name, text);
    await ctx.finish(true);
    return sendJson(res, 201, { id });
  } catch (error) {
    await ctx.finish(false);
    throw error;
  }
}

/** Writes a chunk, waiting while the client reads slowly; false once the client is gone. */
async function write(res: ServerResponse, chunk: string): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.write(chunk)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  return !res.destroyed;
}

/** Streams an export: a UTF-8 BOM (so Excel reads it as UTF-8), the header, then page after page. */
async function stream(res: ServerResponse, csv: CsvExport): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${csv.fileName}"`,
    'cache-control': 'no-store',
  });
  if (!(await write(res, `\uFEFF${stringify([csv.header])}`))) return;
  for await (const rows of csv.pages()) {
    if (rows.length > 0 && !(await write(res, stringify(rows)))) return;
  }
  res.end();
}

function exportRoute(path: string, build: (ctx: RequestContext, url: URL) => Promise<CsvExport>): ModuleRoute {
  return {
    method: 'GET',
    path,
    async handle(app, req, res) {
      try {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const ctx = await caller(app, req, res, 'CRM:read');
        try {
          // The filter is checked and the first page read before anything is sent: a bad filter is a 400.
          await stream(res, await build(ctx, url));
          await ctx.finish(true);
        } catch (error) {
          await ctx.finish(false);
          throw error;
        }
        return 200;
      } catch (error) {
        return sendError(app, res, error);
      }
    },
  };
}

/** The CRM's HTTP endpoints besides GraphQL: CSV upload for imports, and CSV exports of the lists. */
export const importRoutes: ModuleRoute[] = [
  {
    method: 'POST',
    path: '/crm/imports',
    async handle(app, req, res) {
      try {
        return await upload(app, req, res);
      } catch (error) {
        return sendError(app, res, error);
      }
    },
  },
  exportRoute('/crm/exports/contacts.csv', async (ctx, url) =>
    contactExport(ctx, await jsonInput<ContactFilter>(url.searchParams.get('filter'), 'filter', 'ContactFilter'), await jsonInput<ContactOrder>(url.searchParams.get('orderBy'), 'orderBy', 'ContactOrder')),
  ),
  exportRoute('/crm/exports/customers.csv', async (ctx, url) =>
    customerExport(ctx, await jsonInput<CustomerFilter>(url.searchParams.get('filter'), 'filter', 'CustomerFilter'), await jsonInput<CustomerOrder>(url.searchParams.get('orderBy'), 'orderBy', 'CustomerOrder')),
  ),
  exportRoute('/crm/exports/deals.csv', async (ctx, url) =>
    dealExport(ctx, await jsonInput<DealFilter>(url.searchParams.get('filter'), 'filter', 'DealFilter'), await jsonInput<DealOrder>(url.searchParams.get('orderBy'), 'orderBy', 'DealOrder')),
  ),
];
