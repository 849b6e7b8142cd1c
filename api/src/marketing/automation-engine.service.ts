import type { EntityManager } from '@mikro-orm/postgresql';
import { AutomationStepOutcome } from '../../../schema/marketing/automation-step-run.entity.js';
import { AutomationStepKind } from '../../../schema/marketing/automation-step.entity.js';
import { MarketingChannel } from '../../../schema/marketing/template.entity.js';
import { ModuleDisabledError } from '../graphql/errors.js';
import { rowText, type Row } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import { reachable } from './audience.service.js';
import { inCompanyTenant, type CompanyContext } from './company-context.js';
import { enqueueAdvance } from './automation-jobs.js';
import { contactMatches } from './automation-membership.js';
import type { AdvanceJob } from './automation-queue.js';
import { automationMessageId, deliverPendingSends, type AutomationSenders } from './automation-send.service.js';

/** More steps than an automation may have: a run never loops in one job. */
const MAX_STEPS_PER_JOB = 25;

/**
 * What one step did: go on at once, wait until `at` (a job is queued for then), or stop here (the
 * run ended, is not due, its automation is paused, or a condition cannot be evaluated now: the
 * sweep brings due runs back).
 */
type StepResult = { kind: 'next' } | { kind: 'wait'; at: Date } | { kind: 'stop' };

interface LockedRun {
  id: string;
  automationId: string;
  contactId: string;
  stepPosition: number;
}

/** The run, locked for this transaction, when it is ACTIVE, due, and its automation ACTIVE. */
async function lockDueRun(em: EntityManager, tenantId: string, runId: string): Promise<LockedRun | null> {
  const rows = await em.execute<Row[]>(
    `select r.id, r.automation_id, r.contact_id, r.step_position from mkt_automation_runs r
       join mkt_automations a on a.tenant_id = r.tenant_id and a.id = r.automation_id
      where r.tenant_id = ? and r.id = ? and r.status = 'ACTIVE' and a.status = 'ACTIVE' and r.next_run_at <= now() + interval '1 second'
      for update of r`,
    [tenantId, runId],
  );
  const row = rows[0];
  return row ? { id: String(row.id), automationId: String(row.automation_id), contactId: String(row.contact_id), stepPosition: Number(row.step_position) } : null;
}

/** Records the step as passed by the run: false when it already was (the row is unique per run and step). */
async function recordStep(em: EntityManager, tenantId: string, runId: string, stepId: string, outcome: AutomationStepOutcome, detail: string | null = null): Promise<boolean> {
  const rows = await em.execute<Row[]>(
    `insert into mkt_automation_step_runs (tenant_id, id, created_at, updated_at, run_id, step_id, outcome, detail) values (?, gen_random_uuid(), now(), now(), ?, ?, ?, ?)
     on conflict do nothing returning id`,
    [tenantId, runId, stepId, outcome, detail],
  );
  return rows.length > 0;
}

/** Past the step it was at (and only from there: the row lock makes this so, the condition says so too). */
async function moveOn(em: EntityManager, tenantId: string, run: LockedRun, at: Date | null): Promise<void> {
  await em.execute(
    `update mkt_automation_runs set step_position = ?, next_run_at = coalesce(?::timestamptz, now()), updated_at = now() where tenant_id = ? and id = ? and step_position = ?`,
    [run.stepPosition + 1, at?.toISOString() ?? null, tenantId, run.id, run.stepPosition],
  );
}

async function finish(em: EntityManager, tenantId: string, run: LockedRun, status: 'DONE' | 'STOPPED'): Promise<void> {
  await em.execute(`update mkt_automation_runs set status = ?, next_run_at = null, finished_at = now(), updated_at = now() where tenant_id = ? and id = ?`, [status, tenantId, run.id]);
}

/**
 * A send step: the message is queued (its claim row, unique per run and step) in the transaction
 * that moves the run past the step, and leaves once that is committed. A person who cannot be
 * reached on the channel now (no consent, no address, suppressed) is skipped; the run goes on.
 */
async function queueMessage(em: EntityManager, tenantId: string, run: LockedRun, step: Row): Promise<void> {
  const channel = step.kind === AutomationStepKind.SEND_EMAIL ? MarketingChannel.EMAIL : MarketingChannel.SMS;
  const ok = reachable(channel, []);
  const rows = await em.execute<Row[]>(
    `select ${channel === MarketingChannel.EMAIL ? 'lower(c.email)' : 'c.phone'} as address, (${ok.sql}) as ok from crm_contacts c where c.tenant_id = ? and c.id = ?`,
    [...ok.params, tenantId, run.contactId],
  );
  const contact = rows[0];
  const address = rowText(contact?.address);
  if (!contact || contact.ok !== true || !address) {
    await recordStep(em, tenantId, run.id, String(step.id), AutomationStepOutcome.SKIPPED, 'unsubscribed, suppressed, without consent or without an address');
    return;
  }
  if (!(await recordStep(em, tenantId, run.id, String(step.id), AutomationStepOutcome.QUEUED))) return;
  const sendId = (await em.execute<{ id: string }[]>(`select gen_random_uuid()::text as id`))[0]?.id ?? '';
  await em.execute(
    `insert into mkt_automation_sends (tenant_id, id, created_at, updated_at, automation_id, run_id, step_id, contact_id, template_id, channel, address, status, provider_message_id)
     values (?, ?, now(), now(), ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?) on conflict do nothing`,
    [tenantId, sendId, run.automationId, run.id, String(step.id), run.contactId, String(step.template_id), channel, address, channel === MarketingChannel.EMAIL ? automationMessageId(sendId) : null],
  );
}

/** Runs the run's current step, in one transaction with the run locked, so no two workers run a step twice. */
async function runStep(app: App, job: AdvanceJob, jobId: string): Promise<StepResult> {
  return inCompanyTenant(app, job.tenantId, jobId, async (ctx: CompanyContext, em): Promise<StepResult> => {
    const run = await lockDueRun(em, job.tenantId, job.runId);
    if (!run) return { kind: 'stop' };
    const step = (await em.execute<Row[]>(`select * from mkt_automation_steps where tenant_id = ? and automation_id = ? and position = ?`, [job.tenantId, run.automationId, run.stepPosition]))[0];
    if (!step) {
      await finish(em, job.tenantId, run, 'DONE');
      return { kind: 'stop' };
    }
    const stepId = String(step.id);
    switch (String(step.kind) as AutomationStepKind) {
      case AutomationStepKind.WAIT: {
        const at = new Date(Date.now() + (Number(step.wait_days) * 24 + Number(step.wait_hours)) * 3_600_000);
        await recordStep(em, job.tenantId, run.id, stepId, AutomationStepOutcome.WAITED);
        await moveOn(em, job.tenantId, run, at);
        return { kind: 'wait', at };
      }
      case AutomationStepKind.CONDITION: {
        let met: boolean;
        try {
          met = await contactMatches(ctx, run.contactId, {
            segmentId: rowText(step.segment_id),
            contactFilter: step.contact_filter !== null && typeof step.contact_filter === 'object' ? (step.contact_filter as Record<string, unknown>) : null,
          });
        } catch (error) {
          // Segments or custom fields switched off: the run waits (still due) until they are back.
          if (error instanceof ModuleDisabledError) return { kind: 'stop' };
          throw error;
        }
        await recordStep(em, job.tenantId, run.id, stepId, met ? AutomationStepOutcome.PASSED : AutomationStepOutcome.FAILED);
        if (!met) {
          await finish(em, job.tenantId, run, 'STOPPED');
          return { kind: 'stop' };
        }
        await moveOn(em, job.tenantId, run, null);
        return { kind: 'next' };
      }
      case AutomationStepKind.SEND_EMAIL:
      case AutomationStepKind.SEND_SMS:
        await queueMessage(em, job.tenantId, run, step);
        await moveOn(em, job.tenantId, run, null);
        return { kind: 'next' };
    }
  });
}

/**
 * The advance job: the run's pending message leaves first, then steps run one transaction each
 * until a wait (a delayed job is queued for its end), the end, or a stop. Killed anywhere, a retry
 * (or the sweep) takes it up where the committed state says: no step runs twice, no message is
 * sent twice, none is forgotten.
 */
export async function advanceRun(app: App, senders: AutomationSenders, job: AdvanceJob, jobId: string): Promise<void> {
  for (let i = 0; i < MAX_STEPS_PER_JOB; i++) {
    await deliverPendingSends(app, senders, job.tenantId, job.runId);
    const result = await runStep(app, job, jobId);
    if (result.kind === 'next') continue;
    if (result.kind === 'wait') await enqueueAdvance(app, job.tenantId, job.runId, result.at);
    return;
  }
}
