import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import pg from 'pg';
import { toGlobalId } from '../../api/src/graphql/global-id.js';

/**
 * The bare baseline: a plain `node:http` handler that runs, as the application role, the SQL a
 * `contacts(first: N)` request needs, with nothing of the framework around it.
 *
 * - `POST /bare`: BEGIN; set_config(tenant, user); the page query (companies joined) and the count
 *   query exactly as contact.service.ts and keyset.ts build them for the default order
 *   (created_at desc); COMMIT. Tenant fixed at start: the same data, the minimum of SQL.
 * - `POST /full`: every statement the application issues for the same request (BEGIN, the
 *   authentication function that sets the tenant and reads role and switches, page, count, COMMIT),
 *   so the gap between it and Kontor is the cost of the Node-side stack alone.
 */

export const PAGE_SQL = `select t.*, (t.created_at)::text as "__sort_key", c.id as c_id, c.name as c_name, c.domain as c_domain, c.email as c_email, c.phone as c_phone, c.created_at as c_created_at, c.updated_at as c_updated_at
    from crm_contacts t left join crm_companies c on c.tenant_id = t.tenant_id and c.id = t.company_id
    where (t.tenant_id = $1)
    order by t.created_at desc, t.id desc limit $2`;
export const COUNT_SQL = `select count(*)::int as count from crm_contacts t where (t.tenant_id = $1)`;
// authenticate.ts: one function finds the session, sets tenant and user, and reads role and switches.
const SESSION_SQL = 'select * from kontor_authenticate_session($1)';
const SET_CONFIG_SQL = "select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)";
interface ContactRow {
  id: string;
  first_name: string;
  last_name: string | null;
  email: string | null;
  phone: string | null;
  company_id: string | null;
  c_name: string | null;
}

interface SessionRow {
  user_id: string;
  tenant_id: string;
  role: string | null;
}

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _chunk of req) {
    // the body is the same GraphQL document every time; the baseline does not parse it
  }
}

function respond(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
}

function render(rows: ContactRow[], totalCount: number): string {
  const edges = rows.map((row) => ({
    node: {
      id: toGlobalId('Contact', row.id),
      fullName: [row.first_name, row.last_name].filter(Boolean).join(' '),
      email: row.email,
      phone: row.phone,
      company: row.company_id ? { name: row.c_name } : null,
    },
  }));
  return JSON.stringify({ data: { contacts: { totalCount, edges } } });
}

export interface BaselineOptions {
  appUrl: string;
  tenantId: string;
  userId: string;
  pageSize: number;
  poolMax: number;
  onError: (error: Error) => void;
}

export async function startBaselineServer(options: BaselineOptions): Promise<BaselineServer> {
  const pool = new pg.Pool({ connectionString: options.appUrl, max: options.poolMax });
  // An idle connection that the server drops must fail the requests that use it, not the process.
  pool.on('error', (error) => options.onError(error));

  async function bare(): Promise<string> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(SET_CONFIG_SQL, [options.tenantId, options.userId]);
      const page = await client.query<ContactRow>(PAGE_SQL, [options.tenantId, options.pageSize + 1]);
      const count = await client.query<{ count: number }>(COUNT_SQL, [options.tenantId]);
      await client.query('COMMIT');
      return render(page.rows.slice(0, options.pageSize), count.rows[0]?.count ?? 0);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function full(req: IncomingMessage): Promise<string | null> {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) return null;
    const hash = createHash('sha256').update(token).digest('hex');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const session = (await client.query<SessionRow>(SESSION_SQL, [hash])).rows[0];
      if (!session) {
        await client.query('ROLLBACK');
        return null;
      }
      if (!session.role) {
        await client.query('ROLLBACK');
        return null;
      }
      const page = await client.query<ContactRow>(PAGE_SQL, [session.tenant_id, options.pageSize + 1]);
      const rows = page.rows.slice(0, options.pageSize);
      const count = await client.query<{ count: number }>(COUNT_SQL, [session.tenant_id]);
      await client.query('COMMIT');
      return render(rows, count.rows[0]?.count ?? 0);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        await drain(req);
        if (req.url === '/bare') return respond(res, 200, await bare());
        if (req.url === '/full') {
          const body = await full(req);
          return body === null ? respond(res, 401, '{"errors":[{"message":"unauthenticated"}]}') : respond(res, 200, body);
        }
        respond(res, 404, '{"errors":[{"message":"not found"}]}');
      } catch (error) {
        respond(res, 500, JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : String(error) }] }));
      }
    })();
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
