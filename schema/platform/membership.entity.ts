import { Entity, Enum, Index, PrimaryKey, PrimaryKeyProp, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter } from '../shared/tenant-owned.entity.js';

export enum Role {
  OWNER = 'OWNER',
  ADMIN = 'ADMIN',
  MANAGER = 'MANAGER',
  AGENT = 'AGENT',
  VIEWER = 'VIEWER',
}

/**
 * A user's role in a tenant. Tenant-owned with RLS; its policy also lets a user see their own
 * memberships in other tenants (needed to list and switch tenants), and nothing else.
 */
@Entity({ tableName: 'memberships' })
@TenantFilter()
@Index({ properties: ['userId'] })
export class Membership {
  [PrimaryKeyProp]?: ['tenantId', 'userId'];

  @PrimaryKey({ type: 'uuid' })
  tenantId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => Role, nativeEnumName: 'role' })
  role!: Role;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
