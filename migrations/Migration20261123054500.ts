import { Migration } from '@mikro-orm/migrations';

/**
 * Row-level security lets PostgreSQL use an index for a condition of the query only when the
 * condition's functions are LEAKPROOF (they cannot reveal a hidden row through an error). The
 * operators CRM lists filter with (tags and custom-field containment, enum equality, ILIKE search,
 * the name sort key) are safe in that sense but not marked so, which turns an indexed segment count
 * into a scan of every row of the tenant. Marking needs a superuser: where the migration runs as
 * one (the embedded database, tests, a self-hosted server) it marks them; elsewhere it says so and
 * the queries stay correct, only slower.
 */
export class Migration20261123054500 extends Migration {

  override async up(): Promise<void> {
    const functions = [
      'pg_catalog.arraycontains(anyarray, anyarray)',
      'pg_catalog.enum_eq(anyenum, anyenum)',
      'pg_catalog.enum_ne(anyenum, anyenum)',
      'pg_catalog.jsonb_contains(jsonb, jsonb)',
      'pg_catalog.jsonb_object_field_text(jsonb, text)',
      'pg_catalog.texticlike(text, text)',
      'pg_catalog.textlike(text, text)',
      'pg_catalog.lower(text)',
      'pg_catalog.textcat(text, text)',
      'pg_catalog.numeric_eq(numeric, numeric)',
      'pg_catalog.numeric_lt(numeric, numeric)',
      'pg_catalog.numeric_le(numeric, numeric)',
      'pg_catalog.numeric_gt(numeric, numeric)',
      'pg_catalog.numeric_ge(numeric, numeric)',
      'public.crm_lower_tags(text[])',
    ];
    this.addSql(`do $do$
      begin
        if (select rolsuper from pg_roles where rolname = current_user) then
          ${functions.map((fn) => `alter function ${fn} leakproof;`).join('\n          ')}
        else
          raise notice 'not a superuser: CRM filters keep working under row-level security, without their indexes';
        end if;
      end
    $do$;`);
  }

}
