import { Migration } from '@mikro-orm/migrations';

/** Custom fields on customers and people (values in a jsonb column each), and saved segments. */
export class Migration20261123050409 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_custom_field_entity" as enum ('CUSTOMER', 'CONTACT', 'DEAL');`);
    this.addSql(`create type "crm_custom_field_type" as enum ('TEXT', 'NUMBER', 'DECIMAL', 'DATE', 'BOOLEAN', 'SELECT', 'MULTI_SELECT');`);
    this.addSql(`create type "crm_segment_entity" as enum ('CONTACT', 'CUSTOMER');`);
    this.addSql(`create table "crm_custom_fields" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "entity" "crm_custom_field_entity" not null, "key" text not null, "label" text not null, "type" "crm_custom_field_type" not null, "options" jsonb not null, "required" boolean not null default false, "position" int not null default 0, constraint "crm_custom_fields_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create unique index "crm_custom_fields_key" on "crm_custom_fields" ("tenant_id", "entity", "key");`);

    this.addSql(`create table "crm_segments" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "entity" "crm_segment_entity" not null, "filter" jsonb not null, "created_by_id" uuid null, constraint "crm_segments_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_segments_name_idx" on "crm_segments" ("tenant_id", "entity", lower(name));`);

    // Existing rows start with no values; the application always writes the column.
    this.addSql(`alter table "crm_customers" add column "custom_fields" jsonb not null default '{}';`);
    this.addSql(`alter table "crm_customers" alter column "custom_fields" drop default;`);
    this.addSql(`create index "crm_customers_custom_fields_idx" on "crm_customers" using gin ("custom_fields" jsonb_path_ops);`);

    this.addSql(`alter table "crm_contacts" add column "custom_fields" jsonb not null default '{}';`);
    this.addSql(`alter table "crm_contacts" alter column "custom_fields" drop default;`);
    this.addSql(`create index "crm_contacts_custom_fields_idx" on "crm_contacts" using gin ("custom_fields" jsonb_path_ops);`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    for (const table of ['crm_custom_fields', 'crm_segments']) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    this.addSql(`alter table "crm_segments" add constraint "crm_segments_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    // Values are always an object, so `custom_fields - key` and `->` never meet a scalar.
    this.addSql(`alter table "crm_customers" add constraint "crm_customers_custom_fields_check" check (jsonb_typeof(custom_fields) = 'object');`);
    this.addSql(`alter table "crm_contacts" add constraint "crm_contacts_custom_fields_check" check (jsonb_typeof(custom_fields) = 'object');`);
    this.addSql(`alter table "crm_custom_fields" add constraint "crm_custom_fields_key_check" check (key ~ '^[a-z][a-z0-9_]{0,39}$');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_custom_fields" cascade;`);

    this.addSql(`drop table if exists "crm_segments" cascade;`);

    this.addSql(`drop index "crm_customers_custom_fields_idx";`);
    this.addSql(`alter table "crm_customers" drop column "custom_fields";`);

    this.addSql(`drop index "crm_contacts_custom_fields_idx";`);
    this.addSql(`alter table "crm_contacts" drop column "custom_fields";`);

    this.addSql(`drop type "crm_custom_field_entity";`);
    this.addSql(`drop type "crm_custom_field_type";`);
    this.addSql(`drop type "crm_segment_entity";`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
