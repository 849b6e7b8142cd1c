import { Migration } from '@mikro-orm/migrations';

/**
 * Marketing: templates, subscription lists and their members, campaigns, one delivery row per
 * recipient (the claim that makes sending exactly-once), suppressions and delivery events. And the
 * key that signs mailed links, generated here.
 */
export class Migration20261123081953 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "mkt_channel" as enum ('EMAIL', 'SMS');`);
    this.addSql(`create type "mkt_campaign_status" as enum ('DRAFT', 'SCHEDULED', 'SENDING', 'PAUSED', 'SENT', 'CANCELLED');`);
    this.addSql(`create type "mkt_delivery_status" as enum ('QUEUED', 'HELD', 'SENDING', 'SENT', 'DELIVERED', 'BOUNCED', 'FAILED', 'SKIPPED');`);
    this.addSql(`create type "mkt_delivery_event_kind" as enum ('SENT', 'DELIVERED', 'BOUNCED', 'FAILED', 'OPENED', 'CLICKED', 'UNSUBSCRIBED', 'COMPLAINED');`);
    this.addSql(`create type "mkt_subscription_status" as enum ('PENDING', 'SUBSCRIBED', 'UNSUBSCRIBED');`);
    this.addSql(`create type "mkt_suppression_reason" as enum ('UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED', 'STOPPED', 'MANUAL');`);
    this.addSql(`create table "mkt_campaigns" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "channel" "mkt_channel" not null, "template_id" uuid not null, "status" "mkt_campaign_status" not null default 'DRAFT', "segment_ids" text[] not null, "list_ids" text[] not null, "send_at" timestamptz null, "time_zone" text null, "throttle_per_minute" int null, "quiet_hours_start" smallint null, "quiet_hours_end" smallint null, "variant_template_id" uuid null, "test_share_percent" smallint null, "winner_at" timestamptz null, "winner" text null, "cost_amount" numeric(18,2) null, "cost_currency" text null, "audience_size" int null, "started_at" timestamptz null, "finished_at" timestamptz null, "created_by_id" uuid null, constraint "mkt_campaigns_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_campaigns_status_idx" on "mkt_campaigns" ("tenant_id", "status", "send_at");`);
    this.addSql(`create index "mkt_campaigns_created_idx" on "mkt_campaigns" ("tenant_id", "created_at", "id");`);

    this.addSql(`create table "mkt_deliveries" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "campaign_id" uuid not null, "contact_id" uuid null, "channel" "mkt_channel" not null, "address" text not null, "variant" text null, "status" "mkt_delivery_status" not null, "claimed_at" timestamptz null, "sent_at" timestamptz null, "provider_message_id" text null, "segments" smallint null, "error" text null, "delivered_at" timestamptz null, "opened_at" timestamptz null, "clicked_at" timestamptz null, "unsubscribed_at" timestamptz null, constraint "mkt_deliveries_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_deliveries_provider_idx" on "mkt_deliveries" ("tenant_id", "provider_message_id");`);
    this.addSql(`create index "mkt_deliveries_contact_idx" on "mkt_deliveries" ("tenant_id", "contact_id", "created_at");`);
    this.addSql(`create index "mkt_deliveries_queue_idx" on "mkt_deliveries" ("tenant_id", "campaign_id", "status", "id");`);
    this.addSql(`alter table "mkt_deliveries" add constraint "mkt_deliveries_recipient_key" unique ("tenant_id", "campaign_id", "contact_id", "channel");`);

    this.addSql(`create table "mkt_delivery_events" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "delivery_id" uuid not null, "campaign_id" uuid not null, "contact_id" uuid null, "kind" "mkt_delivery_event_kind" not null, "occurred_at" timestamptz not null, "detail" text null, constraint "mkt_delivery_events_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_delivery_events_delivery_idx" on "mkt_delivery_events" ("tenant_id", "delivery_id");`);
    this.addSql(`create index "mkt_delivery_events_contact_idx" on "mkt_delivery_events" ("tenant_id", "contact_id", "occurred_at", "id");`);
    this.addSql(`create index "mkt_delivery_events_campaign_idx" on "mkt_delivery_events" ("tenant_id", "campaign_id", "occurred_at");`);

    this.addSql(`create table "mkt_list_members" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "list_id" uuid not null, "contact_id" uuid not null, "status" "mkt_subscription_status" not null, "source" text not null, "confirm_token_hash" text null, "confirmed_at" timestamptz null, "unsubscribed_at" timestamptz null, constraint "mkt_list_members_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_list_members_status_idx" on "mkt_list_members" ("tenant_id", "list_id", "status", "contact_id");`);
    this.addSql(`create index "mkt_list_members_contact_idx" on "mkt_list_members" ("tenant_id", "contact_id");`);
    this.addSql(`alter table "mkt_list_members" add constraint "mkt_list_members_key" unique ("tenant_id", "list_id", "contact_id");`);

    this.addSql(`create table "mkt_templates" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "channel" "mkt_channel" not null, "subject" text null, "preheader" text null, "html" text null, "text" text null, "created_by_id" uuid null, constraint "mkt_templates_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_templates_name_idx" on "mkt_templates" ("tenant_id", lower(name), "id");`);

    this.addSql(`create table "signing_keys" ("name" text not null, "secret" text not null, "created_at" timestamptz not null, constraint "signing_keys_pkey" primary key ("name"));`);

    this.addSql(`create table "mkt_lists" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text not null, "description" text null, "double_opt_in" boolean not null default true, "form_token" text not null, "created_by_id" uuid null, constraint "mkt_lists_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "mkt_lists_name_idx" on "mkt_lists" ("tenant_id", lower(name), "id");`);
    this.addSql(`alter table "mkt_lists" add constraint "mkt_lists_form_token_key" unique ("tenant_id", "form_token");`);

    this.addSql(`create table "mkt_suppressions" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "channel" "mkt_channel" not null, "address" text not null, "reason" "mkt_suppression_reason" not null, "source" text not null, "campaign_id" uuid null, constraint "mkt_suppressions_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`alter table "mkt_suppressions" add constraint "mkt_suppressions_address_key" unique ("tenant_id", "channel", "address");`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    for (const table of TABLES) {
      this.addSql(`alter table "${table}" add constraint "${table}_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(`create policy "${table}_tenant_isolation" on "${table}" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    }
    // References keep the tenant. A template or list in use cannot go; a delivery outlives its person
    // (the address stays for the figures) but not its campaign.
    const fks: [table: string, name: string, columns: string, target: string, onDelete: string][] = [
      ['mkt_campaigns', 'template', 'template_id', 'mkt_templates', 'restrict'],
      ['mkt_campaigns', 'variant_template', 'variant_template_id', 'mkt_templates', 'restrict'],
      ['mkt_list_members', 'list', 'list_id', 'mkt_lists', 'cascade'],
      ['mkt_list_members', 'contact', 'contact_id', 'crm_contacts', 'cascade'],
      ['mkt_deliveries', 'campaign', 'campaign_id', 'mkt_campaigns', 'cascade'],
      ['mkt_deliveries', 'contact', 'contact_id', 'crm_contacts', 'set null ("contact_id")'],
      ['mkt_delivery_events', 'delivery', 'delivery_id', 'mkt_deliveries', 'cascade'],
      ['mkt_delivery_events', 'campaign', 'campaign_id', 'mkt_campaigns', 'cascade'],
      ['mkt_delivery_events', 'contact', 'contact_id', 'crm_contacts', 'set null ("contact_id")'],
      ['mkt_suppressions', 'campaign', 'campaign_id', 'mkt_campaigns', 'set null ("campaign_id")'],
    ];
    for (const [table, name, column, target, onDelete] of fks) {
      this.addSql(`alter table "${table}" add constraint "${table}_${name}_foreign" foreign key ("tenant_id", "${column}") references "${target}" ("tenant_id", "id") on delete ${onDelete} deferrable initially deferred;`);
    }
    for (const table of ['mkt_templates', 'mkt_lists', 'mkt_campaigns']) {
      this.addSql(`alter table "${table}" add constraint "${table}_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    }
    // Indexes behind the references that have none of their own.
    this.addSql(`create index "mkt_campaigns_template_idx" on "mkt_campaigns" ("tenant_id", "template_id");`);
    this.addSql(`create index "mkt_campaigns_variant_template_idx" on "mkt_campaigns" ("tenant_id", "variant_template_id") where variant_template_id is not null;`);
    this.addSql(`create index "mkt_suppressions_campaign_idx" on "mkt_suppressions" ("tenant_id", "campaign_id") where campaign_id is not null;`);
    // What each channel's rows must hold.
    this.addSql(`alter table "mkt_templates" add constraint "mkt_templates_channel_check" check (case channel
      when 'EMAIL' then subject is not null and html is not null
      else text is not null and subject is null and html is null and preheader is null end);`);
    this.addSql(`alter table "mkt_campaigns" add constraint "mkt_campaigns_ab_check" check ((variant_template_id is null) = (test_share_percent is null) and (test_share_percent is null or test_share_percent between 2 and 100) and (winner is null or winner in ('A', 'B')));`);
    this.addSql(`alter table "mkt_campaigns" add constraint "mkt_campaigns_quiet_check" check ((quiet_hours_start is null) = (quiet_hours_end is null) and (quiet_hours_start is null or (quiet_hours_start between 0 and 23 and quiet_hours_end between 0 and 23 and quiet_hours_start <> quiet_hours_end)));`);
    this.addSql(`alter table "mkt_campaigns" add constraint "mkt_campaigns_cost_check" check ((cost_amount is null) = (cost_currency is null) and (cost_amount is null or cost_amount >= 0));`);
    this.addSql(`alter table "mkt_campaigns" add constraint "mkt_campaigns_throttle_check" check (throttle_per_minute is null or throttle_per_minute > 0);`);
    this.addSql(`alter table "mkt_deliveries" add constraint "mkt_deliveries_variant_check" check (variant is null or variant in ('A', 'B'));`);

    // The key that signs mailed links: 244 random bits, never leaves the database but to Kontor.
    this.addSql(`insert into "signing_keys" ("name", "secret", "created_at") values ('links', replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', ''), now());`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mkt_campaigns" cascade;`);

    this.addSql(`drop table if exists "mkt_deliveries" cascade;`);

    this.addSql(`drop table if exists "mkt_delivery_events" cascade;`);

    this.addSql(`drop table if exists "mkt_list_members" cascade;`);

    this.addSql(`drop table if exists "mkt_templates" cascade;`);

    this.addSql(`drop table if exists "signing_keys" cascade;`);

    this.addSql(`drop table if exists "mkt_lists" cascade;`);

    this.addSql(`drop table if exists "mkt_suppressions" cascade;`);

    this.addSql(`drop type "mkt_channel";`);
    this.addSql(`drop type "mkt_campaign_status";`);
    this.addSql(`drop type "mkt_delivery_status";`);
    this.addSql(`drop type "mkt_delivery_event_kind";`);
    this.addSql(`drop type "mkt_subscription_status";`);
    this.addSql(`drop type "mkt_suppression_reason";`);
  }

}

const TABLES = ['mkt_templates', 'mkt_lists', 'mkt_list_members', 'mkt_campaigns', 'mkt_deliveries', 'mkt_suppressions', 'mkt_delivery_events'];
const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
