import { Migration } from '@mikro-orm/migrations';

/**
 * Written by hand (MikroORM does not model functions): authentication in one round trip. The function
 * finds a live session by its token hash, sets the transaction's tenant and user from it, and returns
 * the member's role and the tenant's switches. SECURITY DEFINER so it can read before a tenant is set;
 * it reveals nothing without a valid token. The application role gets EXECUTE in ensureAppRole.
 */
export class Migration20261123022500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function "kontor_authenticate_session"(p_token_hash text)
      returns table (session_id uuid, user_id uuid, tenant_id uuid, last_seen_at timestamptz, role text, modules json, options json)
      language plpgsql security definer set search_path = public, pg_temp as $fn$
      declare
        found_session record;
      begin
        select s.id, s.user_id, s.tenant_id, s.last_seen_at into found_session
          from sessions s where s.token_hash = p_token_hash and s.revoked_at is null and s.expires_at > now();
        if not found then
          return;
        end if;
        perform set_config('app.tenant_id', found_session.tenant_id::text, true), set_config('app.user_id', found_session.user_id::text, true);
        return query select found_session.id, found_session.user_id, found_session.tenant_id, found_session.last_seen_at,
          (select m.role::text from memberships m where m.tenant_id = found_session.tenant_id and m.user_id = found_session.user_id),
          (select coalesce(json_agg(json_build_array(t.key, t.enabled)), '[]'::json) from tenant_modules t where t.tenant_id = found_session.tenant_id),
          (select coalesce(json_agg(json_build_array(o.key, o.enabled)), '[]'::json) from tenant_feature_options o where o.tenant_id = found_session.tenant_id);
      end
      $fn$;`);
    this.addSql(`revoke all on function "kontor_authenticate_session"(text) from public;`);
  }
}
