import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';
import { Role } from './membership.entity.js';

/** An invitation to join a tenant; the emailed token carries the tenant id, so lookups stay under RLS. */
@Entity({ tableName: 'invitations' })
@TenantFilter()
@Unique({ properties: ['tenantId', 'tokenHash'] })
export class Invitation extends TenantOwnedEntity {
  @Property({ type: 'text' })
  email!: string;

  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  invitedByUserId!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  acceptedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
