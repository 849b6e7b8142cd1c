import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { newId } from '../shared/ids.js';

/** Platform table (no RLS): a logged-in device. The bearer token is stored only as its SHA-256. */
@Entity({ tableName: 'sessions' })
@Index({ properties: ['userId'] })
export class Session {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = newId();

  @Property({ type: 'text', hidden: true })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  /** The tenant this session currently works in; `switchTenant` changes it. */
  @Property({ type: 'uuid' })
  tenantId!: string;

  @Property({ type: 'text', nullable: true })
  userAgent?: string | null;

  @Property({ type: 'text', nullable: true })
  ip?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  lastSeenAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
