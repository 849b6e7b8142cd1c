import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ormConfig } from '../../api/src/platform/database/orm.config.js';

/**
 * Migrations that reshape data are run over data written by the schema before them: a database
 * migrated up to the migration before, filled as that version of Kontor filled it, then migrated on.
 */
describe('companies become customers without losing anything (Migration20261123044500)', () => {
  const database = `kontor_migration_${process.pid}_${Date.now()}`;
  let admin: pg.Client;
  let db: pg.Client;
  let orm: MikroORM;
  const tenant = randomUUID();
  const acme = randomUUID();
  const [ana, ion, lone] = [randomUUID(), randomUUID(), randomUUID()];
  const [task, call] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    const ownerUrl = new URL(inject('ownerUrl'));
    admin = new pg.Client({ connectionString: ownerUrl.toString() });
    await admin.connect();
    await admin.query(`create database ${database}`);
    ownerUrl.pathname = `/${database}`;
    orm = await MikroORM.init(ormConfig({ url: ownerUrl.toString(), poolMax: 1 }));
    await orm.getMigrator().up({ to: 'Migration20261123035149' });
    db = new pg.Client({ connectionString: ownerUrl.toString() });
    await db.connect();
    await db.query(`insert into tenants (id, name, created_at) values ($1, 'Old tenant', now())`, [tenant]);
    await db.query(`insert into crm_companies (tenant_id, id, created_at, updated_at, name, domain, email, phone) values ($1, $2, now(), now(), 'Acme SRL', 'acme.ro', 'office@acme.ro', '+40212345678')`, [tenant, acme]);
    const person = `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, email, phone, job_title, company_id) values ($1, $2, now(), now(), $3, $4, $5, $6, $7)`;
    await db.query(person, [tenant, ana, 'Ana', 'ana@acme.ro', '+40721000001', ' Buyer ', acme]);
    await db.query(person, [tenant, ion, 'Ion', null, '+40721000002', 'buyer', acme]);
    await db.query(person, [tenant, lone, 'Lone', 'lone@example.test', null, null, null]);
    await db.query(`insert into crm_tasks (tenant_id, id, created_at, updated_at, title, subject_type, subject_id) values ($1, $2, now(), now(), 'Renew', 'COMPANY', $3)`, [tenant, task, acme]);
    await db.query(`insert into crm_interactions (tenant_id, id, created_at, updated_at, kind, direction, occurred_at, contact_id, company_id) values ($1, $2, now(), now(), 'CALL', 'OUTBOUND', now(), $3, $4)`, [tenant, call, ana, acme]);
    await db.query(`insert into tenant_feature_options (tenant_id, key, enabled, updated_at) values ($1, 'CRM.companies', false, now())`, [tenant]);
    await orm.getMigrator().up();
  });
  afterAll(async () => {
    await db?.end();
    await orm?.close(true);
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('keeps every company as an organization customer with the same id and fields', async () => {
    const rows = (await db.query(`select id, kind, name, lifecycle_stage, domain, email, phone, tags from crm_customers where tenant_id = $1`, [tenant])).rows;
    expect(rows).toEqual([{ id: acme, kind: 'ORGANIZATION', name: 'Acme SRL', lifecycle_stage: 'LEAD', domain: 'acme.ro', email: 'office@acme.ro', phone: '+40212345678', tags: [] }]);
  });

  it('keeps people at their customer; job titles become one position per title (ignoring case and spaces)', async () => {
    const positions = (await db.query<{ id: string; name: string }>(`select id, name from crm_positions where tenant_id = $1`, [tenant])).rows;
    expect(positions).toHaveLength(1);
    expect(['Buyer', 'buyer']).toContain(positions[0]?.name);
    const people = (await db.query(`select id, customer_id, position_id, email, phone, email_consent, sms_consent from crm_contacts where tenant_id = $1 order by first_name`, [tenant])).rows;
    const buyer = positions[0]?.id;
    expect(people).toEqual([
      { id: ana, customer_id: acme, position_id: buyer, email: 'ana@acme.ro', phone: '+40721000001', email_consent: 'UNKNOWN', sms_consent: 'UNKNOWN' },
      { id: ion, customer_id: acme, position_id: buyer, email: null, phone: '+40721000002', email_consent: 'UNKNOWN', sms_consent: 'UNKNOWN' },
      { id: lone, customer_id: null, position_id: null, email: 'lone@example.test', phone: null, email_consent: 'UNKNOWN', sms_consent: 'UNKNOWN' },
    ]);
  });

  it("makes each person's email and phone their first contact points", async () => {
    const points = (await db.query(`select contact_id, channel, type, value, rank from crm_contact_points where tenant_id = $1 order by value`, [tenant])).rows;
    expect(points).toEqual([
      { contact_id: ana, channel: 'PHONE', type: 'WORK', value: '+40721000001', rank: 0 },
      { contact_id: ion, channel: 'PHONE', type: 'WORK', value: '+40721000002', rank: 0 },
      { contact_id: ana, channel: 'EMAIL', type: 'WORK', value: 'ana@acme.ro', rank: 0 },
      { contact_id: lone, channel: 'EMAIL', type: 'WORK', value: 'lone@example.test', rank: 0 },
    ]);
  });

  it('keeps tasks and interactions about the company on the customer, and drops the old switch', async () => {
    expect((await db.query(`select subject_type, subject_id from crm_tasks where id = $1`, [task])).rows).toEqual([{ subject_type: 'CUSTOMER', subject_id: acme }]);
    expect((await db.query(`select contact_id, customer_id from crm_interactions where id = $1`, [call])).rows).toEqual([{ contact_id: ana, customer_id: acme }]);
    expect((await db.query(`select key from tenant_feature_options where tenant_id = $1`, [tenant])).rows).toEqual([]);
  });
});
