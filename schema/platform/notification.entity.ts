import { Entity, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** A message for one person in one company, shown in the app until read (task reminders, ...). */
@Entity({ tableName: 'notifications' })
@TenantFilter()
@Index({ name: 'notifications_user_idx', properties: ['tenantId', 'userId', 'createdAt', 'id'] })
export class Notification extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  userId!: string;

  /** What happened, e.g. TASK_DUE; clients word it in the user's language from `kind` and `params`. */
  @Property({ type: 'text' })
  kind!: string;

  /** Values the wording needs (a task's title, its due time). */
  @Property({ type: 'jsonb' })
  params!: Record<string, string>;

  /** Where in the app it leads, e.g. /tasks/<id>. */
  @Property({ type: 'text', nullable: true })
  link?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null;
}
