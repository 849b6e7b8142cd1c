import { Embedded, Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { Address } from '../shared/address.embeddable.js';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum CustomerKind {
  ORGANIZATION = 'ORGANIZATION',
  PERSON = 'PERSON',
}

export enum LifecycleStage {
  LEAD = 'LEAD',
  PROSPECT = 'PROSPECT',
  CUSTOMER = 'CUSTOMER',
  FORMER = 'FORMER',
}

/** Where a customer came from; the UTM fields and the referrer say more. */
export enum SourceChannel {
  DIRECT = 'DIRECT',
  REFERRAL = 'REFERRAL',
  ORGANIC_SEARCH = 'ORGANIC_SEARCH',
  PAID_SEARCH = 'PAID_SEARCH',
  SOCIAL = 'SOCIAL',
  PAID_SOCIAL = 'PAID_SOCIAL',
  EMAIL = 'EMAIL',
  EVENT = 'EVENT',
  PARTNER = 'PARTNER',
  COLD_OUTREACH = 'COLD_OUTREACH',
  OTHER = 'OTHER',
}

/**
 * The relationship: an organization or a private person the tenant sells to. The legal entities it
 * buys through are its counterparties, which may change while this row (and its history) stays.
 */
// Indexes match the list's sort keys and the search expression of customer.service.ts exactly.
@Entity({ tableName: 'crm_customers' })
@TenantFilter()
@Index({ name: 'crm_customers_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'crm_customers_updated_idx', properties: ['tenantId', 'updatedAt', 'id'] })
@Index({ name: 'crm_customers_name_idx', expression: `create index "crm_customers_name_idx" on "crm_customers" ("tenant_id", lower(name), "id")` })
@Index({
  name: 'crm_customers_search_idx',
  expression: `create index "crm_customers_search_idx" on "crm_customers" using gin ((name || ' ' || coalesce(domain, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops)`,
})
@Index({
  name: 'crm_customers_referred_by_idx',
  expression: `create index "crm_customers_referred_by_idx" on "crm_customers" ("tenant_id", "referred_by_id") where referred_by_id is not null`,
})
@Index({ name: 'crm_customers_owner_idx', properties: ['tenantId', 'ownerId'] })
@Index({ name: 'crm_customers_custom_fields_idx', expression: `create index "crm_customers_custom_fields_idx" on "crm_customers" using gin ("custom_fields" jsonb_path_ops)` })
@Index({ name: 'crm_customers_tags_idx', expression: `create index "crm_customers_tags_idx" on "crm_customers" using gin (crm_lower_tags(tags))` })
export class Customer extends TenantOwnedEntity {
  @Enum({ items: () => CustomerKind, nativeEnumName: 'crm_customer_kind' })
  kind: Opt<CustomerKind> = CustomerKind.ORGANIZATION;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => LifecycleStage, nativeEnumName: 'crm_lifecycle_stage' })
  lifecycleStage: Opt<LifecycleStage> = LifecycleStage.LEAD;

  @Property({ type: 'text', nullable: true })
  domain?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;

  /** The member responsible for the relationship. */
  @Property({ type: 'uuid', nullable: true })
  ownerId?: string | null;

  @Embedded({ entity: () => Address, prefix: 'address_' })
  address: Opt<Address> = new Address();

  @Enum({ items: () => SourceChannel, nativeEnumName: 'crm_source_channel', nullable: true })
  sourceChannel?: SourceChannel | null;

  @Property({ type: 'text', nullable: true })
  utmSource?: string | null;

  @Property({ type: 'text', nullable: true })
  utmMedium?: string | null;

  @Property({ type: 'text', nullable: true })
  utmCampaign?: string | null;

  /** The customer who recommended this one. */
  @Property({ type: 'uuid', nullable: true })
  referredById?: string | null;

  @Property({ type: 'text[]' })
  tags: Opt<string[]> = [];

  /** Values of the tenant's custom fields, by field key (see custom-field.entity.ts). */
  @Property({ type: 'jsonb' })
  customFields: Opt<Record<string, unknown>> = {};
}
