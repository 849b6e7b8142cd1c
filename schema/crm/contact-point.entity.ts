import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum ContactPointChannel {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
}

export enum ContactPointType {
  WORK = 'WORK',
  HOME = 'HOME',
  MOBILE = 'MOBILE',
  OTHER = 'OTHER',
}

/**
 * One of a person's email addresses or phone numbers. The first of each channel (rank 0) is also
 * kept on the contact row, where lists sort and search it.
 */
@Entity({ tableName: 'crm_contact_points' })
@TenantFilter()
@Index({ name: 'crm_contact_points_contact_idx', properties: ['tenantId', 'contactId', 'channel', 'rank'] })
@Index({ name: 'crm_contact_points_value_idx', properties: ['tenantId', 'channel', 'value'] })
export class ContactPoint extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  contactId!: string;

  @Enum({ items: () => ContactPointChannel, nativeEnumName: 'crm_contact_point_channel' })
  channel!: ContactPointChannel;

  @Enum({ items: () => ContactPointType, nativeEnumName: 'crm_contact_point_type' })
  type!: ContactPointType;

  /** A lower-case email address or an E.164 number. */
  @Property({ type: 'text' })
  value!: string;

  @Property({ type: 'smallint' })
  rank!: number;
}
