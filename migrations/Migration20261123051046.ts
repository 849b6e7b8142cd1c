import { Migration } from '@mikro-orm/migrations';

/**
 * Messages to and from people: the log of every email and SMS sent from Kontor (and emails
 * received), with delivery status, threading and the interaction each produced. And each company's
 * inbound email secret, generated here for the companies that exist (new ones get theirs at sign-up).
 */
export class Migration20261123051046 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "crm_message_channel" as enum ('EMAIL', 'SMS');`);
    this.addSql(`create type "crm_message_status" as enum ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'RECEIVED');`);
    this.addSql(`create table "crm_messages" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "channel" "crm_message_channel" not null, "direction" "crm_interaction_direction" not null, "status" "crm_message_status" not null, "contact_id" uuid null, "customer_id" uuid null, "deal_id" uuid null, "from_address" text null, "to_address" text not null, "subject" text null, "body" text not null, "provider_message_id" text null, "in_reply_to" text null, "thread_key" text null, "error" text null, "segments" smallint null, "sent_at" timestamptz null, "interaction_id" uuid null, "created_by_id" uuid null, constraint "crm_messages_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`create index "crm_messages_unmatched_idx" on "crm_messages" ("tenant_id", "created_at", "id") where contact_id is null and direction = 'INBOUND';`);
    this.addSql(`create index "crm_messages_provider_idx" on "crm_messages" ("tenant_id", "provider_message_id");`);
    this.addSql(`create index "crm_messages_interaction_idx" on "crm_messages" ("tenant_id", "interaction_id");`);
    this.addSql(`create index "crm_messages_customer_idx" on "crm_messages" ("tenant_id", "customer_id", "created_at", "id");`);
    this.addSql(`create index "crm_messages_contact_idx" on "crm_messages" ("tenant_id", "contact_id", "created_at", "id");`);
    this.addSql(`create index "crm_messages_created_idx" on "crm_messages" ("tenant_id", "created_at", "id");`);
    this.addSql(`create unique index "crm_messages_inbound_key" on "crm_messages" ("tenant_id", "provider_message_id") where direction = 'INBOUND' and provider_message_id is not null;`);

    // Written by hand: existing companies get a secret (gen_random_uuid: 122 random bits, as 32 hex digits), then it is required.
    this.addSql(`alter table "tenant_settings" add column "inbound_email_token" text null;`);
    this.addSql(`update "tenant_settings" set "inbound_email_token" = replace(gen_random_uuid()::text, '-', '');`);
    this.addSql(`alter table "tenant_settings" alter column "inbound_email_token" set not null;`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    this.addSql(`alter table "crm_messages" add constraint "crm_messages_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "crm_messages" enable row level security;`);
    this.addSql(`create policy "crm_messages_tenant_isolation" on "crm_messages" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    // References keep the tenant. A message outlives its person, customer and interaction (the
    // reference is cleared), as interactions outlive their person. deal_id gets its reference once
    // deals are in place.
    this.addSql(`alter table "crm_messages" add constraint "crm_messages_contact_foreign" foreign key ("tenant_id", "contact_id") references "crm_contacts" ("tenant_id", "id") on delete set null ("contact_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_messages" add constraint "crm_messages_customer_foreign" foreign key ("tenant_id", "customer_id") references "crm_customers" ("tenant_id", "id") on delete set null ("customer_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_messages" add constraint "crm_messages_interaction_foreign" foreign key ("tenant_id", "interaction_id") references "crm_interactions" ("tenant_id", "id") on delete set null ("interaction_id") deferrable initially deferred;`);
    this.addSql(`alter table "crm_messages" add constraint "crm_messages_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    // Inbound messages are RECEIVED and nothing else is; subjects and threads are email's, segments SMS's.
    this.addSql(`alter table "crm_messages" add constraint "crm_messages_status_check" check ((direction = 'INBOUND') = (status = 'RECEIVED'));`);
    this.addSql(`alter table "crm_messages" add constraint "crm_messages_channel_check" check (case channel
      when 'EMAIL' then segments is null and thread_key is not null
      else subject is null and thread_key is null and in_reply_to is null and (segments is null or segments >= 1) end);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "crm_messages" cascade;`);

    this.addSql(`alter table "tenant_settings" drop column "inbound_email_token";`);

    this.addSql(`drop type "crm_message_channel";`);
    this.addSql(`drop type "crm_message_status";`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
