import { randomUUID } from 'node:crypto';
import type { App } from '../platform/app.js';
import { ADVANCE_JOB, AUTOMATION_QUEUE, ENROLL_JOB, SWEEP_JOB, type AdvanceJob, type EnrollJob, type SweepJob, type TriggerOccurrence } from './automation-queue.js';
import type { AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';

/** How often a company's automations are swept (segment newcomers, overdue tasks, dates, lost jobs). */
export const SWEEP_INTERVAL_MS = 5 * 60_000;

/** At most this many occurrences per enroll job: a large batch becomes several small jobs. */
const ENROLL_BATCH = 500;

export async function enqueueEnroll(app: App, tenantId: string, kind: AutomationTriggerKind, occurrences: TriggerOccurrence[]): Promise<void> {
  for (let i = 0; i < occurrences.length; i += ENROLL_BATCH) {
    const data: EnrollJob = { tenantId, kind, occurrences: occurrences.slice(i, i + ENROLL_BATCH) };
    await app.jobs.add(AUTOMATION_QUEUE, ENROLL_JOB, data, { jobId: `enroll-${randomUUID()}` });
  }
}

/**
 * Moves a run on, now or at `at` (the end of a wait). Moving a run on is idempotent (its row is
 * locked, each step is recorded once), so a duplicate job is harmless: ids are unique rather than
 * derived, because a derived id would silently drop a job whose namesake finished recently.
 */
export async function enqueueAdvance(app: App, tenantId: string, runId: string, at?: Date): Promise<void> {
  const data: AdvanceJob = { tenantId, runId };
  await app.jobs.add(AUTOMATION_QUEUE, ADVANCE_JOB, data, { jobId: `advance-${runId}-${randomUUID()}`, delay: at ? Math.max(0, at.getTime() - Date.now()) : 0 });
}

/**
 * The company's next sweep, at the start of the next interval. Its id names the interval, so every
 * sweep and every activation asking for the next one keeps a single chain going.
 */
export async function enqueueNextSweep(app: App, tenantId: string): Promise<void> {
  const slot = Math.floor(Date.now() / SWEEP_INTERVAL_MS) + 1;
  const data: SweepJob = { tenantId };
  await app.jobs.add(AUTOMATION_QUEUE, SWEEP_JOB, data, { jobId: `sweep-${tenantId}-${slot}`, delay: Math.max(0, slot * SWEEP_INTERVAL_MS - Date.now()) });
}

/** A sweep now (an automation was switched on: its segment, its paused runs), besides the chain. */
export async function enqueueSweepNow(app: App, tenantId: string): Promise<void> {
  const data: SweepJob = { tenantId };
  await app.jobs.add(AUTOMATION_QUEUE, SWEEP_JOB, data, { jobId: `sweep-${tenantId}-now-${randomUUID()}` });
}
