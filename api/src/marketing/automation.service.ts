import { LockMode } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { CustomFieldEntity, CustomFieldType } from '../../../schema/crm/custom-field.entity.js';
import { AutomationRunStatus } from '../../../schema/marketing/automation-run.entity.js';
import { AutomationStep, AutomationStepKind } from '../../../schema/marketing/automation-step.entity.js';
import { Automation, AutomationStatus, AutomationTriggerKind } from '../../../schema/marketing/automation.entity.js';
import { MarketingChannel, MarketingTemplate } from '../../../schema/marketing/template.entity.js';
import { contactConditions } from '../crm/contact.service.js';
import { customFieldDefinitions } from '../crm/custom-field.service.js';
import { findPipeline, findStage } from '../crm/pipeline.service.js';
import { getSegment } from '../crm/segment.service.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { keysetPage, placeholders, rowDate, rowText, uuidArray, type Row, type SqlCondition } from '../graphql/keyset.js';
import { OrderDirection, pageSize, type ConnectionResult } from '../graphql/pagination.js';
import { checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import { requireFeature } from '../platform/modules/feature-switch.js';
import { segmentMembers } from './automation-membership.js';
import { DateTriggerMode, occurrenceKeys, triggerConfigOf, type TriggerConfig } from './automation-trigger.js';
import type {
  AutomationFilter,
  AutomationNode,
  AutomationRunNode,
  AutomationRunsArgs,
  AutomationStatsNode,
  AutomationStepInput,
  AutomationStepNode,
  AutomationStepStatsNode,
  AutomationTriggerInput,
  CreateAutomationInput,
  UpdateAutomationInput,
} from './automation.types.js';

const NAME_MAX = 200;
const MAX_AUTOMATIONS = 200;
const MAX_STEPS = 20;
const MAX_WAIT_DAYS = 365;
const DEFAULT_HOUR = 9;

// ---------------------------------------------------------------------------------------------
// Reading

export function automationNodeFromRow(row: Row): AutomationNode {
  const config = triggerConfigOf(row.trigger_config);
  const kind = String(row.trigger_kind) as AutomationTriggerKind;
  const segmentId = rowText(row.segment_id);
  return {
    id: toGlobalId('Automation', String(row.id)),
    uuid: String(row.id),
    name: String(row.name),
    status: String(row.status) as AutomationStatus,
    trigger: {
      kind,
      segmentId: segmentId ? toGlobalId('Segment', segmentId) : null,
      includeExisting: config.includeExisting,
      stageId: config.stageId ? toGlobalId('PipelineStage', config.stageId) : null,
      pipelineId: config.pipelineId ? toGlobalId('Pipeline', config.pipelineId) : null,
      customFieldKey: config.fieldKey,
      dateMode: config.dateMode,
      hour: config.hour,
    },
    activatedAt: row.activated_at ? rowDate(row.activated_at) : null,
    createdAt: rowDate(row.created_at),
    updatedAt: rowDate(row.updated_at),
  };
}

function stepNodeFromRow(row: Row): AutomationStepNode {
  const template = rowText(row.template_id);
  const segment = rowText(row.segment_id);
  const filter = row.contact_filter;
  return {
    id: toGlobalId('AutomationStep', String(row.id)),
    uuid: String(row.id),
    position: Number(row.position),
    kind: String(row.kind) as AutomationStepKind,
    days: row.wait_days === null || row.wait_days === undefined ? null : Number(row.wait_days),
    hours: row.wait_hours === null || row.wait_hours === undefined ? null : Number(row.wait_hours),
    templateId: template ? toGlobalId('CampaignTemplate', template) : null,
    segmentId: segment ? toGlobalId('Segment', segment) : null,
    contactFilter: filter !== null && typeof filter === 'object' && !Array.isArray(filter) ? (filter as Record<string, unknown>) : null,
  };
}

function runNodeFromRow(row: Row): AutomationRunNode {
  return {
    id: toGlobalId('AutomationRun', String(row.id)),
    uuid: String(row.id),
    contactUuid: String(row.contact_id),
    status: String(row.status) as AutomationRunStatus,
    occurrence: String(row.occurrence_key),
    stepPosition: Number(row.step_position),
    nextRunAt: row.next_run_at ? rowDate(row.next_run_at) : null,
    createdAt: rowDate(row.created_at),
    finishedAt: row.finished_at ? rowDate(row.finished_at) : null,
  };
}

export async function listAutomations(ctx: ServiceContext, args: { first?: number | null; after?: string | null; filter?: AutomationFilter | null }): Promise<ConnectionResult<AutomationNode>> {
  const conditions: SqlCondition[] = [];
  if (args.filter?.statuses?.length) conditions.push({ sql: `t.status in (${placeholders(args.filter.statuses.length)})`, params: args.filter.statuses });
  if (args.filter?.triggerKinds?.length) conditions.push({ sql: `t.trigger_kind in (${placeholders(args.filter.triggerKinds.length)})`, params: args.filter.triggerKinds });
  return keysetPage(await ctx.em(), {
    table: 'mkt_automations',
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: automationNodeFromRow,
  });
}

export async function automationByUuid(ctx: ServiceContext, uuid: string): Promise<AutomationNode> {
  const rows = await (await ctx.em()).execute<Row[]>(`select * from mkt_automations where tenant_id = ? and id = ?`, [ctx.tenantId, uuid]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Automation');
  return automationNodeFromRow(row);
}

export function getAutomation(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<AutomationNode> {
  return automationByUuid(ctx, fromGlobalId('Automation', globalId, path));
}

/** The steps of every automation of a response in one query. */
export function automationStepsLoader(ctx: RequestContext): DataLoader<string, AutomationStepNode[]> {
  return ctx.loader('mkt.automationSteps', () =>
    new DataLoader<string, AutomationStepNode[]>(async (ids) => {
      const rows = await (await ctx.em()).execute<Row[]>(
        `select * from mkt_automation_steps where tenant_id = ? and automation_id = any(?::uuid[]) order by automation_id, position`,
        [ctx.tenantId, uuidArray(ids)],
      );
      return ids.map((id) => rows.filter((row) => String(row.automation_id) === id).map(stepNodeFromRow));
    }),
  );
}

export async function listRuns(ctx: ServiceContext, automationUuid: string, args: AutomationRunsArgs): Promise<ConnectionResult<AutomationRunNode>> {
  const conditions: SqlCondition[] = [{ sql: 't.automation_id = ?', params: [automationUuid] }];
  if (args.filter?.statuses?.length) conditions.push({ sql: `t.status in (${placeholders(args.filter.statuses.length)})`, params: args.filter.statuses });
  return keysetPage(await ctx.em(), {
    table: 'mkt_automation_runs',
    tenantId: ctx.tenantId,
    conditions,
    sort: { name: 'CREATED_AT', expr: 't.created_at', cast: 'timestamptz' },
    direction: OrderDirection.DESC,
    first: pageSize(args.first),
    after: args.after,
    toNode: runNodeFromRow,
  });
}

/** Three grouped counts over indexed columns: runs by state, messages by state, step records by step and outcome. */
export async function automationStats(ctx: ServiceContext, automationUuid: string): Promise<AutomationStatsNode> {
  const em = await ctx.em();
  const params = [ctx.tenantId, automationUuid];
  const runs = await em.execute<{ status: string; n: number }[]>(`select status, count(*)::int as n from mkt_automation_runs where tenant_id = ? and automation_id = ? group by status`, params);
  const sends = await em.execute<{ status: string; n: number; opened: number; clicked: number; unsubscribed: number }[]>(
    `select status, count(*)::int as n, count(opened_at)::int as opened, count(clicked_at)::int as clicked, count(unsubscribed_at)::int as unsubscribed
       from mkt_automation_sends where tenant_id = ? and automation_id = ? group by status`,
    params,
  );
  const steps = await em.execute<{ position: number; kind: string; outcome: string | null; n: number }[]>(
    `select s.position, s.kind, r.outcome, count(r.id)::int as n
       from mkt_automation_steps s left join mkt_automation_step_runs r on r.tenant_id = s.tenant_id and r.step_id = s.id
      where s.tenant_id = ? and s.automation_id = ? group by s.position, s.kind, r.outcome order by s.position`,
    params,
  );
  const runCount = (status: AutomationRunStatus): number => runs.find((r) => r.status === status)?.n ?? 0;
  const sendCount = (status: string): number => sends.find((s) => s.status === status)?.n ?? 0;
  const byStep = new Map<number, AutomationStepStatsNode>();
  for (const row of steps) {
    const position = Number(row.position);
    const entry = byStep.get(position) ?? { position, kind: row.kind as AutomationStepKind, passed: 0, skipped: 0, stopped: 0 };
    if (row.outcome === 'SKIPPED') entry.skipped += row.n;
    else if (row.outcome === 'FAILED') entry.stopped += row.n;
    else if (row.outcome !== null) entry.passed += row.n;
    byStep.set(position, entry);
  }
  return {
    runs: runCount(AutomationRunStatus.ACTIVE) + runCount(AutomationRunStatus.DONE) + runCount(AutomationRunStatus.STOPPED),
    active: runCount(AutomationRunStatus.ACTIVE),
    done: runCount(AutomationRunStatus.DONE),
    stopped: runCount(AutomationRunStatus.STOPPED),
    messages: {
      queued: sendCount('QUEUED'),
      sending: sendCount('SENDING'),
      sent: sendCount('SENT'),
      delivered: sendCount('DELIVERED'),
      bounced: sendCount('BOUNCED'),
      failed: sendCount('FAILED'),
      opened: sends.reduce((sum, s) => sum + s.opened, 0),
      clicked: sends.reduce((sum, s) => sum + s.clicked, 0),
      unsubscribed: sends.reduce((sum, s) => sum + s.unsubscribed, 0),
    },
    steps: [...byStep.values()],
  };
}

// ---------------------------------------------------------------------------------------------
// Checking input

interface CheckedTrigger {
  triggerKind: AutomationTriggerKind;
  segmentId: string | null;
  triggerConfig: Record<string, unknown>;
}

/** Settings that do not belong to the kind are refused rather than silently dropped. */
function refuseOthers(input: AutomationTriggerInput, allowed: (keyof AutomationTriggerInput)[], path: string[]): void {
  const keys: (keyof AutomationTriggerInput)[] = ['segmentId', 'includeExisting', 'stageId', 'pipelineId', 'customFieldKey', 'dateMode', 'hour'];
  for (const key of keys) {
    if (!allowed.includes(key) && input[key] !== undefined && input[key] !== null) throw BadUserInputError.field([...path, key], `does not apply to a ${input.kind} trigger`, 'INVALID');
  }
}

async function checkTrigger(ctx: ServiceContext, input: AutomationTriggerInput, path: string[]): Promise<CheckedTrigger> {
  const config: Partial<TriggerConfig> = {};
  let segmentId: string | null = null;
  switch (input.kind) {
    case AutomationTriggerKind.CONTACT_CREATED:
      refuseOthers(input, [], path);
      break;
    case AutomationTriggerKind.SEGMENT_ENTERED: {
      refuseOthers(input, ['segmentId', 'includeExisting'], path);
      requireFeature(ctx, 'CRM.segments');
      if (!input.segmentId) throw BadUserInputError.field([...path, 'segmentId'], 'say which segment', 'REQUIRED');
      segmentId = (await getSegment(ctx, input.segmentId, [...path, 'segmentId'])).uuid;
      config.includeExisting = input.includeExisting === true;
      break;
    }
    case AutomationTriggerKind.DEAL_STAGE_REACHED: {
      refuseOthers(input, ['stageId'], path);
      requireFeature(ctx, 'CRM.deals');
      if (!input.stageId) throw BadUserInputError.field([...path, 'stageId'], 'say which stage', 'REQUIRED');
      const stage = await findStage(ctx, input.stageId, [...path, 'stageId']);
      config.stageId = stage.id;
      config.pipelineId = stage.pipelineId;
      break;
    }
    case AutomationTriggerKind.DEAL_WON:
      refuseOthers(input, ['pipelineId'], path);
      requireFeature(ctx, 'CRM.deals');
      if (input.pipelineId) config.pipelineId = (await findPipeline(ctx, input.pipelineId, [...path, 'pipelineId'])).id;
      break;
    case AutomationTriggerKind.TASK_OVERDUE:
      refuseOthers(input, [], path);
      requireFeature(ctx, 'CRM.tasks');
      break;
    case AutomationTriggerKind.DATE_FIELD: {
      refuseOthers(input, ['customFieldKey', 'dateMode', 'hour'], path);
      requireFeature(ctx, 'CRM.customFields');
      const key = input.customFieldKey?.trim();
      if (!key) throw BadUserInputError.field([...path, 'customFieldKey'], 'say which date field', 'REQUIRED');
      const field = (await customFieldDefinitions(ctx, CustomFieldEntity.CONTACT)).find((f) => f.key === key);
      if (!field) throw BadUserInputError.field([...path, 'customFieldKey'], 'people have no custom field with this key', 'UNKNOWN_FIELD');
      if (field.type !== CustomFieldType.DATE) throw BadUserInputError.field([...path, 'customFieldKey'], 'is not a date field', 'INVALID');
      const hour = input.hour ?? DEFAULT_HOUR;
      if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw BadUserInputError.field([...path, 'hour'], 'must be an hour from 0 to 23', 'OUT_OF_RANGE', { min: 0, max: 23 });
      config.fieldKey = key;
      config.dateMode = input.dateMode ?? DateTriggerMode.ANNIVERSARY;
      config.hour = hour;
      break;
    }
  }
  return { triggerKind: input.kind, segmentId, triggerConfig: { ...config } };
}

type StepValues = Pick<AutomationStep, 'kind' | 'waitDays' | 'waitHours' | 'templateId' | 'segmentId' | 'contactFilter'>;

function wholeNumber(value: number | null | undefined, path: string[], max: number): number {
  const n = value ?? 0;
  if (!Number.isInteger(n) || n < 0 || n > max) throw BadUserInputError.field(path, `must be a whole number from 0 to ${max}`, 'OUT_OF_RANGE', { min: 0, max });
  return n;
}

async function templateOfChannel(ctx: ServiceContext, globalId: string | null | undefined, channel: MarketingChannel, path: string[]): Promise<string> {
  if (!globalId) throw BadUserInputError.field(path, 'say which template', 'REQUIRED');
  const template = await (await ctx.em()).findOne(MarketingTemplate, { tenantId: ctx.tenantId, id: fromGlobalId('CampaignTemplate', globalId, path) });
  if (!template) throw new NotFoundError('CampaignTemplate');
  if (template.channel !== channel) throw BadUserInputError.field(path, `an ${channel === MarketingChannel.EMAIL ? 'email' : 'SMS'} step sends a template of that channel`, 'WRONG_CHANNEL');
  return template.id;
}

async function checkStep(ctx: ServiceContext, input: AutomationStepInput, path: string[]): Promise<StepValues> {
  const none = { waitDays: null, waitHours: null, templateId: null, segmentId: null, contactFilter: null };
  const refuse = (keys: (keyof AutomationStepInput)[]): void => {
    for (const key of keys) if (input[key] !== undefined && input[key] !== null) throw BadUserInputError.field([...path, key], `does not apply to a ${input.kind} step`, 'INVALID');
  };
  switch (input.kind) {
    case AutomationStepKind.WAIT: {
      refuse(['templateId', 'segmentId', 'contactFilter']);
      const days = wholeNumber(input.days, [...path, 'days'], MAX_WAIT_DAYS);
      const hours = wholeNumber(input.hours, [...path, 'hours'], 23);
      if (days === 0 && hours === 0) throw BadUserInputError.field([...path, 'hours'], 'a wait lasts at least an hour', 'OUT_OF_RANGE', { min: 1 });
      return { ...none, kind: input.kind, waitDays: days, waitHours: hours };
    }
    case AutomationStepKind.SEND_EMAIL:
    case AutomationStepKind.SEND_SMS: {
      refuse(['days', 'hours', 'segmentId', 'contactFilter']);
      const channel = input.kind === AutomationStepKind.SEND_EMAIL ? MarketingChannel.EMAIL : MarketingChannel.SMS;
      return { ...none, kind: input.kind, templateId: await templateOfChannel(ctx, input.templateId, channel, [...path, 'templateId']) };
    }
    case AutomationStepKind.CONDITION: {
      refuse(['days', 'hours', 'templateId']);
      if (input.segmentId && input.contactFilter) throw BadUserInputError.field([...path, 'contactFilter'], 'give a segment or a filter, not both', 'INVALID');
      if (input.segmentId) {
        requireFeature(ctx, 'CRM.segments');
        return { ...none, kind: input.kind, segmentId: (await getSegment(ctx, input.segmentId, [...path, 'segmentId'])).uuid };
      }
      if (!input.contactFilter) throw BadUserInputError.field([...path, 'segmentId'], 'say which people go on: a segment or a filter', 'REQUIRED');
      // Checked as a list checks it (ids, custom fields), so a condition that saves is one that evaluates.
      await contactConditions(ctx, input.contactFilter, [...path, 'contactFilter']);
      return { ...none, kind: input.kind, contactFilter: JSON.parse(JSON.stringify(input.contactFilter)) as Record<string, unknown> };
    }
  }
}

async function checkSteps(ctx: ServiceContext, inputs: AutomationStepInput[], path: string[]): Promise<StepValues[]> {
  if (inputs.length === 0) throw BadUserInputError.field(path, 'an automation has at least one step', 'REQUIRED');
  if (inputs.length > MAX_STEPS) throw BadUserInputError.field(path, `an automation has at most ${MAX_STEPS} steps`, 'TOO_MANY', { max: MAX_STEPS });
  const steps: StepValues[] = [];
  for (const [i, input] of inputs.entries()) steps.push(await checkStep(ctx, input, [...path, String(i)]));
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Changes

/** The automation row locked for a change: two members pressing buttons at once change it in turn. */
async function lockAutomation(ctx: ServiceContext, globalId: string): Promise<Automation> {
  const automation = await (await ctx.em()).findOne(Automation, { tenantId: ctx.tenantId, id: fromGlobalId('Automation', globalId, ['input', 'id']) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!automation) throw new NotFoundError('Automation');
  return automation;
}

async function replaceSteps(ctx: ServiceContext, automationId: string, steps: StepValues[]): Promise<void> {
  const em = await ctx.em();
  await em.execute(`delete from mkt_automation_steps where tenant_id = ? and automation_id = ?`, [ctx.tenantId, automationId]);
  steps.forEach((step, position) => em.persist(em.create(AutomationStep, { tenantId: ctx.tenantId, automationId, position, ...step })));
  await em.flush();
}

export async function createAutomation(ctx: ServiceContext, input: CreateAutomationInput): Promise<AutomationNode> {
  const em = await ctx.em();
  const name = checkText(input.name, ['input', 'name'], NAME_MAX);
  const trigger = await checkTrigger(ctx, input.trigger, ['input', 'trigger']);
  const steps = await checkSteps(ctx, input.steps, ['input', 'steps']);
  if ((await em.count(Automation, { tenantId: ctx.tenantId })) >= MAX_AUTOMATIONS) {
    throw BadUserInputError.field(['input', 'name'], `a company has at most ${MAX_AUTOMATIONS} automations`, 'TOO_MANY', { max: MAX_AUTOMATIONS });
  }
  const automation = em.create(Automation, { tenantId: ctx.tenantId, name, ...trigger, createdById: ctx.principal?.userId ?? null });
  em.persist(automation);
  await em.flush();
  await replaceSteps(ctx, automation.id, steps);
  return automationByUuid(ctx, automation.id);
}

export async function updateAutomation(ctx: ServiceContext, input: UpdateAutomationInput): Promise<AutomationNode> {
  const automation = await lockAutomation(ctx, input.id);
  const em = await ctx.em();
  if (input.name !== undefined && input.name !== null) automation.name = checkText(input.name, ['input', 'name'], NAME_MAX);
  if ((input.trigger || input.steps) && automation.status === AutomationStatus.ACTIVE) {
    throw new ConflictError('Pause the automation before changing its trigger or steps', ['input', 'id'], 'INVALID_STATE');
  }
  if (input.trigger) Object.assign(automation, await checkTrigger(ctx, input.trigger, ['input', 'trigger']), { sweepState: {} });
  if (input.steps) {
    const steps = await checkSteps(ctx, input.steps, ['input', 'steps']);
    // Each person passes each step once: steps people went through stay as they were.
    const started = await em.execute<{ n: number }[]>(`select count(*)::int as n from mkt_automation_runs where tenant_id = ? and automation_id = ? and status <> 'EXCLUDED'`, [ctx.tenantId, automation.id]);
    if ((started[0]?.n ?? 0) > 0) throw new ConflictError('People have gone through these steps; create a new automation for other steps', ['input', 'steps'], 'IN_USE');
    await replaceSteps(ctx, automation.id, steps);
  }
  automation.updatedAt = new Date();
  await em.flush();
  return automationByUuid(ctx, automation.id);
}

/**
 * DRAFT or PAUSED → ACTIVE. What it refers to must still be there. A segment trigger takes the
 * segment's present members as already in it (EXCLUDED runs), unless it was asked to include them
 * the first time: people who joined while it was paused are not news either. Overdue tasks count
 * from now. The caller queues a sweep once this is committed.
 */
export async function activateAutomation(ctx: ServiceContext, globalId: string): Promise<AutomationNode> {
  const automation = await lockAutomation(ctx, globalId);
  if (automation.status === AutomationStatus.ACTIVE) throw new ConflictError('The automation is already active', ['input', 'id'], 'INVALID_STATE');
  const em = await ctx.em();
  const steps = await em.execute<Row[]>(`select * from mkt_automation_steps where tenant_id = ? and automation_id = ? order by position`, [ctx.tenantId, automation.id]);
  if (steps.length === 0) throw BadUserInputError.field(['input', 'id'], 'the automation has no steps', 'REQUIRED');
  for (const step of steps) {
    if (step.kind === AutomationStepKind.CONDITION && step.segment_id === null && step.contact_filter === null) {
      throw BadUserInputError.field(['input', 'id'], `the segment of the condition at step ${Number(step.position) + 1} was deleted; change the steps`, 'INVALID');
    }
  }
  const config = triggerConfigOf(automation.triggerConfig);
  if (automation.triggerKind === AutomationTriggerKind.SEGMENT_ENTERED) {
    if (!automation.segmentId) throw BadUserInputError.field(['input', 'id'], 'the segment of the trigger was deleted; choose another', 'INVALID');
    const members = await segmentMembers(ctx, automation.segmentId);
    if (!members) throw BadUserInputError.field(['input', 'id'], 'the segment of the trigger was deleted; choose another', 'INVALID');
    const firstTime = automation.activatedAt === null || automation.activatedAt === undefined;
    if (!(firstTime && config.includeExisting)) {
      await em.execute(
        `insert into mkt_automation_runs (tenant_id, id, created_at, updated_at, automation_id, contact_id, occurrence_key, status, step_position, next_run_at, context, finished_at)
         select ?, gen_random_uuid(), now(), now(), ?, m.id, ?, 'EXCLUDED', 0, null, '{}'::jsonb, now() from (${members.sql}) m
         on conflict do nothing`,
        [ctx.tenantId, automation.id, occurrenceKeys.segment(), ...members.params],
      );
    }
  }
  automation.status = AutomationStatus.ACTIVE;
  automation.activatedAt = new Date();
  // Overdue tasks are looked for from this moment on.
  if (automation.triggerKind === AutomationTriggerKind.TASK_OVERDUE) automation.sweepState = {};
  await em.flush();
  return automationByUuid(ctx, automation.id);
}

/** ACTIVE → PAUSED: it reacts to nothing; its runs wait where they are, and go on when it is switched on again. */
export async function pauseAutomation(ctx: ServiceContext, globalId: string): Promise<AutomationNode> {
  const automation = await lockAutomation(ctx, globalId);
  if (automation.status !== AutomationStatus.ACTIVE) throw new ConflictError('Only an active automation can be paused', ['input', 'id'], 'INVALID_STATE');
  automation.status = AutomationStatus.PAUSED;
  await (await ctx.em()).flush();
  return automationByUuid(ctx, automation.id);
}

/** Not while active (pause it first); its steps, runs and messages go with it. */
export async function deleteAutomation(ctx: ServiceContext, globalId: string): Promise<string> {
  const automation = await lockAutomation(ctx, globalId);
  if (automation.status === AutomationStatus.ACTIVE) throw new ConflictError('Pause the automation before deleting it', ['input', 'id'], 'INVALID_STATE');
  const em = await ctx.em();
  em.remove(automation);
  await em.flush();
  return globalId;
}
