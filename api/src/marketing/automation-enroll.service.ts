import type { EntityManager } from '@mikro-orm/postgresql';
import { AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';
import type { Row } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { enqueueAdvance, enqueueEnroll } from './automation-jobs.js';
import type { EnrollJob, TriggerOccurrence } from './automation-queue.js';
import { triggerConfigOf, type TriggerConfig } from './automation-trigger.js';

/** Where a trigger comes from: the company it happened in. */
export interface TriggerSource {
  app: App;
  tenantId: string;
}

/**
 * The one way into automations: occurrences of a trigger for people of a company. Queues the
 * enrollment (a job of the marketing queue, so it waits while the module is off); the job starts at
 * most one run per automation, person and occurrence. Other modules reach it through platform
 * events (see automation-events.ts); the service desk and accounting will add theirs the same way.
 */
export async function emitMarketingTrigger(source: TriggerSource, kind: AutomationTriggerKind, occurrences: TriggerOccurrence[]): Promise<void> {
  if (occurrences.length === 0) return;
  await enqueueEnroll(source.app, source.tenantId, kind, occurrences);
}

/** Whether the automation's settings take this occurrence (a deal trigger's stage or pipeline). */
function matches(kind: AutomationTriggerKind, config: TriggerConfig, occurrence: TriggerOccurrence): boolean {
  if (kind === AutomationTriggerKind.DEAL_STAGE_REACHED) return config.stageId !== null && config.stageId === occurrence.stageId;
  if (kind === AutomationTriggerKind.DEAL_WON) return config.pipelineId === null || config.pipelineId === occurrence.pipelineId;
  return true;
}

/**
 * New runs of one automation, due now, for people who exist (a person deleted since is skipped);
 * an occurrence seen before starts nothing. Returns the ids of the runs it started.
 */
export async function startRuns(em: EntityManager, tenantId: string, automationId: string, occurrences: TriggerOccurrence[]): Promise<string[]> {
  if (occurrences.length === 0) return [];
  const rows = await em.execute<Row[]>(
    `insert into mkt_automation_runs (tenant_id, id, created_at, updated_at, automation_id, contact_id, occurrence_key, status, step_position, next_run_at, context)
     select ?, gen_random_uuid(), now(), now(), ?, c.id, o.key, 'ACTIVE', 0, now(), o.context
       from jsonb_to_recordset(?::jsonb) as o(contact_id uuid, key text, context jsonb)
       join crm_contacts c on c.tenant_id = ? and c.id = o.contact_id
     on conflict do nothing
     returning id`,
    [tenantId, automationId, JSON.stringify(occurrences.map((o) => ({ contact_id: o.contactId, key: o.key, context: o.context ?? {} }))), tenantId],
  );
  return rows.map((row) => String(row.id));
}

/** The enroll job: runs for every active automation of the kind that takes the occurrence, then each moves on. */
export async function enroll(app: App, job: EnrollJob): Promise<number> {
  const started = await inTenant(app.orm, job.tenantId, null, async (em) => {
    const automations = await em.execute<Row[]>(`select id, trigger_config from mkt_automations where tenant_id = ? and status = 'ACTIVE' and trigger_kind = ?`, [job.tenantId, job.kind]);
    const runIds: string[] = [];
    for (const automation of automations) {
      const config = triggerConfigOf(automation.trigger_config);
      runIds.push(...(await startRuns(em, job.tenantId, String(automation.id), job.occurrences.filter((o) => matches(job.kind, config, o)))));
    }
    return runIds;
  });
  // Once committed. A job lost here is found by the sweep (a run due and not moving).
  for (const runId of started) await enqueueAdvance(app, job.tenantId, runId);
  return started.length;
}
