import { Migration } from '@mikro-orm/migrations';

/**
 * Marketing automations: an automation and its ordered steps, one run per person and occurrence of
 * the trigger (unique, so a trigger seen twice starts one run), one row per step a run passed
 * (unique, so each person passes each step once), and the messages send steps claim before they
 * leave (unique per run and step).
 */
export class Migration20261123083018 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "mkt_automation_status" as enum ('DRAFT', 'ACTIVE', 'PAUSED');`);
    this.addSql(`create type "mkt_automation_trigger_kind" as enum ('CONTACT_CREATED', 'SEGMENT_ENTERED', 'DEAL_STAGE_REACHED', 'DEAL_WON', 'TASK_OVERDUE', 'DATE_FIELD');`);
    this.addSql(`create type "mkt_automation_run_status" as enum ('ACTIVE', 'DONE', 'STOPPED', 'EXCLUDED');`);
    this.addSql(`create type "mkt_automation_step_kind" as enum ('WAIT', 'SEND_EMAIL', 'SEND_SMS', 'CONDITION');`);
    this.addSql(`create type "mkt_automation_step_outcome" as enum ('WAITED', 'QUEUED', 'SKIPPED', 'PASSED', 'FAILED');`);
    this.addSql(`create table "mkt_automations" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "status" "mkt_automation_status" not null default 'DRAFT', "trigger_kind" "mkt_automation_trigger_kind" not null, "trigger_config" jsonb not null, "segment_id" uuid null, "sweep_state" jsonb not null, "activated_at" timestamptz null, "created_by_id" uuid null, constraint "mkt_automations_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_automations_trigger_idx" on "mkt_automations" ("tenant_id", "status", "trigger_kind");`);
    this.addSql(`create index "mkt_automations_created_idx" on "mkt_automations" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "mkt_automation_runs" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "automation_id" uuid not null, "contact_id" uuid not null, "occurrence_key" text not null, "status" "mkt_automation_run_status" not null default 'ACTIVE', "step_position" smallint not null default 0, "next_run_at" timestamptz null, "context" jsonb not null, "finished_at" timestamptz null, constraint "mkt_automation_runs_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_automation_runs_due_idx" on "mkt_automation_runs" ("tenant_id", "next_run_at") where status = 'ACTIVE';`);
    this.addSql(`create index "mkt_automation_runs_contact_idx" on "mkt_automation_runs" ("tenant_id", "contact_id");`);
    this.addSql(`create index "mkt_automation_runs_list_idx" on "mkt_automation_runs" ("tenant_id", "automation_id", "status", "id");`);
    this.addSql(`alter table "mkt_automation_runs" add constraint "mkt_automation_runs_occurrence_key" unique ("tenant_id", "automation_id", "contact_id", "occurrence_key");`);

    this.addSql(`create table "mkt_automation_sends" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "automation_id" uuid not null, "run_id" uuid not null, "step_id" uuid not null, "contact_id" uuid not null, "template_id" uuid not null, "channel" "mkt_channel" not null, "address" text not null, "status" "mkt_delivery_status" not null, "claimed_at" timestamptz null, "sent_at" timestamptz null, "provider_message_id" text null, "segments" smallint null, "error" text null, "delivered_at" timestamptz null, "opened_at" timestamptz null, "clicked_at" timestamptz null, "unsubscribed_at" timestamptz null, constraint "mkt_automation_sends_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_automation_sends_provider_idx" on "mkt_automation_sends" ("tenant_id", "provider_message_id");`);
    this.addSql(`create index "mkt_automation_sends_contact_idx" on "mkt_automation_sends" ("tenant_id", "contact_id", "created_at");`);
    this.addSql(`create index "mkt_automation_sends_automation_idx" on "mkt_automation_sends" ("tenant_id", "automation_id", "status");`);
    this.addSql(`alter table "mkt_automation_sends" add constraint "mkt_automation_sends_step_key" unique ("tenant_id", "run_id", "step_id");`);

    this.addSql(`create table "mkt_automation_steps" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "automation_id" uuid not null, "position" smallint not null, "kind" "mkt_automation_step_kind" not null, "wait_days" smallint null, "wait_hours" smallint null, "template_id" uuid null, "segment_id" uuid null, "contact_filter" jsonb null, constraint "mkt_automation_steps_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`alter table "mkt_automation_steps" add constraint "mkt_automation_steps_position_key" unique ("tenant_id", "automation_id", "position");`);

    this.addSql(`create table "mkt_automation_step_runs" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "run_id" uuid not null, "step_id" uuid not null, "outcome" "mkt_automation_step_outcome" not null, "detail" text null, constraint "mkt_automation_step_runs_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`alter table "mkt_automation_step_runs" add constraint "mkt_automation_step_runs_key" unique ("tenant_id", "run_id", "step_id");`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    // References keep the tenant. A template in use cannot go; a deleted segment leaves its trigger or
    // condition without one (it then never fires, or fails); runs go with their automation or person.
    const fks: [table: string, name: string, column: string, target: string, onDelete: string][] = [
      ['mkt_automations', 'segment', 'segment_id', 'crm_segments', 'set null ("segment_id")'],
      ['mkt_automation_steps', 'automation', 'automation_id', 'mkt_automations', 'cascade'],
      ['mkt_automation_steps', 'template', 'template_id', 'mkt_templates', 'restrict'],
      ['mkt_automation_steps', 'segment', 'segment_id', 'crm_segments', 'set null ("segment_id")'],
      ['mkt_automation_runs', 'automation', 'automation_id', 'mkt_automations', 'cascade'],
      ['mkt_automation_runs', 'contact', 'contact_id', 'crm_contacts', 'cascade'],
      ['mkt_automation_step_runs', 'run', 'run_id', 'mkt_automation_runs', 'cascade'],
      ['mkt_automation_step_runs', 'step', 'step_id', 'mkt_automation_steps', 'cascade'],
      ['mkt_automation_sends', 'automation', 'automation_id', 'mkt_automations', 'cascade'],
      ['mkt_automation_sends', 'run', 'run_id', 'mkt_automation_runs', 'cascade'],
      ['mkt_automation_sends', 'step', 'step_id', 'mkt_automation_steps', 'cascade'],
      ['mkt_automation_sends', 'contact', 'contact_id', 'crm_contacts', 'cascade'],
      ['mkt_automation_sends', 'template', 'template_id', 'mkt_templates', 'restrict'],
    ];
    for (const [table, name, column, target, onDelete] of fks) {
      this.addSql(`alter table "${table}" add constraint "${table}_${name}_foreign" foreign key ("tenant_id", "${column}") references "${target}" ("tenant_id", "id") on delete ${onDelete} deferrable initially deferred;`);
    }
    this.addSql(`alter table "mkt_automations" add constraint "mkt_automations_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    // Indexes behind the references that have none of their own.
    this.addSql(`create index "mkt_automations_segment_idx" on "mkt_automations" ("tenant_id", "segment_id") where segment_id is not null;`);
    this.addSql(`create index "mkt_automation_steps_template_idx" on "mkt_automation_steps" ("tenant_id", "template_id") where template_id is not null;`);
    this.addSql(`create index "mkt_automation_steps_segment_idx" on "mkt_automation_steps" ("tenant_id", "segment_id") where segment_id is not null;`);
    this.addSql(`create index "mkt_automation_step_runs_step_idx" on "mkt_automation_step_runs" ("tenant_id", "step_id");`);
    this.addSql(`create index "mkt_automation_sends_step_idx" on "mkt_automation_sends" ("tenant_id", "step_id");`);
    this.addSql(`create index "mkt_automation_sends_template_idx" on "mkt_automation_sends" ("tenant_id", "template_id");`);
    // Sends a dead worker left behind (QUEUED, or claimed long ago): found by the sweep without a scan.
    this.addSql(`create index "mkt_automation_sends_pending_idx" on "mkt_automation_sends" ("tenant_id", "updated_at") where status in ('QUEUED', 'SENDING');`);
    // What each kind of row must hold.
    this.addSql(`alter table "mkt_automations" add constraint "mkt_automations_segment_check" check (segment_id is null or trigger_kind = 'SEGMENT_ENTERED');`);
    this.addSql(`alter table "mkt_automation_steps" add constraint "mkt_automation_steps_kind_check" check (position >= 0 and case kind
      when 'WAIT' then wait_days between 0 and 365 and wait_hours between 0 and 23 and wait_days * 24 + wait_hours > 0 and template_id is null and segment_id is null and contact_filter is null
      when 'CONDITION' then wait_days is null and wait_hours is null and template_id is null and not (segment_id is not null and contact_filter is not null)
      else template_id is not null and wait_days is null and wait_hours is null and segment_id is null and contact_filter is null end);`);
    this.addSql(`alter table "mkt_automation_runs" add constraint "mkt_automation_runs_state_check" check (step_position >= 0 and (status = 'ACTIVE') = (finished_at is null) and (status = 'ACTIVE' or next_run_at is null));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mkt_automations" cascade;`);

    this.addSql(`drop table if exists "mkt_automation_runs" cascade;`);

    this.addSql(`drop table if exists "mkt_automation_sends" cascade;`);

    this.addSql(`drop table if exists "mkt_automation_steps" cascade;`);

    this.addSql(`drop table if exists "mkt_automation_step_runs" cascade;`);

    this.addSql(`drop type "mkt_automation_status";`);
    this.addSql(`drop type "mkt_automation_trigger_kind";`);
    this.addSql(`drop type "mkt_automation_run_status";`);
    this.addSql(`drop type "mkt_automation_step_kind";`);
    this.addSql(`drop type "mkt_automation_step_outcome";`);
  }

}

const TABLES = ['mkt_automations', 'mkt_automation_steps', 'mkt_automation_runs', 'mkt_automation_step_runs', 'mkt_automation_sends'];
const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
