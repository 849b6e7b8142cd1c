import { Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

/** DRAFT until first switched on; ACTIVE reacts to its trigger and moves its runs on; PAUSED does neither (runs wait). */
export enum AutomationStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
}

/**
 * What starts a run for a person. Events of other modules (a person created, a deal moved or won)
 * arrive through the platform's event mechanism; states (a segment's members, overdue tasks, a date
 * field) are found by a periodic sweep. Later modules add theirs (ticket resolved, invoice overdue).
 */
export enum AutomationTriggerKind {
  CONTACT_CREATED = 'CONTACT_CREATED',
  SEGMENT_ENTERED = 'SEGMENT_ENTERED',
  DEAL_STAGE_REACHED = 'DEAL_STAGE_REACHED',
  DEAL_WON = 'DEAL_WON',
  TASK_OVERDUE = 'TASK_OVERDUE',
  DATE_FIELD = 'DATE_FIELD',
}

/**
 * An event-triggered sequence of steps (wait, send an email or SMS, check a condition) that each
 * person it is triggered for goes through once per occurrence of the trigger.
 */
@Entity({ tableName: 'mkt_automations' })
@TenantFilter()
@Index({ name: 'mkt_automations_created_idx', properties: ['tenantId', 'createdAt', 'id'] })
@Index({ name: 'mkt_automations_trigger_idx', properties: ['tenantId', 'status', 'triggerKind'] })
export class Automation extends TenantOwnedEntity {
  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => AutomationStatus, nativeEnumName: 'mkt_automation_status' })
  status: Opt<AutomationStatus> = AutomationStatus.DRAFT;

  @Enum({ items: () => AutomationTriggerKind, nativeEnumName: 'mkt_automation_trigger_kind' })
  triggerKind!: AutomationTriggerKind;

  /**
   * The trigger's settings as checked when saved: the stage or pipeline of a deal trigger, the date
   * field, its mode and local hour, whether a segment's present members count. See automation-trigger.ts.
   */
  @Property({ type: 'jsonb' })
  triggerConfig: Opt<Record<string, unknown>> = {};

  /** SEGMENT_ENTERED: the segment (a column, so the database keeps the reference in the company). */
  @Property({ type: 'uuid', nullable: true })
  segmentId?: string | null;

  /** Where the sweep got to for this automation (overdue tasks seen up to, date triggers done for a day). */
  @Property({ type: 'jsonb' })
  sweepState: Opt<Record<string, unknown>> = {};

  /** When it was last switched on: overdue tasks count from then, not from the beginning of time. */
  @Property({ type: 'timestamptz', nullable: true })
  activatedAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  createdById?: string | null;
}
