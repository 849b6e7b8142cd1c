import { AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';

/** DATE_FIELD: every year on the date's day and month, or once, on the date itself. */
export enum DateTriggerMode {
  ANNIVERSARY = 'ANNIVERSARY',
  ON_DATE = 'ON_DATE',
}

/** A trigger's settings as stored in `trigger_config` (uuids, not global ids). */
export interface TriggerConfig {
  /** DEAL_STAGE_REACHED: the stage (and its pipeline). */
  stageId: string | null;
  /** DEAL_STAGE_REACHED: the stage's pipeline; DEAL_WON: only deals of this pipeline (null: any). */
  pipelineId: string | null;
  /** SEGMENT_ENTERED: people already in the segment when it is switched on go through it too. */
  includeExisting: boolean;
  /** DATE_FIELD: a contact custom field of type DATE, its mode, and the local hour (company time zone) it fires at. */
  fieldKey: string | null;
  dateMode: DateTriggerMode | null;
  hour: number | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The stored settings, read defensively (jsonb written by an earlier version stays readable). */
export function triggerConfigOf(value: unknown): TriggerConfig {
  const r = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  const mode = text(r.dateMode);
  return {
    stageId: text(r.stageId),
    pipelineId: text(r.pipelineId),
    includeExisting: r.includeExisting === true,
    fieldKey: text(r.fieldKey),
    dateMode: mode === DateTriggerMode.ON_DATE || mode === DateTriggerMode.ANNIVERSARY ? mode : null,
    hour: typeof r.hour === 'number' && Number.isInteger(r.hour) ? r.hour : null,
  };
}

/** Triggers found by the periodic sweep rather than by events. */
export const SWEPT_TRIGGERS: ReadonlySet<AutomationTriggerKind> = new Set([AutomationTriggerKind.SEGMENT_ENTERED, AutomationTriggerKind.TASK_OVERDUE, AutomationTriggerKind.DATE_FIELD]);

/** Occurrence keys: a person goes through an automation once per key. */
export const occurrenceKeys = {
  created: (): string => 'created',
  segment: (): string => 'segment',
  dealStage: (dealId: string, stageId: string): string => `deal:${dealId}:stage:${stageId}`,
  dealWon: (dealId: string): string => `deal:${dealId}:won`,
  task: (taskId: string): string => `task:${taskId}`,
  date: (day: string): string => `date:${day}`,
};
