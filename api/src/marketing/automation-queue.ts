import type { TenantJobData } from '../../../workers/queues.js';
import { AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';

/** The marketing module's queue of automation work (declared in its manifest: it waits while the module is off). */
export const AUTOMATION_QUEUE = 'automation';

/** Starts runs for trigger occurrences (idempotent: one run per automation, person and occurrence). */
export const ENROLL_JOB = 'enroll';
/** Moves one run on: sends its pending message, then runs steps until a wait, the end or a stop. */
export const ADVANCE_JOB = 'advance';
/** Per company, every few minutes while it has active automations: segment newcomers, overdue tasks, dates, lost work. */
export const SWEEP_JOB = 'sweep';

/** One occurrence of a trigger for one person. */
export interface TriggerOccurrence {
  contactId: string;
  /** Names the occurrence: a person goes through an automation once per key. */
  key: string;
  /** What the trigger matched on (a deal's stage and pipeline), checked against each automation's settings. */
  stageId?: string;
  pipelineId?: string;
  /** Kept on the run for its history (the deal, the task). */
  context?: Record<string, string>;
}

export interface EnrollJob extends TenantJobData {
  tenantId: string;
  kind: AutomationTriggerKind;
  occurrences: TriggerOccurrence[];
}

export interface AdvanceJob extends TenantJobData {
  tenantId: string;
  runId: string;
}

export interface SweepJob extends TenantJobData {
  tenantId: string;
}

function record(data: TenantJobData): Record<string, unknown> {
  return { ...data };
}

const TRIGGER_KINDS = new Set<string>(Object.values(AutomationTriggerKind));

/** Jobs are data from the queue store, not trusted types: each is checked before use. */
export function isEnrollJob(data: TenantJobData): data is EnrollJob {
  const r = record(data);
  return (
    typeof r.tenantId === 'string' &&
    typeof r.kind === 'string' &&
    TRIGGER_KINDS.has(r.kind) &&
    Array.isArray(r.occurrences) &&
    r.occurrences.every((o: unknown) => typeof o === 'object' && o !== null && typeof (o as Record<string, unknown>).contactId === 'string' && typeof (o as Record<string, unknown>).key === 'string')
  );
}

export function isAdvanceJob(data: TenantJobData): data is AdvanceJob {
  const r = record(data);
  return typeof r.tenantId === 'string' && typeof r.runId === 'string';
}

export function isSweepJob(data: TenantJobData): data is SweepJob {
  return typeof record(data).tenantId === 'string';
}
