import { Migration } from '@mikro-orm/migrations';

export class Migration20261123035149 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_interaction_kind" as enum ('MEETING', 'CALL', 'SMS', 'EMAIL', 'NOTE');`);
    this.addSql(`create type "crm_interaction_direction" as enum ('INBOUND', 'OUTBOUND');`);
    this.addSql(`create type "crm_call_outcome" as enum ('REACHED', 'NO_ANSWER', 'BUSY', 'VOICEMAIL', 'WRONG_NUMBER');`);
    this.addSql(`create table "crm_interactions" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "kind" "crm_interaction_kind" not null, "direction" "crm_interaction_direction" null, "occurred_at" timestamptz not null, "duration_seconds" int null, "outcome" "crm_call_outcome" null, "subject" text null, "body" text null, "contact_id" uuid null, "company_id" uuid null, "created_by_id" uuid null, constraint "crm_interactions_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_interactions_company_idx" on "crm_interactions" ("tenant_id", "company_id", "occurred_at");`);
    this.addSql(`create index "crm_interactions_contact_idx" on "crm_interactions" ("tenant_id", "contact_id", "occurred_at");`);
    this.addSql(`create index "crm_interactions_occurred_idx" on "crm_interactions" ("tenant_id", "occurred_at", "id");`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    this.addSql(`alter table "crm_interactions" add constraint "crm_interactions_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_interactions" enable row level security;`);
    this.addSql(`create policy "crm_interactions_tenant_isolation" on "crm_interactions" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    // References keep the tenant; deleting a person or company clears only its column, the record stays.
    this.addSql(`alter table "crm_interactions" add constraint "crm_interactions_contact_foreign" foreign key ("tenant_id", "contact_id") references "crm_contacts" ("tenant_id", "id") on delete set null ("contact_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_interactions" add constraint "crm_interactions_company_foreign" foreign key ("tenant_id", "company_id") references "crm_companies" ("tenant_id", "id") on delete set null ("company_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_interactions" add constraint "crm_interactions_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    this.addSql(`alter table "crm_interactions" add constraint "crm_interactions_duration_check" check (duration_seconds is null or duration_seconds >= 0);`);
  }

  override async down(): Promise<void> {
    // Policies and constraints go with the table.
    this.addSql(`drop table if exists "crm_interactions" cascade;`);

    this.addSql(`drop type "crm_interaction_kind";`);
    this.addSql(`drop type "crm_interaction_direction";`);
    this.addSql(`drop type "crm_call_outcome";`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
