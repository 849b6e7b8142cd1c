import { Migration } from '@mikro-orm/migrations';

/**
 * A company's sending settings for campaigns: its own SMTP server and Twilio account (secrets sealed
 * with CREDENTIALS_KEY by the application: the database never holds them in clear) and its
 * throttles per channel.
 */
export class Migration20261123090826 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "mkt_channel_accounts" ("tenant_id" uuid not null, "id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "smtp_host" text null, "smtp_port" int null, "smtp_secure" boolean null, "smtp_username" text null, "smtp_password_encrypted" text null, "smtp_from" text null, "twilio_account_sid" text null, "twilio_auth_token_encrypted" text null, "twilio_from" text null, "emails_per_minute" int null, "sms_per_minute" int null, "updated_by_id" uuid null, constraint "mkt_channel_accounts_pkey" primary key ("tenant_id", "id"));`);
    this.addSql(`alter table "mkt_channel_accounts" add constraint "mkt_channel_accounts_tenant_key" unique ("tenant_id");`);

    // Added by hand: the tenant reference and row-level security, as on every tenant table.
    this.addSql(`alter table "mkt_channel_accounts" add constraint "mkt_channel_accounts_tenant_id_foreign" foreign key ("tenant_id") references "tenants" ("id") on delete cascade deferrable initially deferred;`);
    this.addSql(`alter table "mkt_channel_accounts" add constraint "mkt_channel_accounts_updated_by_id_foreign" foreign key ("updated_by_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    this.addSql(`alter table "mkt_channel_accounts" enable row level security;`);
    this.addSql(`create policy "mkt_channel_accounts_tenant_isolation" on "mkt_channel_accounts" using (${TENANT_MATCH}) with check (${TENANT_MATCH});`);
    this.addSql(`alter table "mkt_channel_accounts" add constraint "mkt_channel_accounts_throttle_check" check ((emails_per_minute is null or emails_per_minute > 0) and (sms_per_minute is null or sms_per_minute > 0));`);
    // The company's throttle counts its claims of the last minute.
    this.addSql(`create index "mkt_deliveries_claimed_idx" on "mkt_deliveries" ("tenant_id", "claimed_at") where claimed_at is not null;`);
    // A server is whole or absent, an account too; secrets only ever sealed (v1:iv:tag:ciphertext).
    this.addSql(`alter table "mkt_channel_accounts" add constraint "mkt_channel_accounts_smtp_check" check ((smtp_host is null) = (smtp_from is null) and (smtp_host is null) = (smtp_port is null) and (smtp_port is null or smtp_port between 1 and 65535) and (smtp_password_encrypted is null or smtp_password_encrypted like 'v1:%'));`);
    this.addSql(`alter table "mkt_channel_accounts" add constraint "mkt_channel_accounts_twilio_check" check ((twilio_account_sid is null) = (twilio_from is null) and (twilio_account_sid is null) = (twilio_auth_token_encrypted is null) and (twilio_auth_token_encrypted is null or twilio_auth_token_encrypted like 'v1:%'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "mkt_channel_accounts" cascade;`);
  }

}

const TENANT_MATCH = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
