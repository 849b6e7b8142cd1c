import { Entity, Index, Property, Unique, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/**
 * A list people subscribe to (a newsletter, product news), from a public form or added by staff.
 * With double opt-in a subscription counts only once the person confirms it from the email sent to them.
 */
@Entity({ tableName: 'mkt_lists' })
@TenantFilter()
@Index({ name: 'mkt_lists_name_idx', expression: `create index "mkt_lists_name_idx" on "mkt_lists" ("tenant_id", lower(name), "id")` })
// The public form's address names the company and this token, never the list's id.
@Unique({ name: 'mkt_lists_form_token_key', properties: ['tenantId', 'formToken'] })
export class SubscriptionList extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'boolean' })
  doubleOptIn: Opt<boolean> = true;

  /** 32 random hex digits: the list's public form is /subscribe/<company id>.<token>. */
  @Property({ type: 'text' })
  formToken!: string;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;
}
