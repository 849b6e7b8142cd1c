import { Entity, Enum, Index, Property, Unique, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/**
 * ACTIVE: its next step is due at `nextRunAt`. DONE: every step passed. STOPPED: a condition was
 * not met. EXCLUDED: already in the segment when the automation was switched on (kept so the sweep
 * does not take them for newcomers); it never runs.
 */
export enum AutomationRunStatus {
  ACTIVE = 'ACTIVE',
  DONE = 'DONE',
  STOPPED = 'STOPPED',
  EXCLUDED = 'EXCLUDED',
}

/**
 * One person going through one automation for one occurrence of its trigger (`occurrenceKey`: once
 * for "created" or "entered the segment", per deal and stage, per task, per date). Unique, so a
 * trigger seen twice (a retried job, a sweep racing an event) starts one run.
 */
@Entity({ tableName: 'mkt_automation_runs' })
@TenantFilter()
@Unique({ name: 'mkt_automation_runs_occurrence_key', properties: ['tenantId', 'automationId', 'contactId', 'occurrenceKey'] })
@Index({ name: 'mkt_automation_runs_list_idx', properties: ['tenantId', 'automationId', 'status', 'id'] })
@Index({ name: 'mkt_automation_runs_contact_idx', properties: ['tenantId', 'contactId'] })
@Index({ name: 'mkt_automation_runs_due_idx', expression: `create index "mkt_automation_runs_due_idx" on "mkt_automation_runs" ("tenant_id", "next_run_at") where status = 'ACTIVE'` })
export class AutomationRun extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  automationId!: string;

  @Property({ type: 'uuid' })
  contactId!: string;

  @Property({ type: 'text' })
  occurrenceKey!: string;

  @Enum({ items: () => AutomationRunStatus, nativeEnumName: 'mkt_automation_run_status' })
  status: Opt<AutomationRunStatus> = AutomationRunStatus.ACTIVE;

  /** Position of the next step to run. */
  @Property({ type: 'smallint' })
  stepPosition: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  nextRunAt?: Date | null;

  /** What triggered it (the deal, the task, the date), for the person's history. */
  @Property({ type: 'jsonb' })
  context: Opt<Record<string, unknown>> = {};

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}
