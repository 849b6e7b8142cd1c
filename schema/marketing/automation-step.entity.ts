import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { TenantFilter, TenantOwnedEntity } from '../shared/tenant-owned.entity.js';

export enum AutomationStepKind {
  /** Waits days and hours before the next step. */
  WAIT = 'WAIT',
  SEND_EMAIL = 'SEND_EMAIL',
  SEND_SMS = 'SEND_SMS',
  /** Goes on only when the person is in a segment or matches a filter; otherwise the run stops. */
  CONDITION = 'CONDITION',
}

/** One step of an automation, at its position (0, 1, ...). */
@Entity({ tableName: 'mkt_automation_steps' })
@TenantFilter()
@Unique({ name: 'mkt_automation_steps_position_key', properties: ['tenantId', 'automationId', 'position'] })
export class AutomationStep extends TenantOwnedEntity {
  @Property({ type: 'uuid' })
  automationId!: string;

  @Property({ type: 'smallint' })
  position!: number;

  @Enum({ items: () => AutomationStepKind, nativeEnumName: 'mkt_automation_step_kind' })
  kind!: AutomationStepKind;

  /** WAIT: how long, in days and hours. */
  @Property({ type: 'smallint', nullable: true })
  waitDays?: number | null;

  @Property({ type: 'smallint', nullable: true })
  waitHours?: number | null;

  /** SEND_EMAIL, SEND_SMS: the template of that channel. */
  @Property({ type: 'uuid', nullable: true })
  templateId?: string | null;

  /** CONDITION: the person must be in this contact segment... */
  @Property({ type: 'uuid', nullable: true })
  segmentId?: string | null;

  /** ...or match this contact filter (as ContactFilter takes it). */
  @Property({ type: 'jsonb', nullable: true })
  contactFilter?: Record<string, unknown> | null;
}
