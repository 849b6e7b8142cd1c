import { Migration } from '@mikro-orm/migrations';

/**
 * Deals: pipelines of stages (probability, rotting days, checklists), deals on a board, the marks
 * of checklist items done on a deal, and every stage change. Interactions and tasks may be about a
 * deal. Every company gets the default "Sales" pipeline.
 */
export class Migration20261123050126 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_deal_status" as enum ('OPEN', 'WON', 'LOST');`);
    this.addSql(`create type "crm_deal_stage_change_kind" as enum ('CREATED', 'MOVED', 'WON', 'LOST', 'REOPENED');`);
    this.addSql(`create table "crm_deals" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "title" text not null, "customer_id" uuid not null, "contact_id" uuid null, "pipeline_id" uuid not null, "stage_id" uuid not null, "position" int null, "amount" numeric(19,4) null, "currency" text null, "expected_close_date" date null, "owner_id" uuid null, "created_by_id" uuid null, "source_channel" "crm_source_channel" null, "utm_source" text null, "utm_medium" text null, "utm_campaign" text null, "status" "crm_deal_status" not null default 'OPEN', "close_reason" text null, "closed_at" timestamptz null, "probability" smallint null, "stage_entered_at" timestamptz not null, "last_activity_at" timestamptz not null, constraint "crm_deals_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_deals_owner_idx" on "crm_deals" ("tenant_id", "owner_id");`);
    this.addSql(`create index "crm_deals_contact_idx" on "crm_deals" ("tenant_id", "contact_id") where contact_id is not null;`);
    this.addSql(`create index "crm_deals_customer_idx" on "crm_deals" ("tenant_id", "customer_id", "created_at", "id");`);
    this.addSql(`create index "crm_deals_board_idx" on "crm_deals" ("tenant_id", "stage_id", "position", "id") where status = 'OPEN';`);
    this.addSql(`create index "crm_deals_stage_idx" on "crm_deals" ("tenant_id", "pipeline_id", "stage_id", "status");`);
    this.addSql(`create index "crm_deals_search_idx" on "crm_deals" using gin ("title" gin_trgm_ops);`);
    this.addSql(`create index "crm_deals_title_idx" on "crm_deals" ("tenant_id", lower(title), "id");`);
    this.addSql(`create index "crm_deals_amount_idx" on "crm_deals" ("tenant_id", "amount", "id");`);
    this.addSql(`create index "crm_deals_close_date_idx" on "crm_deals" ("tenant_id", "expected_close_date", "id");`);
    this.addSql(`create index "crm_deals_updated_idx" on "crm_deals" ("tenant_id", "updated_at", "id");`);
    this.addSql(`create index "crm_deals_created_idx" on "crm_deals" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "crm_deal_checklist_marks" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deal_id" uuid not null, "item_id" uuid not null, "done_by_id" uuid null, "done_at" timestamptz not null, constraint "crm_deal_checklist_marks_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`alter table "crm_deal_checklist_marks" add constraint "crm_deal_checklist_marks_item_key" unique ("tenant_id", "deal_id", "item_id");`);

    this.addSql(`create table "crm_deal_stage_changes" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deal_id" uuid not null, "kind" "crm_deal_stage_change_kind" not null, "from_stage_id" uuid null, "from_stage_name" text null, "to_stage_id" uuid null, "to_stage_name" text not null, "status_after" "crm_deal_status" not null, "reason" text null, "changed_by_id" uuid null, "changed_at" timestamptz not null, "checklist_done" smallint null, "checklist_total" smallint null, constraint "crm_deal_stage_changes_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_deal_stage_changes_to_stage_idx" on "crm_deal_stage_changes" ("tenant_id", "to_stage_id", "changed_at");`);
    this.addSql(`create index "crm_deal_stage_changes_deal_idx" on "crm_deal_stage_changes" ("tenant_id", "deal_id", "changed_at", "id");`);

    this.addSql(`create table "crm_pipelines" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "position" int not null, constraint "crm_pipelines_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_pipelines_position_idx" on "crm_pipelines" ("tenant_id", "position");`);
    this.addSql(`create unique index "crm_pipelines_name_key" on "crm_pipelines" ("tenant_id", lower(name));`);

    this.addSql(`create table "crm_pipeline_stages" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "pipeline_id" uuid not null, "name" text not null, "position" int not null, "probability" smallint not null, "rotting_days" int null, constraint "crm_pipeline_stages_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create unique index "crm_pipeline_stages_name_key" on "crm_pipeline_stages" ("tenant_id", "pipeline_id", lower(name));`);
    this.addSql(`create index "crm_pipeline_stages_position_idx" on "crm_pipeline_stages" ("tenant_id", "pipeline_id", "position");`);
    this.addSql(`alter table "crm_pipeline_stages" add constraint "crm_pipeline_stages_pipeline_key" unique ("tenant_id", "pipeline_id", "id");`);

    this.addSql(`create table "crm_stage_checklist_items" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "stage_id" uuid not null, "title" text not null, "position" int not null, constraint "crm_stage_checklist_items_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_stage_checklist_items_stage_idx" on "crm_stage_checklist_items" ("tenant_id", "stage_id", "position");`);

    this.addSql(`alter table "crm_interactions" add column "deal_id" uuid null;`);
    this.addSql(`create index "crm_interactions_deal_idx" on "crm_interactions" ("tenant_id", "deal_id", "occurred_at") where deal_id is not null;`);

    this.addSql(`alter type "crm_task_subject_type" add value if not exists 'DEAL' after 'CUSTOMER';`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    for (const table of ['crm_pipelines', 'crm_pipeline_stages', 'crm_stage_checklist_items', 'crm_deals', 'crm_deal_checklist_marks', 'crm_deal_stage_changes']) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    // References keep the tenant. Stages go with their pipeline, checklist items with their stage.
    this.addSql(`alter table "crm_pipeline_stages" add constraint "crm_pipeline_stages_pipeline_foreign" foreign key ("tenant_id", "pipeline_id") references "crm_pipelines" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_stage_checklist_items" add constraint "crm_stage_checklist_items_stage_foreign" foreign key ("tenant_id", "stage_id") references "crm_pipeline_stages" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    // A deal's stage reference carries its pipeline: it cannot sit in another pipeline's stage, and
    // a stage (or pipeline) holding deals cannot be deleted. A deal goes with its customer; a person
    // deleted leaves the deal without a contact.
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_stage_foreign" foreign key ("tenant_id", "pipeline_id", "stage_id") references "crm_pipeline_stages" ("tenant_id", "pipeline_id", "id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_customer_foreign" foreign key ("tenant_id", "customer_id") references "crm_customers" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_contact_foreign" foreign key ("tenant_id", "contact_id") references "crm_contacts" ("tenant_id", "id") on delete set null ("contact_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    // Marks and history go with their deal; marks with their checklist item. History keeps the
    // names of deleted stages (their ids are cleared).
    this.addSql(`alter table "crm_deal_checklist_marks" add constraint "crm_deal_checklist_marks_deal_foreign" foreign key ("tenant_id", "deal_id") references "crm_deals" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_deal_checklist_marks" add constraint "crm_deal_checklist_marks_item_foreign" foreign key ("tenant_id", "item_id") references "crm_stage_checklist_items" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_deal_checklist_marks" add constraint "crm_deal_checklist_marks_done_by_id_foreign" foreign key ("done_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    this.addSql(`alter table "crm_deal_stage_changes" add constraint "crm_deal_stage_changes_deal_foreign" foreign key ("tenant_id", "deal_id") references "crm_deals" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_deal_stage_changes" add constraint "crm_deal_stage_changes_from_stage_foreign" foreign key ("tenant_id", "from_stage_id") references "crm_pipeline_stages" ("tenant_id", "id") on delete set null ("from_stage_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_deal_stage_changes" add constraint "crm_deal_stage_changes_to_stage_foreign" foreign key ("tenant_id", "to_stage_id") references "crm_pipeline_stages" ("tenant_id", "id") on delete set null ("to_stage_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_deal_stage_changes" add constraint "crm_deal_stage_changes_changed_by_id_foreign" foreign key ("changed_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    // An interaction about a deal outlives it, on the deal's customer.
    this.addSql(`alter table "crm_interactions" add constraint "crm_interactions_deal_foreign" foreign key ("tenant_id", "deal_id") references "crm_deals" ("tenant_id", "id") on delete set null ("deal_id") deferrable initially deferred;`);

    // What the values must be.
    this.addSql(`alter table "crm_pipelines" add constraint "crm_pipelines_position_check" check (position >= 0);`);
    this.addSql(`alter table "crm_pipeline_stages" add constraint "crm_pipeline_stages_values_check" check (position >= 0 and probability between 0 and 100 and (rotting_days is null or rotting_days between 1 and 3650));`);
    this.addSql(`alter table "crm_stage_checklist_items" add constraint "crm_stage_checklist_items_position_check" check (position >= 0);`);
    // Open deals are on the board (a position), closed ones are not and have a closing time.
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_board_check" check ((status = 'OPEN') = (position is not null) and (status = 'OPEN') = (closed_at is null) and (position is null or position >= 0));`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_amount_check" check ((amount is null) = (currency is null) and (amount is null or amount >= 0));`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_probability_check" check (probability is null or probability between 0 and 100);`);
    this.addSql(`alter table "crm_deal_stage_changes" add constraint "crm_deal_stage_changes_checklist_check" check ((checklist_done is null) = (checklist_total is null) and (checklist_done is null or checklist_done between 0 and checklist_total));`);

    // Every company starts with the default pipeline (names in English; companies rename them).
    this.addSql(`with p as (
        insert into "crm_pipelines" ("tenant_id", "id", "created_at", "updated_at", "name", "position")
        select id, gen_random_uuid(), now(), now(), 'Sales', 0 from "tenants" returning tenant_id, id)
      insert into "crm_pipeline_stages" ("tenant_id", "id", "created_at", "updated_at", "pipeline_id", "name", "position", "probability", "rotting_days")
      select p.tenant_id, gen_random_uuid(), now(), now(), p.id, s.name, s.position, s.probability, null
        from p cross join (values ('Qualification', 0, 10), ('Needs analysis', 1, 25), ('Proposal', 2, 50), ('Negotiation', 3, 75)) as s(name, position, probability);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_deals" cascade;`);

    this.addSql(`drop table if exists "crm_deal_checklist_marks" cascade;`);

    this.addSql(`drop table if exists "crm_deal_stage_changes" cascade;`);

    this.addSql(`drop table if exists "crm_pipelines" cascade;`);

    this.addSql(`drop table if exists "crm_pipeline_stages" cascade;`);

    this.addSql(`drop table if exists "crm_stage_checklist_items" cascade;`);

    this.addSql(`drop index "crm_interactions_deal_idx";`);
    this.addSql(`alter table "crm_interactions" drop column "deal_id";`);

    this.addSql(`drop type "crm_deal_status";`);
    this.addSql(`drop type "crm_deal_stage_change_kind";`);
    // PostgreSQL cannot drop the DEAL value of crm_task_subject_type; it stays, unused.
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
