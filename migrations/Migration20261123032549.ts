import { Migration } from '@mikro-orm/migrations';

export class Migration20261123032549 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_task_subject_type" as enum ('CONTACT', 'COMPANY');`);
    this.addSql(`create table "notifications" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "user_id" uuid not null, "kind" text not null, "params" jsonb not null, "link" text null, "read_at" timestamptz null, constraint "notifications_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "notifications_user_idx" on "notifications" ("tenant_id", "user_id", "created_at", "id");`);

    this.addSql(`create table "crm_tasks" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" text not null, "notes" text null, "due_at" timestamptz null, "assignee_id" uuid null, "created_by_id" uuid null, "subject_type" "crm_task_subject_type" null, "subject_id" uuid null, "completed_at" timestamptz null, "reminded_due_at" timestamptz null, constraint "crm_tasks_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_tasks_subject_idx" on "crm_tasks" ("tenant_id", "subject_type", "subject_id");`);
    this.addSql(`create index "crm_tasks_assignee_idx" on "crm_tasks" ("tenant_id", "assignee_id", "due_at", "id");`);
    this.addSql(`create index "crm_tasks_created_idx" on "crm_tasks" ("tenant_id", "created_at", "id");`);
    this.addSql(`create index "crm_tasks_due_idx" on "crm_tasks" ("tenant_id", "due_at", "id");`);

    // Added by hand, as for every tenant table: the tenant reference (checked at commit) and
    // row-level security. People's rows go with the person; a task outlives its assignee.
    for (const table of ['notifications', 'crm_tasks']) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    this.addSql(`alter table "notifications" add constraint "notifications_user_id_foreign" foreign key ("user_id") references "users" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_tasks" add constraint "crm_tasks_assignee_id_foreign" foreign key ("assignee_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    this.addSql(`alter table "crm_tasks" add constraint "crm_tasks_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    // What a subject must be: both parts or neither.
    this.addSql(`alter table "crm_tasks" add constraint "crm_tasks_subject_check" check ((subject_type is null) = (subject_id is null));`);
  }

  override async down(): Promise<void> {
    // Policies and constraints go with their tables.
    this.addSql(`drop table if exists "notifications" cascade;`);

    this.addSql(`drop table if exists "crm_tasks" cascade;`);

    this.addSql(`drop type "crm_task_subject_type";`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
