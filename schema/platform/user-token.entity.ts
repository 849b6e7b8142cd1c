import { Entity, Enum, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { newId } from '../shared/ids.js';

export enum UserTokenPurpose {
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  RESET_PASSWORD = 'RESET_PASSWORD',
}

/** Platform table (no RLS): single-use links sent by email (verification, password reset). */
@Entity({ tableName: 'user_tokens' })
@Index({ properties: ['userId'] })
export class UserToken {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = newId();

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => UserTokenPurpose, nativeEnumName: 'user_token_purpose' })
  purpose!: UserTokenPurpose;

  @Property({ type: 'text', hidden: true })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
