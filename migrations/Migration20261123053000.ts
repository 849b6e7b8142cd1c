import { Migration } from '@mikro-orm/migrations';

/**
 * Roles limited to their own CRM records. The company lists the limited roles; authentication puts
 * the member in `app.own_records_user` when their role is one of them; restrictive row-level
 * security policies then show such a member only the customers, people and deals they own, and the
 * rows hanging off those (history, addresses, legal entities, messages). Everyone else (and API
 * keys, and jobs) has the setting empty and sees the whole company as before.
 */
export class Migration20261123053000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "tenant_settings" add column "own_records_roles" text[] not null default '{}';`);
    this.addSql(`alter table "tenant_settings" alter column "own_records_roles" drop default;`);
    this.addSql(`alter table "crm_contacts" add column "owner_id" uuid null;`);
    this.addSql(`create index "crm_contacts_owner_idx" on "crm_contacts" ("tenant_id", "owner_id");`);
    this.addSql(`alter table "crm_contacts" add constraint "crm_contacts_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on delete set null deferrable initially deferred;`);
    // People already there answer to their customer's owner.
    this.addSql(`update "crm_contacts" c set "owner_id" = cu."owner_id" from "crm_customers" cu where cu."tenant_id" = c."tenant_id" and cu."id" = c."customer_id" and cu."owner_id" is not null;`);

    // Authentication also says whether the member's role is limited, and sets the setting the policies read.
    this.addSql(`drop function "kontor_authenticate_session"(text);`);
    this.addSql(`create function "kontor_authenticate_session"(p_token_hash text)
      returns table (session_id uuid, user_id uuid, tenant_id uuid, last_seen_at timestamptz, role text, modules json, options json, own_records_only boolean)
      language plpgsql security definer set search_path = public, pg_temp as $fn$
      declare
        found_session record;
        member_role text;
        limited boolean;
      begin
        select s.id, s.user_id, s.tenant_id, s.last_seen_at into found_session
          from sessions s where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now();
        if not found then
          return;
        end if;
        select m.role::text into member_role from memberships m where m.tenant_id = found_session.tenant_id and m.user_id = found_session.user_id;
        select coalesce(member_role = any(ts.own_records_roles), false) into limited from tenant_settings ts where ts.tenant_id = found_session.tenant_id;
        limited := coalesce(limited, false);
        perform set_config('app.tenant_id', found_session.tenant_id::text, true), set_config('app.user_id', found_session.user_id::text, true),
          set_config('app.own_records_user', case when limited then found_session.user_id::text else '' end, true);
        return query select found_session.id, found_session.user_id, found_session.tenant_id, found_session.last_seen_at, member_role,
          (select coalesce(json_agg(json_build_array(t.key, t.enabled)), '[]'::json) from tenant_modules t where t.tenant_id = found_session.tenant_id),
          (select coalesce(json_agg(json_build_array(o.key, o.enabled)), '[]'::json) from tenant_feature_options o where o.tenant_id = found_session.tenant_id),
          limited;
      end
      $fn$;`);
    this.addSql(`revoke all on function "kontor_authenticate_session"(text) from public;`);

    // Restrictive: they narrow the tenant policy, never widen it. Reads (and updates and deletes, which
    // read the rows they touch) of a limited member see only what is theirs; everyone else passes the
    // first test. Policies of a table that reads another table see that table through its own policies.
    const policies: [table: string, visible: string][] = [
      ['crm_customers', `owner_id = ${ME}`],
      ['crm_contacts', `owner_id = ${ME} or customer_id in (select c.id from crm_customers c)`],
      ['crm_deals', `owner_id = ${ME}`],
      ['crm_counterparties', `customer_id in (select c.id from crm_customers c)`],
      ['crm_contact_points', `contact_id in (select c.id from crm_contacts c)`],
      ['crm_consent_events', `contact_id in (select c.id from crm_contacts c)`],
      ['crm_deal_stage_changes', `deal_id in (select d.id from crm_deals d)`],
      ['crm_deal_checklist_marks', `deal_id in (select d.id from crm_deals d)`],
      ['crm_interactions', `created_by_id = ${ME} or contact_id in (select c.id from crm_contacts c) or customer_id in (select c.id from crm_customers c) or deal_id in (select d.id from crm_deals d)`],
      ['crm_messages', `created_by_id = ${ME} or contact_id in (select c.id from crm_contacts c) or customer_id in (select c.id from crm_customers c)`],
      ['crm_tasks', `assignee_id = ${ME} or created_by_id = ${ME}`],
    ];
    for (const [table, visible] of policies) {
      this.addSql(`create policy "${table}_own_records" on "${table}" as restrictive for select using (${UNLIMITED} or ${visible});`);
    }
  }

}

const UNLIMITED = `coalesce(current_setting('app.own_records_user', true), '') = ''`;
const ME = `nullif(current_setting('app.own_records_user', true), '')::uuid`;
