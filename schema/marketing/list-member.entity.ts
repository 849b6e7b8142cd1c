import { Entity, Enum, Index, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** PENDING until a double opt-in is confirmed; UNSUBSCRIBED keeps the record of the choice. */
export enum SubscriptionStatus {
  PENDING = 'PENDING',
  SUBSCRIBED = 'SUBSCRIBED',
  UNSUBSCRIBED = 'UNSUBSCRIBED',
}

/** A person on a list, with how and when they joined or left it. */
@Entity({ tableName: 'mkt_list_members' })
@TenantFilter()
@Unique({ name: 'mkt_list_members_key', properties: ['tenantId', 'listId', 'contactId'] })
@Index({ name: 'mkt_list_members_contact_idx', properties: ['tenantId', 'contactId'] })
@Index({ name: 'mkt_list_members_status_idx', properties: ['tenantId', 'listId', 'status', 'contactId'] })
@Index({ name: 'mkt_list_members_joined_idx', properties: ['tenantId', 'listId', 'createdAt', 'id'] })
export class ListMember extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  listId!: string;

  @Property({ type: 'uuid' })
  contactId!: string;

  @Enum({ items: () => SubscriptionStatus, nativeEnumName: 'mkt_subscription_status' })
  status!: SubscriptionStatus;

  /** How they came: "form", "import", "staff", ... */
  @Property({ type: 'text' })
  source!: string;

  /** SHA-256 of the confirmation token mailed for double opt-in; cleared once used. */
  @Property({ type: 'text', nullable: true })
  confirmTokenHash?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  unsubscribedAt?: Date | null;
}
