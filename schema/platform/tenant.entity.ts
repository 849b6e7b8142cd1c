import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { newId } from '../shared/ids.js';

/** Platform table (no RLS): one row per company that signed up. */
@Entity({ tableName: 'tenants' })
export class Tenant {
  @PrimaryKey({ type: 'uuid' })
  id: Opt<string> = newId();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
