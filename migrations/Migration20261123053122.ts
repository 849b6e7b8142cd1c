import { Migration } from '@mikro-orm/migrations';

/**
 * Marketing events (exhibitions, seminars…) with their cost and the people who came; deals name the
 * event that brought them. And custom fields on deals.
 */
export class Migration20261123053122 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_marketing_event_kind" as enum ('EXHIBITION', 'CONFERENCE', 'SEMINAR', 'WEBINAR', 'OTHER');`);
    this.addSql(`create table "crm_event_attendances" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "event_id" uuid not null, "contact_id" uuid not null, "customer_id" uuid null, "attended" boolean not null default true, constraint "crm_event_attendances_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_event_attendances_customer_idx" on "crm_event_attendances" ("tenant_id", "customer_id");`);
    this.addSql(`create index "crm_event_attendances_contact_idx" on "crm_event_attendances" ("tenant_id", "contact_id");`);
    this.addSql(`create unique index "crm_event_attendances_key" on "crm_event_attendances" ("tenant_id", "event_id", "contact_id");`);

    this.addSql(`create table "crm_marketing_events" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "kind" "crm_marketing_event_kind" not null, "starts_on" date not null, "ends_on" date null, "location" text null, "cost_amount" numeric(19,4) null, "cost_currency" text null, "notes" text null, constraint "crm_marketing_events_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_marketing_events_starts_idx" on "crm_marketing_events" ("tenant_id", "starts_on", "id");`);

    // Existing deals start with no custom values; the application always writes the column.
    this.addSql(`alter table "crm_deals" add column "source_event_id" uuid null, add column "custom_fields" jsonb not null default '{}';`);
    this.addSql(`alter table "crm_deals" alter column "custom_fields" drop default;`);
    this.addSql(`create index "crm_deals_custom_fields_idx" on "crm_deals" using gin ("custom_fields" jsonb_path_ops);`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    for (const table of ['crm_marketing_events', 'crm_event_attendances']) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    // A member limited to their own records sees the attendance of their own people only.
    this.addSql(`create policy "crm_event_attendances_own_records" on "crm_event_attendances" as restrictive for select using (coalesce(current_setting('app.own_records_user', true), '') = '' or contact_id in (select c.id from crm_contacts c));`);
    // References keep the tenant. An event's attendance goes with it or with the person; a deal keeps everything but the reference.
    this.addSql(`alter table "crm_event_attendances" add constraint "crm_event_attendances_event_foreign" foreign key ("tenant_id", "event_id") references "crm_marketing_events" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_event_attendances" add constraint "crm_event_attendances_contact_foreign" foreign key ("tenant_id", "contact_id") references "crm_contacts" ("tenant_id", "id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_event_attendances" add constraint "crm_event_attendances_customer_foreign" foreign key ("tenant_id", "customer_id") references "crm_customers" ("tenant_id", "id") on delete set null ("customer_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_source_event_foreign" foreign key ("tenant_id", "source_event_id") references "crm_marketing_events" ("tenant_id", "id") on delete set null ("source_event_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_marketing_events" add constraint "crm_marketing_events_values_check" check ((ends_on is null or ends_on >= starts_on) and (cost_amount is null) = (cost_currency is null) and (cost_amount is null or cost_amount >= 0));`);
    this.addSql(`alter table "crm_deals" add constraint "crm_deals_custom_fields_check" check (jsonb_typeof(custom_fields) = 'object');`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
