import { Entity, Enum, Index, Property } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** What a task is about. */
export enum TaskSubjectType {
  CONTACT = 'CONTACT',
  CUSTOMER = 'CUSTOMER',
  DEAL = 'DEAL',
}

/**
 * Something a person must do by a time. `remindedDueAt` is the due time a reminder was sent for:
 * the reminder job claims it atomically, so a reminder goes out once per due time, and moving the
 * due time arms a new one.
 */
@Entity({ tableName: 'crm_tasks' })
@TenantFilter()
@Index({ name: 'crm_tasks_due_idx', properties: ['tenantId', 'dueAt', 'id'] })
@Index({ name: 'crm_tasks_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'crm_tasks_assignee_idx', properties: ['tenantId', 'assigneeId', 'dueAt', 'id'] })
@Index({ name: 'crm_tasks_subject_idx', properties: ['tenantId', 'subjectType', 'subjectId'] })
export class Task extends TenantOwnedEntity {
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  dueAt?: Date | null;

  /** A member of the tenant (a user id); null: nobody yet. */
  @Property({ type: 'uuid', nullable: true })
  assigneeId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;

  @Enum({ items: () => TaskSubjectType, nativeEnumName: 'crm_task_subject_type', nullable: true })
  subjectType?: TaskSubjectType | null;

  @Property({ type: 'uuid', nullable: true })
  subjectId?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true, hidden: true })
  remindedDueAt?: Date | null;
}
