import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { Company } from './company.entity.js';

/** A person. The reference to a company shares `tenant_id`, so it can never point into another tenant. */
// Indexes match the list's sort keys and the search expression of contact.service.ts exactly.
@Entity({ tableName: 'crm_contacts' })
@TenantFilter()
@Index({ name: 'crm_contacts_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'crm_contacts_updated_idx', properties: ['tenantId', 'updatedAt', 'id'] })
@Index({ name: 'crm_contacts_email_idx', properties: ['tenantId', 'email'] })
@Index({
  name: 'crm_contacts_name_idx',
  expression: `create index "crm_contacts_name_idx" on "crm_contacts" ("tenant_id", lower(first_name || ' ' || coalesce(last_name, '')), "id")`,
})
@Index({
  name: 'crm_contacts_email_sort_idx',
  expression: `create index "crm_contacts_email_sort_idx" on "crm_contacts" ("tenant_id", coalesce(email, ''), "id")`,
})
@Index({
  name: 'crm_contacts_company_idx',
  expression: `create index "crm_contacts_company_idx" on "crm_contacts" ("tenant_id", "company_id") where company_id is not null`,
})
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

  @Property({ type: 'text', nullable: true })
  jobTitle?: string | null;

  @ManyToOne(() => Company, {
    ref: true,
    nullable: true,
    fieldNames: ['tenant_id', 'company_id'],
    ownColumns: ['company_id'],
    deleteRule: 'no action',
    updateRule: 'no action',
  })
  company?: Ref<Company> | null;
}
