import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum SegmentEntity {
  CONTACT = 'CONTACT',
  CUSTOMER = 'CUSTOMER',
}

/**
 * A saved filter over contacts or customers, evaluated in SQL whenever it is read, so its members
 * are always current. Campaigns use contact segments as audiences; lists use them as saved views.
 */
@Entity({ tableName: 'crm_segments' })
@TenantFilter()
@Index({ name: 'crm_segments_name_idx', expression: `create index "crm_segments_name_idx" on "crm_segments" ("tenant_id", "entity", lower(name))` })
export class Segment extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => SegmentEntity, nativeEnumName: 'crm_segment_entity' })
  entity!: SegmentEntity;

  /** The list filter (ContactFilter or CustomerFilter) as given, without a segment of its own. */
  @Property({ type: 'jsonb' })
  filter!: Record<string, unknown>;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;
}
