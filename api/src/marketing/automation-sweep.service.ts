import type { EntityManager } from '@mikro-orm/postgresql';
import { AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';
import { ModuleDisabledError } from '../graphql/errors.js';
import { rowDate, rowText, type Row } from '../graphql/keyset.js';
import type { App } from '../platform/app.js';
import { inTenant } from '../platform/context/tenant-scope.js';
import { featureOn } from '../platform/modules/feature-switch.js';
import { inCompanyTenant, type CompanyContext } from './company-context.js';
import { startRuns } from './automation-enroll.service.js';
import { enqueueAdvance, enqueueNextSweep } from './automation-jobs.js';
import { segmentMembers } from './automation-membership.js';
import type { TriggerOccurrence } from './automation-queue.js';
import { DateTriggerMode, occurrenceKeys, SWEPT_TRIGGERS, triggerConfigOf } from './automation-trigger.js';

/** Runs started per automation per sweep; the next sweep goes on where this one stopped. */
const SWEEP_BATCH = 1_000;
/** Runs (or their messages) left this long past due were lost by a job: the sweep moves them on. */
const LOST_AFTER_SECONDS = 120;
/** Lost runs taken up per sweep. */
const RECOVER_BATCH = 500;

interface SweptAutomation {
  id: string;
  kind: AutomationTriggerKind;
  segmentId: string | null;
  config: Row;
  state: Row;
  activatedAt: Date | null;
}

function stateOf(value: unknown): Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Row) : {};
}

async function saveState(em: EntityManager, tenantId: string, automationId: string, state: Row): Promise<void> {
  await em.execute(`update mkt_automations set sweep_state = ?::jsonb where tenant_id = ? and id = ?`, [JSON.stringify(state), tenantId, automationId]);
}

/** Segment newcomers: members with no run yet (those there at activation have EXCLUDED ones). */
async function sweepSegment(ctx: CompanyContext, em: EntityManager, automation: SweptAutomation): Promise<string[]> {
  if (!automation.segmentId) return [];
  const members = await segmentMembers(ctx, automation.segmentId);
  if (!members) return [];
  const key = occurrenceKeys.segment();
  const rows = await em.execute<Row[]>(
    `select m.id from (${members.sql}) m
      where not exists (select 1 from mkt_automation_runs r where r.tenant_id = ? and r.automation_id = ? and r.contact_id = m.id and r.occurrence_key = ?)
      limit ${SWEEP_BATCH}`,
    [...members.params, ctx.tenantId, automation.id, key],
  );
  return startRuns(em, ctx.tenantId, automation.id, rows.map((row) => ({ contactId: String(row.id), key })));
}

/**
 * Tasks that passed their due time undone since the automation was switched on, in due order from
 * where the last sweep stopped (an index range, never a scan of old tasks): the person the task is
 * about, or the person of the deal it is about.
 */
async function sweepTasks(ctx: CompanyContext, em: EntityManager, automation: SweptAutomation): Promise<string[]> {
  if (!featureOn(ctx, 'CRM.tasks')) return [];
  const from = rowText(automation.state.taskDueAt) ?? (automation.activatedAt ?? new Date()).toISOString();
  const fromId = rowText(automation.state.taskId) ?? '00000000-0000-0000-0000-000000000000';
  const rows = await em.execute<Row[]>(
    `select t.id, t.due_at, t.completed_at, case when t.subject_type = 'CONTACT' then t.subject_id else d.contact_id end as contact_id
       from crm_tasks t
       left join crm_deals d on t.subject_type = 'DEAL' and d.tenant_id = t.tenant_id and d.id = t.subject_id
      where t.tenant_id = ? and t.due_at <= now() and (t.due_at, t.id) > (?::timestamptz, ?::uuid)
      order by t.due_at, t.id limit ${SWEEP_BATCH}`,
    [ctx.tenantId, from, fromId],
  );
  const last = rows[rows.length - 1];
  if (!last) return [];
  const occurrences: TriggerOccurrence[] = rows
    .filter((row) => row.completed_at === null && row.contact_id !== null)
    .map((row) => ({ contactId: String(row.contact_id), key: occurrenceKeys.task(String(row.id)), context: { taskId: String(row.id) } }));
  const started = await startRuns(em, ctx.tenantId, automation.id, occurrences);
  await saveState(em, ctx.tenantId, automation.id, { ...automation.state, taskDueAt: rowDate(last.due_at).toISOString(), taskId: String(last.id) });
  return started;
}

/**
 * A date field's day, once the company's local hour has come: people whose date is today (ON_DATE,
 * through the custom fields' index) or whose date's day and month are today's (ANNIVERSARY; 29
 * February falls on the 28th in other years). The day's first sweep looks at everyone; later ones
 * only at people created or changed since the one before (the updated-at index).
 */
async function sweepDates(ctx: CompanyContext, em: EntityManager, automation: SweptAutomation): Promise<string[]> {
  if (!featureOn(ctx, 'CRM.customFields')) return [];
  const config = triggerConfigOf(automation.config);
  if (!config.fieldKey) return [];
  const local = (
    await em.execute<Row[]>(
      `select to_char(now() at time zone s.time_zone, 'YYYY-MM-DD') as day, extract(hour from now() at time zone s.time_zone)::int as hour, now() as at
         from tenant_settings s where s.tenant_id = ?`,
      [ctx.tenantId],
    )
  )[0];
  if (!local) return [];
  const day = String(local.day);
  if (Number(local.hour) < (config.hour ?? 0)) return [];
  const monthDay = day.slice(5);
  const year = Number(day.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = config.dateMode === DateTriggerMode.ON_DATE ? null : monthDay === '02-28' && !leap ? ['02-28', '02-29'] : [monthDay];
  const key = occurrenceKeys.date(day);
  const match = days
    ? { sql: `substr(c.custom_fields ->> ?, 6, 5) = any(?::text[])`, params: [config.fieldKey, `{${days.join(',')}}`] }
    : { sql: `c.custom_fields @> ?::jsonb`, params: [JSON.stringify({ [config.fieldKey]: day })] };
  // A minute of slack for transactions that committed a change stamped before the last sweep began.
  const since = automation.state.dateDay === day ? rowText(automation.state.dateCheckedAt) : null;
  const changed = since ? { sql: `and c.updated_at >= ?::timestamptz - interval '1 minute'`, params: [since] } : { sql: '', params: [] };
  const rows = await em.execute<Row[]>(
    `select c.id from crm_contacts c
      where c.tenant_id = ? and ${match.sql} ${changed.sql}
        and not exists (select 1 from mkt_automation_runs r where r.tenant_id = c.tenant_id and r.automation_id = ? and r.contact_id = c.id and r.occurrence_key = ?)
      limit ${SWEEP_BATCH}`,
    [ctx.tenantId, ...match.params, ...changed.params, automation.id, key],
  );
  const started = await startRuns(em, ctx.tenantId, automation.id, rows.map((row) => ({ contactId: String(row.id), key, context: { date: day } })));
  // All found: the next sweep looks only at what changed from now on. Else it goes on as this one did.
  if (rows.length < SWEEP_BATCH) await saveState(em, ctx.tenantId, automation.id, { ...automation.state, dateDay: day, dateCheckedAt: rowDate(local.at).toISOString() });
  return started;
}

async function sweepOne(app: App, tenantId: string, automationId: string, jobId: string): Promise<string[]> {
  return inCompanyTenant(app, tenantId, jobId, async (ctx, em) => {
    // Locked: a sweep and an activation (or two sweeps) take turns on one automation's state.
    const row = (await em.execute<Row[]>(`select * from mkt_automations where tenant_id = ? and id = ? and status = 'ACTIVE' for update`, [tenantId, automationId]))[0];
    if (!row) return [];
    const automation: SweptAutomation = {
      id: automationId,
      kind: String(row.trigger_kind) as AutomationTriggerKind,
      segmentId: rowText(row.segment_id),
      config: stateOf(row.trigger_config),
      state: stateOf(row.sweep_state),
      activatedAt: row.activated_at ? rowDate(row.activated_at) : null,
    };
    try {
      if (automation.kind === AutomationTriggerKind.SEGMENT_ENTERED) return await sweepSegment(ctx, em, automation);
      if (automation.kind === AutomationTriggerKind.TASK_OVERDUE) return await sweepTasks(ctx, em, automation);
      if (automation.kind === AutomationTriggerKind.DATE_FIELD) return await sweepDates(ctx, em, automation);
      return [];
    } catch (error) {
      // A CRM feature it needs is off (segments, say): nothing to find until it is back.
      if (error instanceof ModuleDisabledError) return [];
      throw error;
    }
  });
}

/** Runs of active automations left past due, or with a message left behind: a job was lost. */
async function lostRuns(app: App, tenantId: string): Promise<string[]> {
  return inTenant(app.orm, tenantId, null, async (em) => {
    const rows = await em.execute<Row[]>(
      `(select r.id from mkt_automation_runs r join mkt_automations a on a.tenant_id = r.tenant_id and a.id = r.automation_id and a.status = 'ACTIVE'
          where r.tenant_id = ? and r.status = 'ACTIVE' and r.next_run_at < now() - make_interval(secs => ?) order by r.next_run_at limit ${RECOVER_BATCH})
       union
       (select s.run_id from mkt_automation_sends s
          where s.tenant_id = ? and s.status in ('QUEUED', 'SENDING') and s.updated_at < now() - make_interval(secs => ?) order by s.updated_at limit ${RECOVER_BATCH})`,
      [tenantId, LOST_AFTER_SECONDS, tenantId, LOST_AFTER_SECONDS],
    );
    return rows.map((row) => String(row.id));
  });
}

/**
 * The company's sweep, every few minutes while it has an active automation: the next one is queued
 * first (a failed sweep does not break the chain), then newcomers to segments, overdue tasks and
 * dates start runs, and runs a lost job left behind move on. Returns how many runs it moved.
 */
export async function sweepTenant(app: App, tenantId: string, jobId: string): Promise<number> {
  const active = await inTenant(app.orm, tenantId, null, (em) => em.execute<Row[]>(`select id, trigger_kind from mkt_automations where tenant_id = ? and status = 'ACTIVE'`, [tenantId]));
  if (active.length === 0) return 0;
  await enqueueNextSweep(app, tenantId);
  const runIds: string[] = [];
  for (const automation of active) {
    if (SWEPT_TRIGGERS.has(String(automation.trigger_kind) as AutomationTriggerKind)) runIds.push(...(await sweepOne(app, tenantId, String(automation.id), jobId)));
  }
  runIds.push(...(await lostRuns(app, tenantId)));
  for (const runId of new Set(runIds)) await enqueueAdvance(app, tenantId, runId);
  return runIds.length;
}
