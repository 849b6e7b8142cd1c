import { Migration } from '@mikro-orm/migrations';

/**
 * CSV imports of people and customers: the uploaded file (its text, header and first rows), the
 * mapping and options of its run, and the run's progress, counts and first 1,000 refused values.
 */
export class Migration20261123053100 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_import_entity" as enum ('CONTACT', 'CUSTOMER');`);
    this.addSql(`create type "crm_import_status" as enum ('DRAFT', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');`);
    this.addSql(`create table "crm_imports" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "entity" "crm_import_entity" not null, "file_name" text not null, "csv_text" text not null, "delimiter" text not null, "headers" jsonb not null, "sample_rows" jsonb not null, "status" "crm_import_status" not null default 'DRAFT', "dry_run" boolean not null default false, "mapping" jsonb not null, "options" jsonb not null, "total" int not null default 0, "processed" int not null default 0, "created" int not null default 0, "updated" int not null default 0, "skipped" int not null default 0, "failed" int not null default 0, "error_count" int not null default 0, "errors" jsonb not null, "run" int not null default 0, "created_by_id" uuid null, "created_by_api_key_id" uuid null, "run_by_id" uuid null, "run_by_api_key_id" uuid null, "failure_message" text null, "queued_at" timestamptz null, "started_at" timestamptz null, "finished_at" timestamptz null, constraint "crm_imports_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_imports_created_idx" on "crm_imports" ("tenant_id", "created_at", "id");`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    this.addSql(`alter table "crm_imports" add constraint "crm_imports_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_imports" enable row level security;`);
    this.addSql(`create policy "crm_imports_tenant_isolation" on "crm_imports" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    // Who uploaded and who ran it: a person (gone: null) or an API key of the same tenant (deleted: null).
    for (const column of ['created_by_id', 'run_by_id']) {
      this.addSql(`alter table "crm_imports" add constraint "crm_imports_${column}_foreign" foreign key ("${column}") references "users" ("id") on delete set null deferrable initially deferred;`);
    }
    for (const column of ['created_by_api_key_id', 'run_by_api_key_id']) {
      this.addSql(`alter table "crm_imports" add constraint "crm_imports_${column}_foreign" foreign key ("tenant_id", "${column}") references "api_keys" ("tenant_id", "id") on delete set null ("${column}") deferrable initially deferred;`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_imports" cascade;`);

    this.addSql(`drop type "crm_import_entity";`);
    this.addSql(`drop type "crm_import_status";`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
