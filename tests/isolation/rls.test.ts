/**
 * The database layer alone: raw SQL as the application role, with no WHERE clause and no ORM
 * filter, sees one tenant only, and cannot write into another; the composite keys refuse a
 * reference across tenants even for the owner, who bypasses row-level security.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sendTaskReminder } from '../../api/src/crm/task-reminder.service.js';
import { applySmsKeyword } from '../../api/src/marketing/sms-inbound.service.js';
import { trackOpen } from '../../api/src/marketing/tracking.service.js';
import { APP_ROLE, appUrlFor } from '../../infra/database.js';
import { ok, signUp, startKontor, uniqueEmail, type Kontor, type SignedUp } from '../support/harness.js';
import { str, uuidOf } from './isolation-cases.js';

/** Every tenant table of the platform and the CRM, memberships included. */
const TENANT_TABLES = [
  'tenant_settings',
  'tenant_modules',
  'tenant_feature_options',
  'invitations',
  'api_keys',
  'crm_customers',
  'crm_contacts',
  'crm_positions',
  'crm_contact_points',
  'crm_consent_events',
  'crm_counterparties',
  'crm_custom_fields',
  'crm_segments',
  'crm_pipelines',
  'crm_pipeline_stages',
  'crm_deals',
  'crm_deal_stage_changes',
  'crm_marketing_events',
  'crm_event_attendances',
  'crm_tasks',
  'crm_interactions',
  'notifications',
  'memberships',
  'mkt_lists',
  'mkt_list_members',
  'mkt_suppressions',
  'mkt_templates',
  'mkt_campaigns',
  'mkt_deliveries',
  'mkt_delivery_events',
] as const;
type TenantTable = (typeof TENANT_TABLES)[number];

/** Platform tables: no RLS by design (sessions carries a tenant_id but is looked up by token hash). */
const PLATFORM_TABLES_WITH_TENANT_ID = ['sessions'];

interface TenantRows {
  tenant: string;
  owner: string;
  customer: string;
  contact: string;
  position: string;
  counterparty: string;
  customField: string;
  segment: string;
  deal: string;
  event: string;
  apiKey: string;
  invitation: string;
  task: string;
  interaction: string;
  notification: string;
  list: string;
  suppression: string;
  template: string;
  campaign: string;
  delivery: string;
}

interface SqlFailure {
  code: string;
  message: string;
  constraint: string | undefined;
}

let kontor: Kontor;
let app: pg.Client;
let owner: pg.Client;
let a: TenantRows;
let b: TenantRows;

/**
 * Creates a customer with a counterparty, a position, a contact of the customer holding it (with an
 * email address, a phone number and a consent), an API key, an invitation, a task about the contact and
 * a call with the contact through GraphQL, and the task's reminder (a notification for the owner)
 * through the reminder service.
 */
async function seedTenant(signedUp: SignedUp, tag: string): Promise<TenantRows> {
  const token = signedUp.token;
  const customer = str(ok(await kontor.gql(`mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, { input: { name: `${tag} Firm` } }, token)), 'createCustomer', 'id');
  const counterparty = str(
    ok(await kontor.gql(`mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }`, { input: { customerId: customer, legalName: `${tag} Firm SRL`, taxId: `RO${tag.length}1` } }, token)),
    'createCounterparty',
    'id',
  );
  const position = str(ok(await kontor.gql(`mutation($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, { input: { name: `${tag} Buyer` } }, token)), 'createPosition', 'id');
  const customField = str(
    ok(await kontor.gql(`mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { id } }`, { input: { entity: 'CONTACT', key: 'shoe_size', label: `${tag} size`, type: 'NUMBER' } }, token)),
    'createCustomField',
    'id',
  );
  const segment = str(
    ok(await kontor.gql(`mutation($input: CreateSegmentInput!) { createSegment(input: $input) { id } }`, { input: { name: `${tag} segment`, entity: 'CONTACT', contactFilter: { hasEmail: true } } }, token)),
    'createSegment',
    'id',
  );
  const contact = str(
    ok(
      await kontor.gql(
        `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`,
        { input: { firstName: tag, lastName: 'Contact', customerId: customer, positionId: position, email: `${tag.toLowerCase()}@example.test`, phone: '+40721000111', emailConsent: 'GRANTED', consentSource: 'web form' } },
        token,
      ),
    ),
    'createContact',
    'id',
  );
  const event = str(ok(await kontor.gql(`mutation($input: CreateMarketingEventInput!) { createMarketingEvent(input: $input) { id } }`, { input: { name: `${tag} fair`, kind: 'EXHIBITION', startsOn: '2026-03-01' } }, token)), 'createMarketingEvent', 'id');
  // In the company's default pipeline: a deal, its first stage change, and that pipeline's rows.
  const deal = str(ok(await kontor.gql(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, { input: { title: `${tag} deal`, customerId: customer } }, token)), 'createDeal', 'id');
  ok(await kontor.gql(`mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered } }`, { input: { eventId: event, contactIds: [contact] } }, token));
  const apiKey = str(
    ok(await kontor.gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`, { input: { name: `${tag} key`, modules: ['CRM'], access: 'READ' } }, token)),
    'createApiKey',
    'apiKey',
    'id',
  );
  const invitation = str(
    ok(await kontor.gql(`mutation($input: InviteUserInput!) { inviteUser(input: $input) { id } }`, { input: { email: uniqueEmail(`invitee-${tag}`), role: 'VIEWER' } }, token)),
    'inviteUser',
    'id',
  );
  // Due far ahead: the reminder is sent here directly, as the worker would at the due time.
  const dueAt = '2099-01-01T00:00:00.000Z';
  const task = str(
    ok(await kontor.gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: `${tag} task`, dueAt, subjectType: 'CONTACT', subjectId: contact } }, token)),
    'createTask',
    'id',
  );
  const interaction = str(
    ok(await kontor.gql(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'CALL', direction: 'INBOUND', subject: `${tag} call`, contactId: contact } }, token)),
    'logInteraction',
    'id',
  );
  const tenant = uuidOf(signedUp.tenantId, 'Tenant');
  const sent = await sendTaskReminder(kontor.app, { tenantId: tenant, taskId: uuidOf(task, 'Task'), dueAt }, false);
  if (sent !== 'sent') throw new Error(`the reminder was ${sent}`);
  const notification = str(ok(await kontor.gql(`{ notifications(first: 1) { edges { node { id } } } }`, {}, token)), 'notifications', 'edges', 0, 'node', 'id');
  // Marketing: a subscription list with the contact on it, and the contact's number suppressed by an SMS STOP.
  const list = str(ok(await kontor.gql(`mutation($input: CreateSubscriptionListInput!) { createSubscriptionList(input: $input) { id } }`, { input: { name: `${tag} news` } }, token)), 'createSubscriptionList', 'id');
  ok(await kontor.gql(`mutation($input: ListMembersInput!) { addListMembers(input: $input) { added } }`, { input: { listId: list, contactIds: [contact] } }, token));
  await applySmsKeyword(kontor.app, 'rls-seed', tenant, '+40721000111', 'STOP');
  const suppression = (await owner.query<{ id: string }>(`select id from mkt_suppressions where tenant_id = $1`, [tenant])).rows[0]?.id ?? '';
  // A template, and a campaign of it to the segment and the list, sent: its delivery (the contact), opened (a delivery event).
  const template = str(
    ok(await kontor.gql(`mutation($input: CreateCampaignTemplateInput!) { createCampaignTemplate(input: $input) { id } }`, { input: { name: `${tag} mail`, channel: 'EMAIL', subject: `${tag} news`, html: '<p>News</p>' } }, token)),
    'createCampaignTemplate',
    'id',
  );
  const campaign = str(
    ok(
      await kontor.gql(
        `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id } }`,
        { input: { name: `${tag} campaign`, channel: 'EMAIL', templateId: template, audience: { segmentIds: [segment], listIds: [list] } } },
        token,
      ),
    ),
    'createCampaign',
    'id',
  );
  ok(await kontor.gql(`mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { id } }`, { input: { id: campaign } }, token));
  // No worker runs here: the message "leaves" as the dispatcher would record it, then its pixel is loaded.
  const delivery = (
    await owner.query<{ id: string }>(`update mkt_deliveries set status = 'SENT', sent_at = now(), claimed_at = now() where tenant_id = $1 and campaign_id = $2 returning id`, [tenant, uuidOf(campaign, 'Campaign')])
  ).rows[0]?.id ?? '';
  if (!(await trackOpen(kontor.app, { tenantId: tenant, deliveryId: delivery }, 'rls-seed'))) throw new Error('the open was not recorded');
  return {
    tenant,
    owner: uuidOf(signedUp.userId, 'User'),
    customer: uuidOf(customer, 'Customer'),
    contact: uuidOf(contact, 'Contact'),
    position: uuidOf(position, 'Position'),
    counterparty: uuidOf(counterparty, 'Counterparty'),
    customField: uuidOf(customField, 'CustomField'),
    segment: uuidOf(segment, 'Segment'),
    deal: uuidOf(deal, 'Deal'),
    event: uuidOf(event, 'MarketingEvent'),
    apiKey: uuidOf(apiKey, 'ApiKey'),
    invitation: uuidOf(invitation, 'Invitation'),
    task: uuidOf(task, 'Task'),
    interaction: uuidOf(interaction, 'Interaction'),
    notification: uuidOf(notification, 'Notification'),
    list: uuidOf(list, 'SubscriptionList'),
    suppression,
    template: uuidOf(template, 'CampaignTemplate'),
    campaign: uuidOf(campaign, 'Campaign'),
    delivery,
  };
}

/** Runs `fn` in a transaction of `client` scoped to a tenant (and user), always rolled back. */
async function inTenant<T>(client: pg.Client, tenantId: string, fn: () => Promise<T>, userId = ''): Promise<T> {
  await client.query('begin');
  try {
    await client.query(`select set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [tenantId, userId]);
    return await fn();
  } finally {
    await client.query('rollback');
  }
}

/**
 * The statement must fail; returns the PostgreSQL error. Call inside a transaction: the statement
 * runs in a savepoint, so the transaction goes on after it.
 */
async function failure(client: pg.Client, sql: string, params: unknown[] = []): Promise<SqlFailure> {
  await client.query('savepoint probe');
  try {
    await client.query(sql, params);
  } catch (error) {
    await client.query('rollback to savepoint probe');
    if (error instanceof pg.DatabaseError) return { code: error.code ?? '', message: error.message, constraint: error.constraint };
    throw error;
  }
  await client.query('release savepoint probe');
  throw new Error(`expected to fail: ${sql}`);
}

/** `text` as a literal inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rows of a table seen by the owner for one tenant: the truth to compare the app role's view with. */
async function ownerCount(table: TenantTable, tenantId: string): Promise<number> {
  const rows = (await owner.query<{ n: number }>(`select count(*)::int as n from ${table} where tenant_id = $1`, [tenantId])).rows;
  return rows[0]?.n ?? -1;
}

/** A valid row of each tenant table for `tenantId`, so the only possible refusal is the policy's. */
function insertRow(table: TenantTable, tenantId: string, userId: string): { sql: string; params: unknown[] } {
  switch (table) {
    case 'tenant_settings':
      return { sql: `insert into tenant_settings (tenant_id, updated_at) values ($1, now())`, params: [tenantId] };
    case 'tenant_modules':
      return { sql: `insert into tenant_modules (tenant_id, key, enabled, updated_at) values ($1, $2, true, now())`, params: [tenantId, `TEST_${randomUUID()}`] };
    case 'tenant_feature_options':
      return { sql: `insert into tenant_feature_options (tenant_id, key, enabled, updated_at) values ($1, $2, true, now())`, params: [tenantId, `TEST.${randomUUID()}`] };
    case 'invitations':
      return {
        sql: `insert into invitations (tenant_id, id, created_at, updated_at, email, role, token_hash, invited_by_user_id, expires_at)
              values ($1, gen_random_uuid(), now(), now(), 'intruder@example.test', 'OWNER', $2, $3, now() + interval '1 day')`,
        params: [tenantId, randomUUID(), userId],
      };
    case 'api_keys':
      return {
        sql: `insert into api_keys (tenant_id, id, created_at, updated_at, name, secret_hash, prefix, modules, access, created_by_user_id)
              values ($1, gen_random_uuid(), now(), now(), 'intruder', 'x', 'ktk_x', '{CRM}', 'READ_WRITE', $2)`,
        params: [tenantId, userId],
      };
    case 'crm_customers':
      return { sql: `insert into crm_customers (tenant_id, id, created_at, updated_at, name, tags, custom_fields) values ($1, gen_random_uuid(), now(), now(), 'Intruder', '{}', '{}')`, params: [tenantId] };
    case 'crm_contacts':
      return { sql: `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, tags, custom_fields) values ($1, gen_random_uuid(), now(), now(), 'Intruder', '{}', '{}')`, params: [tenantId] };
    case 'crm_positions':
      return { sql: `insert into crm_positions (tenant_id, id, created_at, updated_at, name) values ($1, gen_random_uuid(), now(), now(), $2)`, params: [tenantId, `Intruder ${randomUUID()}`] };
    case 'crm_contact_points':
      // References are deferred and the transaction is rolled back: the policy alone decides.
      return {
        sql: `insert into crm_contact_points (tenant_id, id, created_at, updated_at, contact_id, channel, type, value, rank)
              values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), 'EMAIL', 'WORK', 'intruder@example.test', 9)`,
        params: [tenantId],
      };
    case 'crm_consent_events':
      return {
        sql: `insert into crm_consent_events (tenant_id, id, created_at, updated_at, contact_id, channel, status, source, occurred_at)
              values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), 'SMS', 'DENIED', 'intruder', now())`,
        params: [tenantId],
      };
    case 'crm_custom_fields':
      return {
        sql: `insert into crm_custom_fields (tenant_id, id, created_at, updated_at, entity, key, label, type, options) values ($1, gen_random_uuid(), now(), now(), 'CONTACT', $2, 'Intruder', 'TEXT', '[]')`,
        params: [tenantId, `intruder_${randomUUID().slice(0, 8)}`],
      };
    // References are deferred and each probe is rolled back: random ids stand for the referenced rows.
    case 'crm_pipelines':
      return { sql: `insert into crm_pipelines (tenant_id, id, created_at, updated_at, name, position) values ($1, gen_random_uuid(), now(), now(), $2, 99)`, params: [tenantId, `Intruder ${randomUUID()}`] };
    case 'crm_pipeline_stages':
      return {
        sql: `insert into crm_pipeline_stages (tenant_id, id, created_at, updated_at, pipeline_id, name, position, probability) values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), 'Intruder', 99, 10)`,
        params: [tenantId],
      };
    case 'crm_deals':
      return {
        sql: `insert into crm_deals (tenant_id, id, created_at, updated_at, title, customer_id, pipeline_id, stage_id, position, stage_entered_at, last_activity_at, custom_fields)
              values ($1, gen_random_uuid(), now(), now(), 'Intruder', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 0, now(), now(), '{}')`,
        params: [tenantId],
      };
    case 'crm_deal_stage_changes':
      return {
        sql: `insert into crm_deal_stage_changes (tenant_id, id, created_at, updated_at, deal_id, kind, to_stage_name, status_after, changed_at) values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), 'CREATED', 'Intruder', 'OPEN', now())`,
        params: [tenantId],
      };
    case 'crm_marketing_events':
      return { sql: `insert into crm_marketing_events (tenant_id, id, created_at, updated_at, name, kind, starts_on) values ($1, gen_random_uuid(), now(), now(), 'Intruder', 'OTHER', current_date)`, params: [tenantId] };
    case 'crm_event_attendances':
      return {
        sql: `insert into crm_event_attendances (tenant_id, id, created_at, updated_at, event_id, contact_id) values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), gen_random_uuid())`,
        params: [tenantId],
      };
    case 'crm_segments':
      return { sql: `insert into crm_segments (tenant_id, id, created_at, updated_at, name, entity, filter) values ($1, gen_random_uuid(), now(), now(), 'Intruder', 'CONTACT', '{}')`, params: [tenantId] };
    case 'crm_counterparties':
      return {
        sql: `insert into crm_counterparties (tenant_id, id, created_at, updated_at, customer_id, legal_name, bank_accounts)
              values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), 'Intruder SRL', '[]')`,
        params: [tenantId],
      };
    case 'crm_tasks':
      return {
        sql: `insert into crm_tasks (tenant_id, id, created_at, updated_at, title, assignee_id, created_by_id, due_at) values ($1, gen_random_uuid(), now(), now(), 'Intruder', $2, $2, now())`,
        params: [tenantId, userId],
      };
    case 'crm_interactions':
      return {
        sql: `insert into crm_interactions (tenant_id, id, created_at, updated_at, kind, occurred_at, body, created_by_id) values ($1, gen_random_uuid(), now(), now(), 'NOTE', now(), 'Intruder', $2)`,
        params: [tenantId, userId],
      };
    case 'notifications':
      return {
        sql: `insert into notifications (tenant_id, id, created_at, updated_at, user_id, kind, params, link) values ($1, gen_random_uuid(), now(), now(), $2, 'TASK_DUE', '{"title":"Intruder"}', '/tasks')`,
        params: [tenantId, userId],
      };
    case 'memberships':
      return { sql: `insert into memberships (tenant_id, user_id, role, created_at) values ($1, $2, 'OWNER', now())`, params: [tenantId, userId] };
    case 'mkt_lists':
      return { sql: `insert into mkt_lists (tenant_id, id, created_at, updated_at, name, double_opt_in, form_token) values ($1, gen_random_uuid(), now(), now(), 'Intruder', true, $2)`, params: [tenantId, randomUUID()] };
    case 'mkt_list_members':
      return {
        sql: `insert into mkt_list_members (tenant_id, id, created_at, updated_at, list_id, contact_id, status, source) values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), gen_random_uuid(), 'SUBSCRIBED', 'intruder')`,
        params: [tenantId],
      };
    case 'mkt_suppressions':
      return {
        sql: `insert into mkt_suppressions (tenant_id, id, created_at, updated_at, channel, address, reason, source) values ($1, gen_random_uuid(), now(), now(), 'EMAIL', $2, 'MANUAL', 'intruder')`,
        params: [tenantId, `${randomUUID()}@example.test`],
      };
    case 'mkt_templates':
      return { sql: `insert into mkt_templates (tenant_id, id, created_at, updated_at, name, channel, text) values ($1, gen_random_uuid(), now(), now(), 'Intruder', 'SMS', 'Intruder')`, params: [tenantId] };
    case 'mkt_campaigns':
      return {
        sql: `insert into mkt_campaigns (tenant_id, id, created_at, updated_at, name, channel, template_id, segment_ids, list_ids) values ($1, gen_random_uuid(), now(), now(), 'Intruder', 'EMAIL', gen_random_uuid(), '{}', '{}')`,
        params: [tenantId],
      };
    case 'mkt_deliveries':
      return {
        sql: `insert into mkt_deliveries (tenant_id, id, created_at, updated_at, campaign_id, contact_id, channel, address, status) values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), gen_random_uuid(), 'EMAIL', 'intruder@example.test', 'QUEUED')`,
        params: [tenantId],
      };
    case 'mkt_delivery_events':
      return {
        sql: `insert into mkt_delivery_events (tenant_id, id, created_at, updated_at, delivery_id, campaign_id, kind, occurred_at) values ($1, gen_random_uuid(), now(), now(), gen_random_uuid(), gen_random_uuid(), 'OPENED', now())`,
        params: [tenantId],
      };
  }
}

beforeAll(async () => {
  kontor = await startKontor({ workers: false });
  const ownerUrl = inject('ownerUrl');
  app = new pg.Client({ connectionString: appUrlFor(ownerUrl, inject('appRolePassword')) });
  owner = new pg.Client({ connectionString: ownerUrl });
  await app.connect();
  await owner.connect();
  const tenantA: SignedUp = await signUp(kontor, { companyName: 'RLS tenant A', modules: ['CRM', 'MARKETING'] });
  const tenantB: SignedUp = await signUp(kontor, { companyName: 'RLS tenant B', modules: ['CRM', 'MARKETING'] });
  a = await seedTenant(tenantA, 'Alpha');
  b = await seedTenant(tenantB, 'Beta');
});

afterAll(async () => {
  await app.end();
  await owner.end();
  await kontor.close();
});

describe('the application role', () => {
  it('is not a superuser, cannot bypass RLS, owns nothing and belongs to no other role', async () => {
    const me = (await app.query<{ user: string; super: boolean; bypass: boolean; createrole: boolean }>(
      `select current_user as user, rolsuper as super, rolbypassrls as bypass, rolcreaterole as createrole from pg_roles where rolname = current_user`,
    )).rows;
    expect(me).toEqual([{ user: APP_ROLE, super: false, bypass: false, createrole: false }]);
    expect((await app.query(`select schemaname, tablename from pg_tables where tableowner = current_user`)).rows).toEqual([]);
    // Sequences, views, types' tables: nothing at all in pg_class, and not the database either.
    expect((await app.query(`select relname from pg_class where relowner = (select oid from pg_roles where rolname = current_user)`)).rows).toEqual([]);
    expect((await app.query(`select 1 from pg_database where datname = current_database() and datdba = (select oid from pg_roles where rolname = current_user)`)).rows).toEqual([]);
    // Membership in another role (say the owner) would let it `set role` around RLS.
    expect((await app.query(`select roleid::regrole::text from pg_auth_members where member = (select oid from pg_roles where rolname = current_user)`)).rows).toEqual([]);
    // The owner, by contrast, is what bypasses RLS below.
    expect((await owner.query<{ ok: boolean }>(`select rolsuper or rolbypassrls as ok from pg_roles where rolname = current_user`)).rows).toEqual([{ ok: true }]);
  });

  it('cannot switch RLS off, drop a policy, become another role or read the migrations table', async () => {
    await app.query('begin');
    try {
      expect((await failure(app, `alter table crm_contacts disable row level security`)).code).toBe('42501');
      expect((await failure(app, `drop policy crm_contacts_tenant_isolation on crm_contacts`)).code).toBe('42501');
      expect((await failure(app, `set role postgres`)).code).toBe('42501');
      expect((await failure(app, `select * from mikro_orm_migrations`)).code).toBe('42501');
    } finally {
      await app.query('rollback');
    }
    // row_security = off does not lift the policies for a role without BYPASSRLS: the query is refused instead.
    await inTenant(app, b.tenant, async () => {
      await app.query('set local row_security = off');
      const refused = await failure(app, `select * from crm_contacts`);
      expect(refused.code).toBe('42501');
      expect(refused.message).toMatch(/row-level security/);
    });
  });
});

describe('the schema', () => {
  it('has RLS on every table with a tenant_id (platform tables aside), with policies keyed on app.tenant_id', async () => {
    const withTenantId = (await owner.query<{ table: string }>(
      `select table_name as table from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by 1`,
    )).rows.map((r) => r.table);
    const tenantTables = withTenantId.filter((t) => !PLATFORM_TABLES_WITH_TENANT_ID.includes(t));
    expect(tenantTables).toEqual(expect.arrayContaining([...TENANT_TABLES]));
    const rls = (await owner.query<{ table: string; enabled: boolean }>(
      `select relname as table, relrowsecurity as enabled from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' and relname = any($1)`,
      [tenantTables],
    )).rows;
    expect(rls.filter((r) => !r.enabled).map((r) => r.table)).toEqual([]);
    expect(rls).toHaveLength(tenantTables.length);
    const policies = (await owner.query<{ table: string; permissive: string; cmd: string; qual: string | null; check: string | null }>(
      `select tablename as table, permissive, cmd, qual, with_check as check from pg_policies where schemaname = 'public' and tablename = any($1)`,
      [tenantTables],
    )).rows;
    const TENANT = `current_setting('app.tenant_id'::text, true)`;
    const USER = `current_setting('app.user_id'::text, true)`;
    for (const table of tenantTables) {
      const own = policies.filter((p) => p.table === table);
      // Writes are governed by a policy keyed on the tenant.
      expect(own.filter((p) => p.cmd === 'ALL').length, `${table} has a policy for all commands`).toBeGreaterThan(0);
      for (const policy of own) {
        // A restrictive policy only narrows what the tenant policy allows (roles limited to their own records).
        if (policy.permissive === 'RESTRICTIVE') {
          expect(policy.cmd, `${table} restrictive policy`).toBe('SELECT');
          continue;
        }
        if (policy.cmd === 'SELECT') {
          // A read-only policy may open a user's own rows (memberships), never anything unconditional.
          expect(`${policy.qual ?? ''}`, `${table} SELECT USING`).toMatch(new RegExp(`${escape(TENANT)}|${escape(USER)}`));
          continue;
        }
        expect(policy.qual, `${table} USING`).toContain(TENANT);
        // Written rows must name the current tenant: never the user branch of the memberships policy.
        expect(policy.check, `${table} WITH CHECK`).toContain(TENANT);
        expect(policy.check, `${table} WITH CHECK`).not.toContain('app.user_id');
      }
    }
  });

  it('keys every tenant table by tenant_id, and every reference between tenant tables carries tenant_id', async () => {
    const tenantTables = [...TENANT_TABLES] as string[];
    const constraints = (await owner.query<{ name: string; type: string; table: string; ref: string | null; cols: string[]; refCols: string[] }>(
      `select c.conname as name, c.contype::text as type, t.relname as table, r.relname as ref,
              array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as cols,
              array(select a.attname::text from unnest(coalesce(c.confkey, '{}')) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as "refCols"
         from pg_constraint c join pg_class t on t.oid = c.conrelid left join pg_class r on r.oid = c.confrelid
        where t.relnamespace = 'public'::regnamespace and c.contype in ('p', 'u', 'f') and t.relname = any($1)`,
      [tenantTables],
    )).rows;
    const keys = constraints.filter((c) => c.type === 'p' || c.type === 'u');
    expect(keys.filter((c) => c.type === 'p').map((c) => c.table).sort()).toEqual([...tenantTables].sort());
    for (const key of keys) expect(key.cols, key.name).toContain('tenant_id');
    const crossReferences = constraints.filter((c) => c.type === 'f' && c.ref !== null && tenantTables.includes(c.ref));
    expect(crossReferences.map((c) => c.name)).toEqual(expect.arrayContaining(['crm_contacts_tenant_id_customer_id_foreign', 'crm_contacts_position_foreign', 'crm_contact_points_contact_foreign', 'crm_counterparties_customer_foreign']));
    for (const fk of crossReferences) {
      const at = fk.cols.indexOf('tenant_id');
      expect(at, fk.name).toBeGreaterThanOrEqual(0);
      expect(fk.refCols[at], fk.name).toBe('tenant_id');
    }
  });
});

describe("inside tenant B's transaction", () => {
  it.each(TENANT_TABLES)("SELECT * FROM %s shows B's rows, all of them, and none of A's", async (table) => {
    const [bTotal, aTotal] = [await ownerCount(table, b.tenant), await ownerCount(table, a.tenant)];
    // Both tenants have rows here, so a leak would show.
    expect(bTotal).toBeGreaterThan(0);
    expect(aTotal).toBeGreaterThan(0);
    const rows = await inTenant(app, b.tenant, async () => (await app.query<Record<string, unknown>>(`select * from ${table}`)).rows);
    expect(rows).toHaveLength(bTotal);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([b.tenant]));
    const aIds = new Set(Object.values(a));
    for (const row of rows) {
      for (const column of ['id', 'user_id', 'customer_id', 'position_id', 'created_by_user_id', 'invited_by_user_id', 'assignee_id', 'created_by_id', 'subject_id', 'contact_id', 'list_id', 'template_id', 'campaign_id', 'delivery_id']) {
        if (column in row) expect(aIds.has(String(row[column])), `${table}.${column}`).toBe(false);
      }
    }
    // Asking for A by name changes nothing.
    const named = await inTenant(app, b.tenant, async () => (await app.query(`select * from ${table} where tenant_id = $1`, [a.tenant])).rows);
    expect(named).toEqual([]);
  });

  it("memberships: with B's owner as app.user_id, only B's memberships appear", async () => {
    const rows = await inTenant(app, b.tenant, async () => (await app.query<{ tenant_id: string; user_id: string }>(`select tenant_id, user_id from memberships`)).rows, b.owner);
    expect(rows).toEqual([{ tenant_id: b.tenant, user_id: b.owner }]);
  });

  it.each(TENANT_TABLES)("an INSERT into %s carrying A's tenant_id is refused by the policy; B's own is accepted", async (table) => {
    await inTenant(
      app,
      b.tenant,
      async () => {
        const theirs = insertRow(table, a.tenant, table === 'memberships' ? b.owner : a.owner);
        const refused = await failure(app, theirs.sql, theirs.params);
        expect(refused.code).toBe('42501');
        expect(refused.message).toMatch(/row-level security policy/);
        // B's one settings row exists already; every other table takes a row of B.
        if (table !== 'tenant_settings') {
          const own = insertRow(table, b.tenant, table === 'memberships' ? a.owner : b.owner);
          expect((await app.query(own.sql, own.params)).rowCount).toBe(1);
        }
      },
      b.owner,
    );
  });

  it("UPDATE and DELETE aimed at A's ids affect 0 rows, while B's own are affected", async () => {
    const targets: [TenantTable, string, string, string][] = [
      ['crm_contacts', 'id', a.contact, b.contact],
      ['crm_customers', 'id', a.customer, b.customer],
      ['crm_positions', 'id', a.position, b.position],
      ['crm_counterparties', 'id', a.counterparty, b.counterparty],
      ['crm_custom_fields', 'id', a.customField, b.customField],
      ['crm_segments', 'id', a.segment, b.segment],
      ['crm_deals', 'id', a.deal, b.deal],
      ['crm_deal_stage_changes', 'deal_id', a.deal, b.deal],
      ['crm_marketing_events', 'id', a.event, b.event],
      ['crm_event_attendances', 'event_id', a.event, b.event],
      ['crm_contact_points', 'contact_id', a.contact, b.contact],
      ['crm_consent_events', 'contact_id', a.contact, b.contact],
      ['api_keys', 'id', a.apiKey, b.apiKey],
      ['invitations', 'id', a.invitation, b.invitation],
      ['crm_tasks', 'id', a.task, b.task],
      ['crm_interactions', 'id', a.interaction, b.interaction],
      ['notifications', 'id', a.notification, b.notification],
      ['memberships', 'user_id', a.owner, b.owner],
      ['mkt_lists', 'id', a.list, b.list],
      ['mkt_list_members', 'list_id', a.list, b.list],
      ['mkt_suppressions', 'id', a.suppression, b.suppression],
      ['mkt_templates', 'id', a.template, b.template],
      ['mkt_campaigns', 'id', a.campaign, b.campaign],
      ['mkt_deliveries', 'id', a.delivery, b.delivery],
      ['mkt_delivery_events', 'delivery_id', a.delivery, b.delivery],
    ];
    await inTenant(app, b.tenant, async () => {
      for (const [table, column, theirs, own] of targets) {
        expect((await app.query(`update ${table} set created_at = created_at where ${column} = $1`, [theirs])).rowCount, `update ${table}`).toBe(0);
        expect((await app.query(`delete from ${table} where ${column} = $1`, [theirs])).rowCount, `delete ${table}`).toBe(0);
        expect((await app.query(`update ${table} set created_at = created_at where ${column} = $1`, [own])).rowCount, `control ${table}`).toBeGreaterThan(0);
      }
      for (const table of TENANT_TABLES) {
        expect((await app.query(`delete from ${table} where tenant_id = $1`, [a.tenant])).rowCount, `delete ${table}`).toBe(0);
      }
      // Moving one's own row into A is refused by WITH CHECK.
      expect((await failure(app, `update crm_contacts set tenant_id = $1 where id = $2`, [a.tenant, b.contact])).code).toBe('42501');
    });
    // And A still has everything.
    for (const [table, column, theirs] of targets) {
      expect((await owner.query(`select 1 from ${table} where tenant_id = $1 and ${column} = $2`, [a.tenant, theirs])).rowCount, table).toBeGreaterThan(0);
    }
  });
});

describe('a person who belongs to two tenants, acting in B', () => {
  let person: { user: string; inA: string; inB: string };
  beforeAll(async () => {
    // A signed-in person adds a second company to the same account.
    const first = await signUp(kontor, { companyName: 'RLS shared A' });
    const created = await kontor.gql<{ createTenant: { tenant: { id: string } } }>(
      `mutation($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id } } }`,
      { input: { companyName: 'RLS shared B' } },
      first.token,
    );
    const secondTenant = created.data?.createTenant.tenant.id;
    if (!secondTenant) throw new Error(`createTenant failed: ${JSON.stringify(created.errors)}`);
    person = { user: uuidOf(first.userId, 'User'), inA: uuidOf(first.tenantId, 'Tenant'), inB: uuidOf(secondTenant, 'Tenant') };
  });

  it('sees their own membership elsewhere (by design, to switch) and nobody else\'s, and cannot insert or update there', async () => {
    await inTenant(
      app,
      person.inB,
      async () => {
        const rows = (await app.query<{ tenant_id: string; user_id: string }>(`select tenant_id, user_id from memberships order by tenant_id`)).rows;
        expect(rows).toEqual(expect.arrayContaining([{ tenant_id: person.inA, user_id: person.user }, { tenant_id: person.inB, user_id: person.user }]));
        expect(rows).toHaveLength(2);
        // Tenant A of the fixture exists and has an owner, who stays invisible.
        expect((await app.query(`select 1 from memberships where user_id = $1`, [a.owner])).rowCount).toBe(0);
        // Refused by WITH CHECK, or not reached at all: either way nothing changes in A.
        await app.query('savepoint probe');
        const outcome = await app.query(`update memberships set role = 'VIEWER' where tenant_id = $1 and user_id = $2`, [person.inA, person.user]).then(
          (updated) => `${updated.rowCount ?? -1} rows`,
          (error: unknown) => (error instanceof pg.DatabaseError ? `error ${error.code ?? ''}` : String(error)),
        );
        await app.query('rollback to savepoint probe');
        expect(['0 rows', 'error 42501']).toContain(outcome);
        expect((await failure(app, `insert into memberships (tenant_id, user_id, role, created_at) values ($1, $2, 'OWNER', now())`, [a.tenant, person.user])).code).toBe('42501');
      },
      person.user,
    );
  });

  // The self branch of the memberships policies is FOR SELECT only: acting in B, a statement that
  // forgets tenant_id must not reach the person's membership in A.
  it("cannot DELETE their own membership in A (a statement that forgets tenant_id must stay in B)", async () => {
    const deleted = await inTenant(
      app,
      person.inB,
      async () => (await app.query(`delete from memberships where tenant_id = $1 and user_id = $2`, [person.inA, person.user])).rowCount,
      person.user,
    );
    expect(deleted).toBe(0);
  });
});

describe('without a tenant', () => {
  it.each(TENANT_TABLES)('the application role sees no row of %s, before and after a tenant transaction', async (table) => {
    expect(await ownerCount(table, a.tenant)).toBeGreaterThan(0);
    const count = async (): Promise<number> => (await app.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? -1;
    const fresh = new pg.Client({ connectionString: appUrlFor(inject('ownerUrl'), inject('appRolePassword')) });
    await fresh.connect();
    try {
      // Never set on this connection: current_setting() is null.
      expect((await fresh.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n).toBe(0);
    } finally {
      await fresh.end();
    }
    // Set, then the transaction ended: the setting is back to '' on this pooled-style connection.
    await app.query('begin');
    await app.query(`select set_config('app.tenant_id', $1, true)`, [b.tenant]);
    expect(await count()).toBeGreaterThan(0);
    await app.query('commit');
    expect(await count()).toBe(0);
  });
});

describe('the composite foreign keys', () => {
  it("refuses, even for the owner who bypasses RLS, a contact of B pointing at A's customer", async () => {
    await owner.query('begin');
    try {
      const insert = await failure(owner, `insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, tags, custom_fields, customer_id) values ($1, gen_random_uuid(), now(), now(), 'Cross', '{}', '{}', $2)`, [b.tenant, a.customer]);
      expect(insert.code).toBe('23503');
      expect(insert.constraint).toBe('crm_contacts_tenant_id_customer_id_foreign');
      const update = await failure(owner, `update crm_contacts set customer_id = $1 where tenant_id = $2 and id = $3`, [a.customer, b.tenant, b.contact]);
      expect(update.code).toBe('23503');
      expect(update.constraint).toBe('crm_contacts_tenant_id_customer_id_foreign');
      // The same statements with B's own customer pass: only the tenant made them fail.
      expect((await owner.query(`insert into crm_contacts (tenant_id, id, created_at, updated_at, first_name, tags, custom_fields, customer_id) values ($1, gen_random_uuid(), now(), now(), 'Same', '{}', '{}', $2)`, [b.tenant, b.customer])).rowCount).toBe(1);
      expect((await owner.query(`update crm_contacts set customer_id = $1 where tenant_id = $2 and id = $3`, [b.customer, b.tenant, b.contact])).rowCount).toBe(1);
    } finally {
      await owner.query('rollback');
    }
  });

  it("refuses, even for the owner, B's rows pointing at A's position, contact, customer, list, template, campaign or delivery", async () => {
    const cases: { sql: string; theirs: unknown[]; own: unknown[]; constraint: string }[] = [
      { sql: `update crm_contacts set position_id = $1 where tenant_id = $2 and id = $3`, theirs: [a.position, b.tenant, b.contact], own: [b.position, b.tenant, b.contact], constraint: 'crm_contacts_position_foreign' },
      {
        sql: `insert into crm_contact_points (tenant_id, id, created_at, updated_at, contact_id, channel, type, value, rank) values ($1, gen_random_uuid(), now(), now(), $2, 'EMAIL', 'HOME', 'cross@example.test', 5)`,
        theirs: [b.tenant, a.contact],
        own: [b.tenant, b.contact],
        constraint: 'crm_contact_points_contact_foreign',
      },
      {
        sql: `insert into crm_consent_events (tenant_id, id, created_at, updated_at, contact_id, channel, status, source, occurred_at) values ($1, gen_random_uuid(), now(), now(), $2, 'SMS', 'DENIED', 'cross', now())`,
        theirs: [b.tenant, a.contact],
        own: [b.tenant, b.contact],
        constraint: 'crm_consent_events_contact_foreign',
      },
      {
        sql: `insert into crm_counterparties (tenant_id, id, created_at, updated_at, customer_id, legal_name, bank_accounts) values ($1, gen_random_uuid(), now(), now(), $2, 'Cross SRL', '[]')`,
        theirs: [b.tenant, a.customer],
        own: [b.tenant, b.customer],
        constraint: 'crm_counterparties_customer_foreign',
      },
      { sql: `update crm_customers set referred_by_id = $1 where tenant_id = $2 and id = $3`, theirs: [a.customer, b.tenant, b.customer], own: [null, b.tenant, b.customer], constraint: 'crm_customers_referred_by_foreign' },
      { sql: `update mkt_list_members set list_id = $1 where tenant_id = $2 and list_id = $3`, theirs: [a.list, b.tenant, b.list], own: [b.list, b.tenant, b.list], constraint: 'mkt_list_members_list_foreign' },
      { sql: `update mkt_list_members set contact_id = $1 where tenant_id = $2 and list_id = $3`, theirs: [a.contact, b.tenant, b.list], own: [b.contact, b.tenant, b.list], constraint: 'mkt_list_members_contact_foreign' },
      { sql: `update mkt_campaigns set template_id = $1 where tenant_id = $2 and id = $3`, theirs: [a.template, b.tenant, b.campaign], own: [b.template, b.tenant, b.campaign], constraint: 'mkt_campaigns_template_foreign' },
      {
        sql: `update mkt_campaigns set variant_template_id = $1, test_share_percent = 50 where tenant_id = $2 and id = $3`,
        theirs: [a.template, b.tenant, b.campaign],
        own: [b.template, b.tenant, b.campaign],
        constraint: 'mkt_campaigns_variant_template_foreign',
      },
      // A delivery (SMS: B's own email delivery of the person exists already) for A's campaign, or to A's person.
      {
        sql: `insert into mkt_deliveries (tenant_id, id, created_at, updated_at, campaign_id, contact_id, channel, address, status) values ($1, gen_random_uuid(), now(), now(), $2, $3, 'SMS', '+40721000111', 'QUEUED')`,
        theirs: [b.tenant, a.campaign, b.contact],
        own: [b.tenant, b.campaign, b.contact],
        constraint: 'mkt_deliveries_campaign_foreign',
      },
      {
        sql: `insert into mkt_deliveries (tenant_id, id, created_at, updated_at, campaign_id, contact_id, channel, address, status) values ($1, gen_random_uuid(), now(), now(), $2, $3, 'SMS', '+40721000112', 'QUEUED')`,
        theirs: [b.tenant, b.campaign, a.contact],
        own: [b.tenant, b.campaign, null],
        constraint: 'mkt_deliveries_contact_foreign',
      },
      { sql: `update mkt_deliveries set campaign_id = $1 where tenant_id = $2 and id = $3`, theirs: [a.campaign, b.tenant, b.delivery], own: [b.campaign, b.tenant, b.delivery], constraint: 'mkt_deliveries_campaign_foreign' },
      { sql: `update mkt_deliveries set contact_id = $1 where tenant_id = $2 and id = $3`, theirs: [a.contact, b.tenant, b.delivery], own: [b.contact, b.tenant, b.delivery], constraint: 'mkt_deliveries_contact_foreign' },
      { sql: `update mkt_delivery_events set delivery_id = $1 where tenant_id = $2 and delivery_id = $3`, theirs: [a.delivery, b.tenant, b.delivery], own: [b.delivery, b.tenant, b.delivery], constraint: 'mkt_delivery_events_delivery_foreign' },
      { sql: `update mkt_delivery_events set campaign_id = $1 where tenant_id = $2 and delivery_id = $3`, theirs: [a.campaign, b.tenant, b.delivery], own: [b.campaign, b.tenant, b.delivery], constraint: 'mkt_delivery_events_campaign_foreign' },
      { sql: `update mkt_delivery_events set contact_id = $1 where tenant_id = $2 and delivery_id = $3`, theirs: [a.contact, b.tenant, b.delivery], own: [b.contact, b.tenant, b.delivery], constraint: 'mkt_delivery_events_contact_foreign' },
      { sql: `update mkt_suppressions set campaign_id = $1 where tenant_id = $2 and id = $3`, theirs: [a.campaign, b.tenant, b.suppression], own: [b.campaign, b.tenant, b.suppression], constraint: 'mkt_suppressions_campaign_foreign' },
    ];
    await owner.query('begin');
    try {
      await owner.query('set constraints all immediate');
      for (const c of cases) {
        const refused = await failure(owner, c.sql, c.theirs);
        expect(refused.code, c.constraint).toBe('23503');
        expect(refused.constraint).toBe(c.constraint);
        expect((await owner.query(c.sql, c.own)).rowCount, c.constraint).toBe(1);
      }
    } finally {
      await owner.query('rollback');
    }
  });

  it("refuses, even for the owner who bypasses RLS, an interaction of B naming A's contact or A's customer", async () => {
    const insert = `insert into crm_interactions (tenant_id, id, created_at, updated_at, kind, occurred_at, body, contact_id, customer_id) values ($1, gen_random_uuid(), now(), now(), 'NOTE', now(), 'Cross', $2, $3)`;
    await owner.query('begin');
    try {
      // The constraints are deferred: each statement is checked at once with `set constraints all immediate`.
      await owner.query('set constraints all immediate');
      const contact = await failure(owner, insert, [b.tenant, a.contact, null]);
      expect(contact.code).toBe('23503');
      expect(contact.constraint).toBe('crm_interactions_contact_foreign');
      const customer = await failure(owner, insert, [b.tenant, null, a.customer]);
      expect(customer.code).toBe('23503');
      expect(customer.constraint).toBe('crm_interactions_customer_foreign');
      const moved = await failure(owner, `update crm_interactions set contact_id = $1 where tenant_id = $2 and id = $3`, [a.contact, b.tenant, b.interaction]);
      expect(moved.constraint).toBe('crm_interactions_contact_foreign');
      // B's own person and customer pass: only the tenant made them fail.
      expect((await owner.query(insert, [b.tenant, b.contact, b.customer])).rowCount).toBe(1);
    } finally {
      await owner.query('rollback');
    }
  });
});
