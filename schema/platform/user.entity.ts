import { Entity, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { newId } from '../shared/ids.js';

/** Platform table (no RLS): a person who can log in; belongs to tenants through memberships. */
@Entity({ tableName: 'users' })
export class User {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = newId();

  /** Stored lower-cased; one account per address across the platform. */
  @Property({ type: 'text' })
  @Unique()
  email!: string;

  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'timestamptz', nullable: true })
  emailVerifiedAt?: Date | null;

  @Property({ type: 'text' })
  locale: Opt<string> = 'en';

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
