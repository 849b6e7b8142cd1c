import { Entity, Enum, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum ApiKeyAccess {
  READ = 'READ',
  READ_WRITE = 'READ_WRITE',
}

/** A partner's key. The secret is shown once and stored only as its SHA-256. */
@Entity({ tableName: 'api_keys' })
@TenantFilter()
export class ApiKey extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', hidden: true })
  secretHash!: string;

  /** The first characters of the token, so people can tell their keys apart. */
  @Property({ type: 'text' })
  prefix!: string;

  @Property({ type: 'text[]' })
  modules: Opt<string[]> = [];

  @Enum({ items: () => ApiKeyAccess, nativeEnumName: 'api_key_access' })
  access!: ApiKeyAccess;

  @Property({ type: 'integer', nullable: true })
  rateLimitPerMinute?: number | null;

  @Property({ type: 'uuid' })
  createdByUserId!: string;

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
