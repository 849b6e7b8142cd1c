import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import pg from 'pg';
import { toGlobalId } from '../../api/src/graphql/global-id.js';

/**
 * The bare baseline: a plain `node:http` handler that runs, as the application role, the SQL a
 * `contacts(first: N)` request needs, with nothing of the framework around it.
 *
 * - `POST /bare`: BEGIN; set_config(tenant, user); the page query, the customers of the page and
 *   the count query as contact.service.ts, customer.service.ts and keyset.ts build them for the
 *   default order (created_at desc); COMMIT. Tenant fixed at start: the same data, the minimum of SQL.
 * - `POST /full`: every statement the application issues for the same request (BEGIN, the
 *   authentication function that sets the tenant and reads role and switches, page, count, COMMIT),
 *   so the gap between it and Kontor is the cost of the Node-side stack alone.
 */

export const PAGE_SQL = `select t.*, (t.created_at)::text as "__sort_key" from crm_contacts t
    where (t.tenant_id = $1)
    order by t.created_at desc, t.id desc limit $2`;
/** The customers of a page in one query, with their owner and referrer as the customer loader reads them. */
export const CUSTOMERS_SQL = `select t.*, u.id as u_id, u.email as u_email, u.name as u_name, r.name as referrer_name from crm_customers t
    left join memberships om on om.tenant_id = t.tenant_id and om.user_id = t.owner_id
    left join users u on u.id = om.user_id
    left join crm_customers r on r.tenant_id = t.tenant_id and r.id = t.referred_by_id
    where t.tenant_id = $1 and t.id = any($2::uuid[])`;
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
  customer_id: string | null;
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

function render(rows: ContactRow[], customers: Map<string, string>, totalCount: number): string {
  const edges = rows.map((row) => ({
    node: {
      id: toGlobalId('Contact', row.id),
      fullName: [row.first_name, row.last_name].filter(Boolean).join(' '),
      email: row.email,
      phone: row.phone,
      customer: row.customer_id ? { name: customers.get(row.customer_id) ?? null } : null,
    },
  }));
  return JSON.stringify({ data: { contacts: { totalCount, edges } } });
}

/** Names of the page's customers by id (one query, skipped when the page has none). */
async function customersOf(client: pg.PoolClient, tenantId: string, rows: ContactRow[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.customer_id ? [row.customer_id] : [])))];
  if (ids.length === 0) return new Map();
  const found = await client.query<{ id: string; name: string }>(CUSTOMERS_SQL, [tenantId, ids]);
  return new Map(found.rows.map((row) => [row.id, row.name]));
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
      const rows = (await client.query<ContactRow>(PAGE_SQL, [options.tenantId, options.pageSize + 1])).rows.slice(0, options.pageSize);
      const customers = await customersOf(client, options.tenantId, rows);
      const count = await client.query<{ count: number }>(COUNT_SQL, [options.tenantId]);
      await client.query('COMMIT');
      return render(rows, customers, count.rows[0]?.count ?? 0);
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
      const rows = (await client.query<ContactRow>(PAGE_SQL, [session.tenant_id, options.pageSize + 1])).rows.slice(0, options.pageSize);
      const customers = await customersOf(client, session.tenant_id, rows);
      const count = await client.query<{ count: number }>(COUNT_SQL, [session.tenant_id]);
      await client.query('COMMIT');
      return render(rows, customers, count.rows[0]?.count ?? 0);
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
