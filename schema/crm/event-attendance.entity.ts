import { Entity, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** A person at a marketing event (registered, and whether they came), with their customer at the time. */
@Entity({ tableName: 'crm_event_attendances' })
@TenantFilter()
@Index({ name: 'crm_event_attendances_key', expression: `create unique index "crm_event_attendances_key" on "crm_event_attendances" ("tenant_id", "event_id", "contact_id")` })
@Index({ name: 'crm_event_attendances_contact_idx', properties: ['tenantId', 'contactId'] })
@Index({ name: 'crm_event_attendances_customer_idx', properties: ['tenantId', 'customerId'] })
export class EventAttendance extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  eventId!: string;

  @Property({ type: 'uuid' })
  contactId!: string;

  @Property({ type: 'uuid', nullable: true })
  customerId?: string | null;

  /** false: registered but did not come. */
  @Property({ type: 'boolean' })
  attended: Opt<boolean> = true;
}
