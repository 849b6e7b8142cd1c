import { Embedded, Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Address } from '../shared/address.embeddable.js';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { ConsentStatus } from './consent-event.entity.js';
import { Customer } from './customer.entity.js';

/**
 * A person. The reference to a customer shares `tenant_id`, so it can never point into another
 * tenant. `email` and `phone` are the first of the person's contact points, kept here for lists.
 */
// Indexes match the list's sort keys and the search expression of contact.service.ts exactly.
@Entity({ tableName: 'crm_contacts' })
@TenantFilter()
@Index({ name: 'crm_contacts_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'crm_contacts_updated_idx', properties: ['tenantId', 'updatedAt', 'id'] })
@Index({ name: 'crm_contacts_email_idx', properties: ['tenantId', 'email'] })
@Index({
  name: 'crm_contacts_position_idx',
  expression: `create index "crm_contacts_position_idx" on "crm_contacts" ("tenant_id", "position_id") where position_id is not null`,
})
@Index({ name: 'crm_contacts_owner_idx', properties: ['tenantId', 'ownerId'] })
@Index({
  name: 'crm_contacts_name_idx',
  expression: `create index "crm_contacts_name_idx" on "crm_contacts" ("tenant_id", lower(first_name || ' ' || coalesce(last_name, '')), "id")`,
})
@Index({
  name: 'crm_contacts_email_sort_idx',
  expression: `create index "crm_contacts_email_sort_idx" on "crm_contacts" ("tenant_id", coalesce(email, ''), "id")`,
})
@Index({
  name: 'crm_contacts_customer_idx',
  expression: `create index "crm_contacts_customer_idx" on "crm_contacts" ("tenant_id", "customer_id") where customer_id is not null`,
})
@Index({ name: 'crm_contacts_custom_fields_idx', expression: `create index "crm_contacts_custom_fields_idx" on "crm_contacts" using gin ("custom_fields" jsonb_path_ops)` })
@Index({ name: 'crm_contacts_tags_idx', expression: `create index "crm_contacts_tags_idx" on "crm_contacts" using gin (crm_lower_tags(tags))` })
@Index({
  name: 'crm_contacts_search_idx',
  expression: `create index "crm_contacts_search_idx" on "crm_contacts" using gin ((first_name || ' ' || coalesce(last_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops)`,
})
export class Contact extends TenantOwnedEntity {
  @Property({ type: 'text' })
  firstName!: string;

  @Property({ type: 'text', nullable: true })
  lastName?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  /** The member responsible for the person (their customer's owner answers for them too). */
  @Property({ type: 'uuid', nullable: true })
  ownerId?: string | null;

  /** From the tenant's directory of positions. */
  @Property({ type: 'uuid', nullable: true })
  positionId?: string | null;

  @ManyToOne(() => Customer, {
    ref: true,
    nullable: true,
    fieldNames: ['tenant_id', 'customer_id'],
    ownColumns: ['customer_id'],
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  customer?: Ref<Customer> | null;

  @Embedded({ entity: () => Address, prefix: 'address_' })
  address: Opt<Address> = new Address();

  /** Current consent per channel; crm_consent_events holds how it came to be. */
  @Enum({ items: () => ConsentStatus, nativeEnumName: 'crm_consent_status' })
  emailConsent: Opt<ConsentStatus> = ConsentStatus.UNKNOWN;

  @Enum({ items: () => ConsentStatus, nativeEnumName: 'crm_consent_status' })
  smsConsent: Opt<ConsentStatus> = ConsentStatus.UNKNOWN;

  @Property({ type: 'text[]' })
  tags: Opt<string[]> = [];

  /** Values of the tenant's custom fields, by field key (see custom-field.entity.ts). */
  @Property({ type: 'jsonb' })
  customFields: Opt<Record<string, unknown>> = {};
}
