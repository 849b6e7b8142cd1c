import { Migration } from '@mikro-orm/migrations';

export class Migration20261123010349 extends Migration {

  override async up(): Promise<void> {
    // Added by hand: trigram search indexes need pg_trgm.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create type "api_key_access" as enum ('READ', 'READ_WRITE');`);
    this.addSql(`create type "role" as enum ('OWNER', 'ADMIN', 'MANAGER', 'AGENT', 'VIEWER');`);
    this.addSql(`create type "user_token_purpose" as enum ('VERIFY_EMAIL', 'RESET_PASSWORD');`);
    this.addSql(`create table "api_keys" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "secret_hash" text not null, "prefix" text not null, "modules" text[] not null, "access" "api_key_access" not null, "rate_limit_per_minute" int null, "created_by_user_id" uuid not null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("tenant_id", "id"));`);

    this.addSql(`create table "crm_companies" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "domain" text null, "email" text null, "phone" text null, constraint "crm_companies_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_companies_search_idx" on "crm_companies" using gin ((name || ' ' || coalesce(domain, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops);`);
    this.addSql(`create index "crm_companies_name_idx" on "crm_companies" ("tenant_id", lower(name), "id");`);
    this.addSql(`create index "crm_companies_updated_idx" on "crm_companies" ("tenant_id", "updated_at", "id");`);
    this.addSql(`create index "crm_companies_created_idx" on "crm_companies" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "crm_contacts" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "first_name" text not null, "last_name" text null, "email" text null, "phone" text null, "job_title" text null, "company_id" uuid null, constraint "crm_contacts_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_contacts_search_idx" on "crm_contacts" using gin ((first_name || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops);`);
    this.addSql(`create index "crm_contacts_company_idx" on "crm_contacts" ("tenant_id", "company_id") where company_id is not null;`);
    this.addSql(`create index "crm_contacts_email_sort_idx" on "crm_contacts" ("tenant_id", coalesce(email, ''), "id");`);
    this.addSql(`create index "crm_contacts_name_idx" on "crm_contacts" ("tenant_id", lower(first_name || ' ' || coalesce(last_name, '')), "id");`);
    this.addSql(`create index "crm_contacts_email_idx" on "crm_contacts" ("tenant_id", "email");`);
    this.addSql(`create index "crm_contacts_updated_idx" on "crm_contacts" ("tenant_id", "updated_at", "id");`);
    this.addSql(`create index "crm_contacts_created_idx" on "crm_contacts" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "invitations" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "email" text not null, "role" "role" not null, "token_hash" text not null, "invited_by_user_id" uuid not null, "expires_at" timestamptz not null, "accepted_at" timestamptz null, "revoked_at" timestamptz null, constraint "invitations_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`alter table "invitations" add constraint "invitations_tenant_id_token_hash_unique" unique ("tenant_id", "token_hash");`);

    this.addSql(`create table "memberships" ("tenant_id" uuid not null, "user_id" uuid not null, "role" "role" not null, "created_at" timestamptz not null, constraint "memberships_pkey" primary key ("tenant_id", "user_id"));`);
    this.addSql(`create index "memberships_user_id_index" on "memberships" ("user_id");`);

    this.addSql(`create table "sessions" ("id" uuid not null, "token_hash" text not null, "user_id" uuid not null, "tenant_id" uuid not null, "user_agent" text null, "ip" text null, "created_at" timestamptz not null, "last_seen_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);

    this.addSql(`create table "tenants" ("id" uuid not null, "name" text not null, "created_at" timestamptz not null, constraint "tenants_pkey" primary key ("id"));`);

    this.addSql(`create table "tenant_feature_options" ("tenant_id" uuid not null, "key" text not null, "enabled" boolean not null, "updated_at" timestamptz not null, constraint "tenant_feature_options_pkey" primary key ("tenant_id", "key"));`);

    this.addSql(`create table "tenant_modules" ("tenant_id" uuid not null, "key" text not null, "enabled" boolean not null, "updated_at" timestamptz not null, constraint "tenant_modules_pkey" primary key ("tenant_id", "key"));`);

    this.addSql(`create table "tenant_settings" ("tenant_id" uuid not null, "currency" text not null default 'EUR', "time_zone" text not null default 'UTC', "locale" text not null default 'en', "updated_at" timestamptz not null, constraint "tenant_settings_pkey" primary key ("tenant_id"));`);

    this.addSql(`create table "users" ("id" uuid not null, "email" text not null, "name" text null, "password_hash" text not null, "email_verified_at" timestamptz null, "locale" text not null default 'en', "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(`create table "user_tokens" ("id" uuid not null, "user_id" uuid not null, "purpose" "user_token_purpose" not null, "token_hash" text not null, "expires_at" timestamptz not null, "used_at" timestamptz null, "created_at" timestamptz not null, constraint "user_tokens_pkey" primary key ("id"));`);
    this.addSql(`alter table "user_tokens" add constraint "user_tokens_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "user_tokens_user_id_index" on "user_tokens" ("user_id");`);

    this.addSql(`alter table "crm_contacts" add constraint "crm_contacts_tenant_id_company_id_foreign" foreign key ("tenant_id", "company_id") references "crm_companies" ("tenant_id", "id") on update no action on delete no action;`);

    // Added by hand: every tenant row points at its tenant, and row-level security is the last wall
    // between tenants. The foreign keys MikroORM does not know of are checked at commit, so its insert
    // order does not matter. The application's role owns no table, so these policies always apply to it.
    for (const table of TENANT_TABLES) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    this.addSql(`alter table "memberships" add constraint "memberships_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "memberships" add constraint "memberships_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "memberships" enable row level security;`);
    this.addSql(`create policy "memberships_tenant_isolation" on "memberships" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    // A user may also read (only read) their own memberships in other tenants, to list and switch them.
    this.addSql(`create policy "memberships_self_read" on "memberships" for select using (user_id = nullif(current_setting('app.user_id', true), '')::uuid);`);
    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "user_tokens" add constraint "user_tokens_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade deferrable initially deferred;`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;

const TENANT_TABLES = ['tenant_settings', 'tenant_modules', 'tenant_feature_options', 'invitations', 'api_keys', 'crm_companies', 'crm_contacts'];
