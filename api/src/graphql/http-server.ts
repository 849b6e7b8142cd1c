import { ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { GraphQLSchema } from 'graphql';
import type { App } from '../platform/app.js';
import { authenticate, bearerToken } from '../platform/auth/authenticate.js';
import type { ModuleRoute } from '../platform/modules/module-manifest.js';
import { RequestContext, type Authentication, type RequestMeta } from '../platform/context/request-context.js';
import { AppError } from './errors.js';
import { formatError } from './format-error.js';
import { complexityPlugin, depthRule } from './limits.js';
import { printSdl } from './schema.js';
import { tenantSchema } from './tenant-sdl.js';
import { builtWebApp, type WebHandler } from './web-app.js';
import { toGlobalId } from './global-id.js';

const MAX_BODY_BYTES = 1_048_576;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new AppError('BAD_USER_INPUT', `Request body is larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
}

function errorBody(error: AppError): string {
  const { http: _http, ...extensions } = error.extensions;
  return JSON.stringify({ errors: [{ message: error.message, extensions }] });
}

/** The caller's address; behind a trusted proxy, the first hop of X-Forwarded-For. */
function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const first = forwarded.split(',')[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

interface MountedRoute {
  route: ModuleRoute;
  segments: string[];
}

/** The HTTP routes the modules' manifests declare (webhooks and the like). */
function mountRoutes(app: App): MountedRoute[] {
  return app.registry.manifests.flatMap((manifest) => (manifest.routes ?? []).map((route) => ({ route, segments: route.path.split('/').filter(Boolean) })));
}

/** The route a request is for, with its `:name` parameters decoded; null when none is. */
function matchRoute(routes: MountedRoute[], method: string | undefined, pathname: string): { route: ModuleRoute; params: Record<string, string> } | null {
  const parts = pathname.split('/').filter(Boolean);
  for (const { route, segments } of routes) {
    if (route.method !== method || segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = segments.every((segment, i) => {
      const part = parts[i] ?? '';
      if (!segment.startsWith(':')) return segment === part;
      try {
        params[segment.slice(1)] = decodeURIComponent(part);
        return true;
      } catch {
        return false;
      }
    });
    if (matches) return { route, params };
  }
  return null;
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, RATE_LIMITED: 429, BAD_USER_INPUT: 400 };

export interface KontorHttpServer {
  server: Server;
  /** Replaces the web app handler (the Vite dev server needs the HTTP server first). */
  setWeb(handler: WebHandler | null): void;
  servesWeb(): boolean;
  listen(port: number): Promise<number>;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  /** Serves the web app; defaults to the production build in web/dist when there is one. */
  web?: WebHandler | null;
}

/** Header on every signed-in GraphQL answer: the company's switched-on modules and feature options. */
export const SWITCHES_HEADER = 'x-kontor-modules';
/** Header on every signed-in GraphQL answer: which company and role the token stands for right now. */
export const IDENTITY_HEADER = 'x-kontor-identity';

/** One HTTP server: GraphQL, the tenant's SDL, health probes and the web app. */
export async function createHttpServer(app: App, schema: GraphQLSchema, options: HttpServerOptions = {}): Promise<KontorHttpServer> {
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError: formatError(app.log),
    includeStacktraceInErrorResponses: false,
    validationRules: [depthRule(app.config.graphql.maxDepth)],
    plugins: [
      // No HTTP caching of GraphQL answers here; the default cache-control plugin instruments every field.
      ApolloServerPluginCacheControlDisabled(),
      complexityPlugin(schema, app.config.graphql.maxComplexity),
      {
        requestDidStart: async () => ({
          didResolveOperation: async ({ operation, contextValue }) => {
            contextValue.outcome.query = operation?.operation === 'query';
          },
          willSendResponse: async ({ response, contextValue }) => {
            if (response.body.kind === 'single' && response.body.singleResult.errors?.length) contextValue.outcome.failed = true;
          },
        }),
      },
    ],
    introspection: true,
    // Compact JSON: Apollo pretty-prints by default.
    stringifyResult: (value) => JSON.stringify(value),
    csrfPrevention: true,
  });
  await apollo.start();
  const fullSdl = printSdl(schema);
  const routes = mountRoutes(app);
  let web: WebHandler | null = options.web === undefined ? builtWebApp() : options.web;

  async function authenticateRequest(req: IncomingMessage, meta: RequestMeta): Promise<Authentication | null> {
    if (!meta.bearer) return null;
    const auth = await authenticate(app, meta.bearer);
    meta.tenantId = auth.principal.tenantId;
    try {
      await app.rateLimits.consume({ name: 'tenant', points: app.config.rateLimits.tenantPerMinute, durationSeconds: 60 }, auth.principal.tenantId);
    } catch (error) {
      await auth.scope.rollback();
      throw error;
    }
    return auth;
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, meta: RequestMeta, url: URL): Promise<number> {
    const body = req.method === 'POST' ? await readBody(req) : '';
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let parsedBody: unknown = undefined;
    if (body) {
      try {
        parsedBody = JSON.parse(body);
      } catch {
        throw new AppError('BAD_USER_INPUT', 'Request body is not valid JSON');
      }
    }
    const auth = await authenticateRequest(req, meta);
    const ctx = new RequestContext(app, meta, auth);
    let response;
    try {
      response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsedBody },
        context: async () => ctx,
      });
      // A query's answer is complete once executed; only a mutation waits for its commit to answer.
      if (!ctx.outcome.query) await ctx.finish(!ctx.outcome.failed);
    } catch (error) {
      await ctx.finish(false).catch(() => undefined);
      throw error;
    }
    try {
      return answer(res, response, auth);
    } finally {
      if (ctx.outcome.query) {
        // After the answer: a read-only transaction ends off the caller's clock.
        await ctx.finish(!ctx.outcome.failed).catch((error: unknown) => ctx.log.warn({ err: error }, 'ending a query transaction failed'));
      }
    }
  }

  function answer(res: ServerResponse, response: HTTPGraphQLResponse, auth: Authentication | null): number {
    const out: Record<string, string> = {};
    for (const [key, value] of response.headers) out[key] = value;
    // The web app drops a module from its interface on the next answer after anyone switches it off.
    if (auth) {
      out[SWITCHES_HEADER] = auth.modules.switchedOn().join(',');
      // A company switched in another tab, or a role changed by an admin, shows here first.
      out[IDENTITY_HEADER] = `${toGlobalId('Tenant', auth.principal.tenantId)}:${auth.principal.role ?? 'API_KEY'}`;
    }
    if (response.body.kind !== 'complete') throw new Error('Incremental delivery is not enabled');
    send(res, response.status ?? 200, response.body.string, out['content-type'] ?? 'application/json', out);
    return response.status ?? 200;
  }

  async function tenantSdl(req: IncomingMessage, res: ServerResponse, meta: RequestMeta): Promise<number> {
    const auth = await authenticateRequest(req, meta);
    if (!auth) {
      send(res, 200, fullSdl, 'text/plain; charset=utf-8');
      return 200;
    }
    await auth.scope.commit();
    send(res, 200, printSdl(tenantSchema(schema, auth.modules)), 'text/plain; charset=utf-8');
    return 200;
  }

  async function ready(res: ServerResponse): Promise<number> {
    const checks: Record<string, string> = {};
    try {
      await app.orm.em.fork({ useContext: false }).execute('select 1');
      checks.database = 'ok';
    } catch (error) {
      checks.database = error instanceof Error ? error.message : 'unreachable';
    }
    try {
      await app.jobs.ping();
      checks.queue = 'ok';
    } catch (error) {
      checks.queue = error instanceof Error ? error.message : 'unreachable';
    }
    const ok = Object.values(checks).every((v) => v === 'ok');
    send(res, ok ? 200 : 503, JSON.stringify({ status: ok ? 'ready' : 'not ready', checks }));
    return ok ? 200 : 503;
  }

  function serveWeb(handler: WebHandler, req: IncomingMessage, res: ServerResponse): Promise<number> {
    return new Promise((resolve) => {
      res.once('finish', () => resolve(res.statusCode));
      // A client that goes away mid-answer must not leave the request pending.
      res.once('close', () => resolve(res.statusCode));
      handler(req, res, () => {
        send(res, 404, JSON.stringify({ error: 'not found' }));
      });
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://localhost');
    const requestIdHeader = req.headers['x-request-id'];
    const meta: RequestMeta = {
      requestId: typeof requestIdHeader === 'string' && /^[\w-]{1,64}$/.test(requestIdHeader) ? requestIdHeader : randomUUID(),
      ip: clientIp(req, app.config.trustProxy),
      userAgent: req.headers['user-agent'] ?? null,
      bearer: bearerToken(req.headers.authorization),
    };
    res.setHeader('x-request-id', meta.requestId);
    let status = 404;
    let routed: ReturnType<typeof matchRoute>;
    try {
      if (url.pathname === '/healthz') {
        send(res, 200, JSON.stringify({ status: 'ok' }));
        status = 200;
      } else if (url.pathname === '/readyz') {
        status = await ready(res);
      } else if (url.pathname === '/graphql/schema.graphql' && req.method === 'GET') {
        status = await tenantSdl(req, res, meta);
      } else if (url.pathname === '/graphql') {
        status = await graphql(req, res, meta, url);
      } else if ((routed = matchRoute(routes, req.method, url.pathname))) {
        status = await routed.route.handle(app, req, res, routed.params);
      } else if (web && (req.method === 'GET' || req.method === 'HEAD')) {
        status = await serveWeb(web, req, res);
      } else {
        send(res, 404, JSON.stringify({ error: 'not found' }));
      }
    } catch (error) {
      if (error instanceof AppError) {
        status = STATUS[error.code] ?? 400;
        const retry = error.extensions.retryAfterSeconds;
        send(res, status, errorBody(error), undefined, typeof retry === 'number' ? { 'retry-after': String(retry) } : {});
      } else {
        status = 500;
        app.log.error({ err: error, requestId: meta.requestId }, 'request failed');
        if (!res.headersSent) send(res, 500, JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
      }
    } finally {
      app.log.info({ requestId: meta.requestId, tenantId: meta.tenantId, method: req.method, path: url.pathname, status, ms: Math.round(performance.now() - started) }, 'request');
    }
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  return {
    server,
    servesWeb: () => web !== null,
    setWeb: (handler) => {
      web = handler;
    },
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}
