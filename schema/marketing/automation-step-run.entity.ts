import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/**
 * What a step did for a run: WAITED, QUEUED a message, SKIPPED one (no consent, no address,
 * suppressed), PASSED or FAILED a condition.
 */
export enum AutomationStepOutcome {
  WAITED = 'WAITED',
  QUEUED = 'QUEUED',
  SKIPPED = 'SKIPPED',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}

/** A run passing a step: unique per (run, step), so each person passes each step at most once. */
@Entity({ tableName: 'mkt_automation_step_runs' })
@TenantFilter()
@Unique({ name: 'mkt_automation_step_runs_key', properties: ['tenantId', 'runId', 'stepId'] })
export class AutomationStepRun extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  runId!: string;

  @Property({ type: 'uuid' })
  stepId!: string;

  @Enum({ items: () => AutomationStepOutcome, nativeEnumName: 'mkt_automation_step_outcome' })
  outcome!: AutomationStepOutcome;

  @Property({ type: 'text', nullable: true })
  detail?: string | null;
}
