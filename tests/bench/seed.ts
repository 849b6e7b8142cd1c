import pg from 'pg';
import { newId } from '../../schema/shared/ids.js';

/** Everything the bench creates is recognisable, so a later run can remove it (and nothing else). */
export const BENCH_TENANT_PREFIX = 'kontor-bench ';
export const BENCH_EMAIL_DOMAIN = 'bench.kontor.test';

const FIRST = ['Ana', 'Bogdan', 'Chloé', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hiro', 'Ioana', 'Jonas', 'Katarzyna', 'Luca', 'Mara', 'Nils', 'Oana', 'Pablo'];
const LAST = ['Popescu', 'Müller', 'Rossi', 'Novak', 'García', 'Dubois', 'Kowalski', 'Jensen', 'Ionescu', 'Smith', 'Tanaka', 'Silva', 'Horvat', 'Berg'];

export interface SeedSpec {
  tenantId: string;
  contacts: number;
  companies: number;
  /** Every n-th contact works at a company (3: a third of them). */
  companyEvery: number;
}

async function withClient<T>(ownerUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Removes the tenants and users of earlier bench runs; tenant rows go with them (ON DELETE CASCADE). */
export async function removeBenchData(ownerUrl: string): Promise<{ tenants: number; users: number }> {
  return withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    const tenants = await client.query('delete from tenants where name like $1', [`${BENCH_TENANT_PREFIX}%`]);
    const users = await client.query('delete from users where email like $1', [`%@${BENCH_EMAIL_DOMAIN}`]);
    await client.query('COMMIT');
    return { tenants: tenants.rowCount ?? 0, users: users.rowCount ?? 0 };
  });
}

/**
 * Bulk-inserts customers and contacts as the owner (which RLS does not restrict), with the tenant's
 * id on every row and UUIDv7 ids as the application makes them; one statement per table.
 */
export async function seedCrm(ownerUrl: string, specs: SeedSpec[]): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    for (const spec of specs) {
      const now = Date.now();
      const companyIds = Array.from({ length: spec.companies }, () => newId());
      await client.query(
        `insert into crm_customers (tenant_id, id, created_at, updated_at, name, domain, email, phone, tags, custom_fields)
         select $1, c.id, c.at, c.at, c.name, c.domain, c.email, c.phone, '{}', '{}'
         from unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[]) as c(id, at, name, domain, email, phone)`,
        [
          spec.tenantId,
          companyIds,
          companyIds.map((_, i) => new Date(now - (spec.companies - i) * 60_000)),
          companyIds.map((_, i) => `${LAST[i % LAST.length] ?? 'Acme'} ${['Trading', 'Logistics', 'Foods', 'Systems', 'Textiles'][i % 5] ?? 'Group'} ${i + 1}`),
          companyIds.map((_, i) => `company-${i + 1}.example.com`),
          companyIds.map((_, i) => `office@company-${i + 1}.example.com`),
          companyIds.map((_, i) => `+4930${String(2_000_000 + i).padStart(8, '0')}`),
        ],
      );
      const ids: string[] = [];
      const at: Date[] = [];
      const first: string[] = [];
      const last: (string | null)[] = [];
      const email: (string | null)[] = [];
      const phone: (string | null)[] = [];
      const company: (string | null)[] = [];
      for (let i = 0; i < spec.contacts; i++) {
        const f = FIRST[i % FIRST.length] ?? 'Ana';
        const l = i % 17 === 0 ? null : (LAST[(i * 7) % LAST.length] ?? 'Popescu');
        ids.push(newId());
        // One contact per second, oldest first, so the default order (created_at desc) has real work to do.
        at.push(new Date(now - (spec.contacts - i) * 1_000));
        first.push(f);
        last.push(l);
        email.push(i % 10 === 9 ? null : `${f}.${l ?? 'x'}.${i}@customers.example.com`.toLowerCase().normalize('NFKD').replace(/[^\x20-\x7e]/g, ''));
        phone.push(i % 4 === 3 ? null : `+4915${String(10_000_000 + i).padStart(9, '0')}`);
        company.push(i % spec.companyEvery === 0 && companyIds.length > 0 ? (companyIds[i % companyIds.length] ?? null) : null);
      }
      await client.query(
        `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, last_name, email, phone, customer_id, tags, custom_fields)
         select $1, c.id, c.at, c.at, c.first, c.last, c.email, c.phone, c.customer, '{}', '{}'
         from unnest($2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[])
           as c(id, at, first, last, email, phone, customer)`,
        [spec.tenantId, ids, at, first, last, email, phone, company],
      );
    }
    await client.query('COMMIT');
    // Steady state before measuring: statistics and the visibility map (index-only counts), and no
    // autovacuum pass waking up in the middle of a measured window because of the bulk insert.
    await client.query('vacuum (analyze) crm_customers, crm_contacts');
  });
}

export async function serverInfo(ownerUrl: string): Promise<string> {
  return withClient(ownerUrl, async (client) => {
    const rows = await client.query<{ v: string }>('select current_setting($1) as v', ['server_version']);
    return rows.rows[0]?.v ?? 'unknown';
  });
}
