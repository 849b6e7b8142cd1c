import { Migration } from '@mikro-orm/migrations';

/**
 * Companies become customers (organizations or private persons) in place, keeping their ids, so
 * every reference and history survives. Adds counterparties, the positions directory, several
 * emails and phones per person, consent with its history, structured addresses, attribution and tags.
 */
export class Migration20261123044500 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_customer_kind" as enum ('ORGANIZATION', 'PERSON');`);
    this.addSql(`create type "crm_lifecycle_stage" as enum ('LEAD', 'PROSPECT', 'CUSTOMER', 'FORMER');`);
    this.addSql(`create type "crm_source_channel" as enum ('DIRECT', 'REFERRAL', 'ORGANIC_SEARCH', 'PAID_SEARCH', 'SOCIAL', 'PAID_SOCIAL', 'EMAIL', 'EVENT', 'PARTNER', 'COLD_OUTREACH', 'OTHER');`);
    this.addSql(`create type "crm_contact_point_channel" as enum ('EMAIL', 'PHONE');`);
    this.addSql(`create type "crm_contact_point_type" as enum ('WORK', 'HOME', 'MOBILE', 'OTHER');`);
    this.addSql(`create type "crm_consent_channel" as enum ('EMAIL', 'SMS');`);
    this.addSql(`create type "crm_consent_status" as enum ('UNKNOWN', 'GRANTED', 'DENIED');`);

    // crm_companies -> crm_customers, with its indexes, constraints and policy renamed to what the ORM expects.
    this.addSql(`alter table "crm_companies" rename to "crm_customers";`);
    this.addSql(`alter table "crm_customers" rename constraint "crm_companies_pkey" to "crm_customers_pkey";`);
    this.addSql(`alter table "crm_customers" rename constraint "crm_companies_tenant_id_foreign" to "crm_customers_tenant_id_foreign";`);
    this.addSql(`alter policy "crm_companies_tenant_isolation" on "crm_customers" rename to "crm_customers_tenant_isolation";`);
    for (const suffix of ['search_idx', 'name_idx', 'updated_idx', 'created_idx']) {
      this.addSql(`alter index "crm_companies_${suffix}" rename to "crm_customers_${suffix}";`);
    }
    this.addSql(`alter table "crm_customers" add column "kind" "crm_customer_kind" not null default 'ORGANIZATION', add column "lifecycle_stage" "crm_lifecycle_stage" not null default 'LEAD', add column "owner_id" uuid null, add column "address_country" text null, add column "address_region" text null, add column "address_city" text null, add column "address_postal_code" text null, add column "address_line1" text null, add column "address_line2" text null, add column "source_channel" "crm_source_channel" null, add column "utm_source" text null, add column "utm_medium" text null, add column "utm_campaign" text null, add column "referred_by_id" uuid null, add column "tags" text[] not null default '{}';`);
    this.addSql(`alter table "crm_customers" alter column "tags" drop default;`);
    this.addSql(`create index "crm_customers_owner_idx" on "crm_customers" ("tenant_id", "owner_id");`);
    // Tags match ignoring case: the indexes hold them lower-cased, through the same function tags.ts calls.
    this.addSql(`create function "crm_lower_tags"(tags text[]) returns text[] language sql immutable strict parallel safe as $fn$ select array(select lower(tag) from unnest(tags) as tag) $fn$;`);
    this.addSql(`create index "crm_customers_tags_idx" on "crm_customers" using gin (crm_lower_tags(tags));`);
    this.addSql(`alter table "crm_customers" add constraint "crm_customers_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    this.addSql(`alter table "crm_customers" add constraint "crm_customers_referred_by_foreign" foreign key ("tenant_id", "referred_by_id") references "crm_customers" ("tenant_id", "id") on delete set null ("referred_by_id") deferrable initially deferred;`);

    this.addSql(`create table "crm_positions" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "decision_maker" boolean not null default false, constraint "crm_positions_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create unique index "crm_positions_name_key" on "crm_positions" ("tenant_id", lower(name));`);

    // People: company -> customer; the free-text job title becomes a position from the directory.
    this.addSql(`alter table "crm_contacts" rename column "company_id" to "customer_id";`);
    this.addSql(`alter table "crm_contacts" rename constraint "crm_contacts_tenant_id_company_id_foreign" to "crm_contacts_tenant_id_customer_id_foreign";`);
    this.addSql(`alter index "crm_contacts_company_idx" rename to "crm_contacts_customer_idx";`);
    this.addSql(`alter table "crm_contacts" add column "position_id" uuid null, add column "address_country" text null, add column "address_region" text null, add column "address_city" text null, add column "address_postal_code" text null, add column "address_line1" text null, add column "address_line2" text null, add column "email_consent" "crm_consent_status" not null default 'UNKNOWN', add column "sms_consent" "crm_consent_status" not null default 'UNKNOWN', add column "tags" text[] not null default '{}';`);
    this.addSql(`alter table "crm_contacts" alter column "tags" drop default;`);
    this.addSql(`insert into "crm_positions" ("tenant_id", "id", "created_at", "updated_at", "name", "decision_maker")
      select tenant_id, gen_random_uuid(), now(), now(), min(btrim(job_title)), false from "crm_contacts"
      where job_title is not null and btrim(job_title) <> '' group by tenant_id, lower(btrim(job_title));`);
    this.addSql(`update "crm_contacts" c set "position_id" = p.id from "crm_positions" p where p.tenant_id = c.tenant_id and lower(p.name) = lower(btrim(c.job_title));`);
    this.addSql(`alter table "crm_contacts" drop column "job_title";`);
    this.addSql(`create index "crm_contacts_tags_idx" on "crm_contacts" using gin (crm_lower_tags(tags));`);

    this.addSql(`create table "crm_contact_points" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "contact_id" uuid not null, "channel" "crm_contact_point_channel" not null, "type" "crm_contact_point_type" not null, "value" text not null, "rank" smallint not null, constraint "crm_contact_points_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_contact_points_contact_idx" on "crm_contact_points" ("tenant_id", "contact_id", "channel", "rank");`);
    this.addSql(`create index "crm_contact_points_value_idx" on "crm_contact_points" ("tenant_id", "channel", "value");`);
    this.addSql(`insert into "crm_contact_points" select tenant_id, gen_random_uuid(), now(), now(), id, 'EMAIL', 'WORK', email, 0 from "crm_contacts" where email is not null;`);
    this.addSql(`insert into "crm_contact_points" select tenant_id, gen_random_uuid(), now(), now(), id, 'PHONE', 'WORK', phone, 0 from "crm_contacts" where phone is not null;`);

    this.addSql(`create table "crm_consent_events" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "contact_id" uuid not null, "channel" "crm_consent_channel" not null, "status" "crm_consent_status" not null, "source" text not null, "occurred_at" timestamptz not null, "recorded_by_id" uuid null, constraint "crm_consent_events_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_consent_events_contact_idx" on "crm_consent_events" ("tenant_id", "contact_id", "occurred_at");`);

    this.addSql(`create table "crm_counterparties" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" uuid not null, "legal_name" text not null, "tax_id" text null, "registration_number" text null, "legal_address_country" text null, "legal_address_region" text null, "legal_address_city" text null, "legal_address_postal_code" text null, "legal_address_line1" text null, "legal_address_line2" text null, "bank_accounts" jsonb not null, "valid_from" date null, "valid_to" date null, constraint "crm_counterparties_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_counterparties_customer_idx" on "crm_counterparties" ("tenant_id", "customer_id", "valid_from");`);
    this.addSql(`create index "crm_counterparties_tax_id_idx" on "crm_counterparties" ("tenant_id", "tax_id");`);

    // Tasks and interactions about a company are now about the customer.
    this.addSql(`alter type "crm_task_subject_type" rename value 'COMPANY' to 'CUSTOMER';`);
    this.addSql(`alter table "crm_interactions" rename column "company_id" to "customer_id";`);
    this.addSql(`alter table "crm_interactions" rename constraint "crm_interactions_company_foreign" to "crm_interactions_customer_foreign";`);
    this.addSql(`alter index "crm_interactions_company_idx" rename to "crm_interactions_customer_idx";`);

    // The "companies" switch is gone: customers are the heart of the CRM. Counterparties get one.
    this.addSql(`delete from "tenant_feature_options" where "key" = 'CRM.companies';`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    for (const table of ['crm_positions', 'crm_contact_points', 'crm_consent_events', 'crm_counterparties']) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    // References keep the tenant. A person's points and consent history go with the person; a
    // customer's counterparties with the customer.
    this.addSql(`alter table "crm_contacts" add constraint "crm_contacts_position_foreign" foreign key ("tenant_id", "position_id") references "crm_positions" ("tenant_id", "id") on delete set null ("position_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_contact_points" add constraint "crm_contact_points_contact_foreign" foreign key ("tenant_id", "contact_id") references "crm_contacts" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_consent_events" add constraint "crm_consent_events_contact_foreign" foreign key ("tenant_id", "contact_id") references "crm_contacts" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_consent_events" add constraint "crm_consent_events_recorded_by_id_foreign" foreign key ("recorded_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    this.addSql(`alter table "crm_counterparties" add constraint "crm_counterparties_customer_foreign" foreign key ("tenant_id", "customer_id") references "crm_customers" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_counterparties" add constraint "crm_counterparties_valid_check" check (valid_to is null or valid_from is null or valid_to >= valid_from);`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
