import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';

/**
 * Keys that sign the links Kontor mails (unsubscribe, open pixel, click redirect), generated in the
 * database so the API and every worker sign and check with the same key without configuration. A
 * platform table: it belongs to no tenant, and the application role may only read it.
 */
@Entity({ tableName: 'signing_keys' })
export class SigningKey {
  @PrimaryKey({ type: 'text' })
  name!: string;

  /** 32 random bytes, hex. */
  @Property({ type: 'text' })
  secret!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
