import { Entity, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

@Entity({ tableName: 'crm_companies' })
@TenantFilter()
@Index({ name: 'crm_companies_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'crm_companies_updated_idx', properties: ['tenantId', 'updatedAt', 'id'] })
@Index({ name: 'crm_companies_name_idx', expression: `create index "crm_companies_name_idx" on "crm_companies" ("tenant_id", lower(name), "id")` })
@Index({
  name: 'crm_companies_search_idx',
  expression: `create index "crm_companies_search_idx" on "crm_companies" using gin ((name || ' ' || coalesce(domain, '') || ' ' || coalesce(email, '') || ' ' || coalesce(phone, '')) gin_trgm_ops)`,
})
export class Company extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  domain?: string | null;

  @Property({ type: 'text', nullable: true })
  email?: string | null;

  @Property({ type: 'text', nullable: true })
  phone?: string | null;
}
