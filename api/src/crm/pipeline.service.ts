import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Pipeline } from '../../../schema/crm/pipeline.entity.js';
import { PipelineStage } from '../../../schema/crm/pipeline-stage.entity.js';
import { StageChecklistItem } from '../../../schema/crm/stage-checklist-item.entity.js';
import { BadUserInputError, ConflictError, NotFoundError } from '../graphql/errors.js';
import { fromGlobalId, toGlobalId } from '../graphql/global-id.js';
import { placeholders, type Row } from '../graphql/keyset.js';
import { checkText } from '../platform/auth/auth.service.js';
import type { RequestContext } from '../platform/context/request-context.js';
import type { ServiceContext } from '../platform/context/service-context.js';
import type {
  CreatePipelineInput,
  CreatePipelineStageInput,
  CreateStageChecklistItemInput,
  NewPipelineStageInput,
  PipelineNode,
  PipelineStageNode,
  ReorderPipelineStagesInput,
  StageChecklistItemNode,
  UpdatePipelineInput,
  UpdatePipelineStageInput,
  UpdateStageChecklistItemInput,
} from './pipeline.types.js';

export const MAX_PIPELINES = 50;
export const MAX_STAGES = 30;
export const MAX_CHECKLIST_ITEMS = 30;
const NAME_MAX = 100;
const ITEM_TITLE_MAX = 300;
const ROTTING_DAYS_MAX = 3650;

/** What a new company starts with; the names stay English in the database (companies rename them). */
export const DEFAULT_PIPELINE = {
  name: 'Sales',
  stages: [
    { name: 'Qualification', probability: 10 },
    { name: 'Needs analysis', probability: 25 },
    { name: 'Proposal', probability: 50 },
    { name: 'Negotiation', probability: 75 },
  ],
} as const;

// ---------------------------------------------------------------------------------------------
// Dense order: rows of one scope (a pipeline's stages, a stage's checklist, a board column) are
// numbered 0..n-1. Neighbours are renumbered in SQL; that is not an edit of theirs, so their
// `updated_at` stays.

/** The rows of one ordered list: `where` is over the table's own columns and includes the tenant. */
export interface OrderScope {
  table: string;
  where: string;
  params: unknown[];
}

export async function countIn(em: EntityManager, scope: OrderScope): Promise<number> {
  const rows = await em.execute<Row[]>(`select count(*)::int as n from ${scope.table} where ${scope.where}`, scope.params);
  return Number(rows[0]?.n ?? 0);
}

/** Makes room at `position`: everything from there on moves one down. */
export async function openGap(em: EntityManager, scope: OrderScope, position: number): Promise<void> {
  await em.execute(`update ${scope.table} set position = position + 1 where ${scope.where} and position >= ?`, [...scope.params, position]);
}

/** Closes the gap a row left at `position`. */
export async function closeGap(em: EntityManager, scope: OrderScope, position: number): Promise<void> {
  await em.execute(`update ${scope.table} set position = position - 1 where ${scope.where} and position > ?`, [...scope.params, position]);
}

/** Moves row `id` of the scope from index `from` to index `to`, renumbering the rows in between. */
export async function moveInside(em: EntityManager, scope: OrderScope, id: string, from: number, to: number): Promise<void> {
  if (from === to) return;
  if (from < to) {
    await em.execute(`update ${scope.table} set position = position - 1 where ${scope.where} and position > ? and position <= ? and id <> ?`, [...scope.params, from, to, id]);
  } else {
    await em.execute(`update ${scope.table} set position = position + 1 where ${scope.where} and position >= ? and position < ? and id <> ?`, [...scope.params, to, from, id]);
  }
  await em.execute(`update ${scope.table} set position = ? where ${scope.where} and id = ?`, [to, ...scope.params, id]);
}

/** A wanted index: not negative; past the end (`last` is the largest allowed) it means last. */
export function targetIndex(value: number | null | undefined, last: number, path: string[]): number {
  if (value === undefined || value === null) return last;
  if (!Number.isInteger(value) || value < 0) throw BadUserInputError.field(path, 'must be 0 or more', 'OUT_OF_RANGE', { min: 0, max: last });
  return Math.min(value, last);
}

const stagesScope = (tenantId: string, pipelineId: string): OrderScope => ({ table: 'crm_pipeline_stages', where: 'tenant_id = ? and pipeline_id = ?', params: [tenantId, pipelineId] });
const checklistScope = (tenantId: string, stageId: string): OrderScope => ({ table: 'crm_stage_checklist_items', where: 'tenant_id = ? and stage_id = ?', params: [tenantId, stageId] });
const pipelinesScope = (tenantId: string): OrderScope => ({ table: 'crm_pipelines', where: 'tenant_id = ?', params: [tenantId] });

// ---------------------------------------------------------------------------------------------
// Reading

function pipelineNodeFromRow(row: Row, prefix = ''): PipelineNode {
  const id = String(row[`${prefix}id`]);
  return { id: toGlobalId('Pipeline', id), uuid: id, name: String(row[`${prefix}name`]), position: Number(row[`${prefix}position`]) };
}

/** A stage from a row's columns, optionally prefixed (a deal's row carries its stage as `s_*`). */
export function stageNodeFromRow(row: Row, prefix = ''): PipelineStageNode {
  const id = String(row[`${prefix}id`]);
  const pipelineId = String(row[`${prefix}pipeline_id`]);
  const rotting = row[`${prefix}rotting_days`];
  return {
    id: toGlobalId('PipelineStage', id),
    uuid: id,
    pipelineId: toGlobalId('Pipeline', pipelineId),
    pipelineUuid: pipelineId,
    name: String(row[`${prefix}name`]),
    position: Number(row[`${prefix}position`]),
    probability: Number(row[`${prefix}probability`]),
    rottingDays: rotting === null || rotting === undefined ? null : Number(rotting),
  };
}

/** A pipeline from a row that joined it as `p_*` (a deal's). */
export function pipelineFromJoin(row: Row): PipelineNode {
  return pipelineNodeFromRow(row, 'p_');
}

function itemNodeFromRow(row: Row): StageChecklistItemNode {
  return { id: toGlobalId('StageChecklistItem', String(row.id)), title: String(row.title), position: Number(row.position) };
}

/** Every pipeline of the company, in order (at most 50, so not paginated). */
export async function listPipelines(ctx: ServiceContext): Promise<PipelineNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>('select * from crm_pipelines where tenant_id = ? order by position, id', [ctx.tenantId]);
  return rows.map((row) => pipelineNodeFromRow(row));
}

async function pipelineNode(ctx: ServiceContext, id: string): Promise<PipelineNode> {
  const rows = await (await ctx.em()).execute<Row[]>('select * from crm_pipelines where tenant_id = ? and id = ?', [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('Pipeline');
  return pipelineNodeFromRow(row);
}

export async function getPipeline(ctx: ServiceContext, globalId: string, path: string[] = ['id']): Promise<PipelineNode> {
  return pipelineNode(ctx, fromGlobalId('Pipeline', globalId, path));
}

export async function stageNode(ctx: ServiceContext, id: string): Promise<PipelineStageNode> {
  const rows = await (await ctx.em()).execute<Row[]>('select * from crm_pipeline_stages where tenant_id = ? and id = ?', [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('PipelineStage');
  return stageNodeFromRow(row);
}

/** The stages of a pipeline, in order. */
export async function stagesOf(ctx: ServiceContext, pipelineUuid: string): Promise<PipelineStageNode[]> {
  const rows = await (await ctx.em()).execute<Row[]>('select * from crm_pipeline_stages where tenant_id = ? and pipeline_id = ? order by position, id', [ctx.tenantId, pipelineUuid]);
  return rows.map((row) => stageNodeFromRow(row));
}

/** Batches every `pipeline.stages` of a response into one query. */
export function pipelineStagesLoader(ctx: RequestContext): DataLoader<string, PipelineStageNode[]> {
  return ctx.loader('crm.pipelineStages', () =>
    new DataLoader<string, PipelineStageNode[]>(async (ids) => {
      const rows = await (await ctx.em()).execute<Row[]>(
        `select * from crm_pipeline_stages where tenant_id = ? and pipeline_id in (${placeholders(ids.length)}) order by position, id`,
        [ctx.tenantId, ...ids],
      );
      const byPipeline = new Map<string, PipelineStageNode[]>(ids.map((id) => [id, []]));
      for (const row of rows) byPipeline.get(String(row.pipeline_id))?.push(stageNodeFromRow(row));
      return ids.map((id) => byPipeline.get(id) ?? []);
    }),
  );
}

/** Batches every `stage.checklist` of a response into one query. */
export function stageChecklistLoader(ctx: RequestContext): DataLoader<string, StageChecklistItemNode[]> {
  return ctx.loader('crm.stageChecklist', () =>
    new DataLoader<string, StageChecklistItemNode[]>(async (ids) => {
      const rows = await (await ctx.em()).execute<Row[]>(
        `select * from crm_stage_checklist_items where tenant_id = ? and stage_id in (${placeholders(ids.length)}) order by position, id`,
        [ctx.tenantId, ...ids],
      );
      const byStage = new Map<string, StageChecklistItemNode[]>(ids.map((id) => [id, []]));
      for (const row of rows) byStage.get(String(row.stage_id))?.push(itemNodeFromRow(row));
      return ids.map((id) => byStage.get(id) ?? []);
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Lookups for changes: NOT_FOUND when the row is not this tenant's.

export async function findPipeline(ctx: ServiceContext, globalId: string, path: string[]): Promise<Pipeline> {
  const pipeline = await (await ctx.em()).findOne(Pipeline, { tenantId: ctx.tenantId, id: fromGlobalId('Pipeline', globalId, path) });
  if (!pipeline) throw new NotFoundError('Pipeline');
  return pipeline;
}

export async function findStage(ctx: ServiceContext, globalId: string, path: string[]): Promise<PipelineStage> {
  const stage = await (await ctx.em()).findOne(PipelineStage, { tenantId: ctx.tenantId, id: fromGlobalId('PipelineStage', globalId, path) });
  if (!stage) throw new NotFoundError('PipelineStage');
  return stage;
}

async function findItem(ctx: ServiceContext, globalId: string, path: string[]): Promise<StageChecklistItem> {
  const item = await (await ctx.em()).findOne(StageChecklistItem, { tenantId: ctx.tenantId, id: fromGlobalId('StageChecklistItem', globalId, path) });
  if (!item) throw new NotFoundError('StageChecklistItem');
  return item;
}

/**
 * Serialises changes to one ordered list: the row that owns it is locked until the request ends.
 * Locks are taken in id order, and a deal's row before its stages' (deal.service.ts), so two
 * requests never wait on each other.
 */
export async function lockRows(em: EntityManager, table: string, tenantId: string, ids: string[]): Promise<void> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return;
  await em.execute(`select id from ${table} where tenant_id = ? and id in (${placeholders(unique.length)}) order by id for update`, [tenantId, ...unique]);
}

async function lockPipelineList(em: EntityManager, tenantId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`crm.pipelines:${tenantId}`]);
}

// ---------------------------------------------------------------------------------------------
// Checks

function checkProbability(value: number, path: string[]): number {
  if (!Number.isInteger(value) || value < 0 || value > 100) throw BadUserInputError.field(path, 'must be between 0 and 100', 'OUT_OF_RANGE', { min: 0, max: 100 });
  return value;
}

function checkRottingDays(value: number | null | undefined, path: string[]): number | null {
  if (value === undefined || value === null) return null;
  if (!Number.isInteger(value) || value < 1 || value > ROTTING_DAYS_MAX) {
    throw BadUserInputError.field(path, `must be between 1 and ${ROTTING_DAYS_MAX}`, 'OUT_OF_RANGE', { min: 1, max: ROTTING_DAYS_MAX });
  }
  return value;
}

async function checkPipelineName(ctx: ServiceContext, name: string, exceptId: string | null, path: string[]): Promise<void> {
  const rows = await (await ctx.em()).execute<Row[]>('select id from crm_pipelines where tenant_id = ? and lower(name) = lower(?)', [ctx.tenantId, name]);
  if (rows.some((row) => String(row.id) !== exceptId)) throw new ConflictError('A pipeline with this name exists', path, 'ALREADY_EXISTS');
}

async function checkStageName(ctx: ServiceContext, pipelineId: string, name: string, exceptId: string | null, path: string[]): Promise<void> {
  const rows = await (await ctx.em()).execute<Row[]>('select id from crm_pipeline_stages where tenant_id = ? and pipeline_id = ? and lower(name) = lower(?)', [ctx.tenantId, pipelineId, name]);
  if (rows.some((row) => String(row.id) !== exceptId)) throw new ConflictError('The pipeline has a stage with this name', path, 'ALREADY_EXISTS');
}

// ---------------------------------------------------------------------------------------------
// Pipelines

function newStage(em: EntityManager, tenantId: string, pipelineId: string, position: number, stage: { name: string; probability: number; rottingDays?: number | null }): PipelineStage {
  const entity = em.create(PipelineStage, { tenantId, pipelineId, position, name: stage.name, probability: stage.probability, rottingDays: stage.rottingDays ?? null });
  em.persist(entity);
  return entity;
}

/** The sign-up hook: a new company's default pipeline, persisted with the rest of the sign-up. */
export async function provisionDefaultPipeline(em: EntityManager, tenantId: string): Promise<void> {
  const pipeline = em.create(Pipeline, { tenantId, name: DEFAULT_PIPELINE.name, position: 0 });
  em.persist(pipeline);
  DEFAULT_PIPELINE.stages.forEach((stage, index) => newStage(em, tenantId, pipeline.id, index, stage));
}

function checkNewStages(stages: NewPipelineStageInput[]): { name: string; probability: number; rottingDays: number | null }[] {
  if (stages.length > MAX_STAGES) throw BadUserInputError.field(['input', 'stages'], `a pipeline has at most ${MAX_STAGES} stages`, 'TOO_MANY', { max: MAX_STAGES });
  const seen = new Set<string>();
  return stages.map((stage, index) => {
    const path = ['input', 'stages', String(index)];
    const name = checkText(stage.name, [...path, 'name'], NAME_MAX);
    if (seen.has(name.toLowerCase())) throw new ConflictError('Two stages have this name', [...path, 'name'], 'ALREADY_EXISTS');
    seen.add(name.toLowerCase());
    return { name, probability: checkProbability(stage.probability, [...path, 'probability']), rottingDays: checkRottingDays(stage.rottingDays, [...path, 'rottingDays']) };
  });
}

export async function createPipeline(ctx: ServiceContext, input: CreatePipelineInput): Promise<PipelineNode> {
  const em = await ctx.em();
  const name = checkText(input.name, ['input', 'name'], NAME_MAX);
  const stages = checkNewStages(input.stages ?? []);
  await lockPipelineList(em, ctx.tenantId);
  await checkPipelineName(ctx, name, null, ['input', 'name']);
  const count = await countIn(em, pipelinesScope(ctx.tenantId));
  if (count >= MAX_PIPELINES) throw BadUserInputError.field(['input', 'name'], `a company has at most ${MAX_PIPELINES} pipelines`, 'TOO_MANY', { max: MAX_PIPELINES });
  const pipeline = em.create(Pipeline, { tenantId: ctx.tenantId, name, position: count });
  em.persist(pipeline);
  stages.forEach((stage, index) => newStage(em, ctx.tenantId, pipeline.id, index, stage));
  await em.flush();
  return pipelineNode(ctx, pipeline.id);
}

export async function updatePipeline(ctx: ServiceContext, input: UpdatePipelineInput): Promise<PipelineNode> {
  const pipeline = await findPipeline(ctx, input.id, ['input', 'id']);
  const em = await ctx.em();
  if (input.name !== undefined) {
    if (input.name === null) throw BadUserInputError.field(['input', 'name'], 'must not be empty', 'REQUIRED');
    const name = checkText(input.name, ['input', 'name'], NAME_MAX);
    await checkPipelineName(ctx, name, pipeline.id, ['input', 'name']);
    pipeline.name = name;
  }
  await em.flush();
  if (input.position !== undefined && input.position !== null) {
    await lockPipelineList(em, ctx.tenantId);
    const [current] = await em.execute<Row[]>('select position from crm_pipelines where tenant_id = ? and id = ?', [ctx.tenantId, pipeline.id]);
    const scope = pipelinesScope(ctx.tenantId);
    const to = targetIndex(input.position, (await countIn(em, scope)) - 1, ['input', 'position']);
    await moveInside(em, scope, pipeline.id, Number(current?.position ?? 0), to);
  }
  return pipelineNode(ctx, pipeline.id);
}

/** Refused (CONFLICT, HAS_DEALS) while deals, open or closed, are in it; its stages and checklists go with it. */
export async function deletePipeline(ctx: ServiceContext, globalId: string): Promise<string> {
  const pipeline = await findPipeline(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  await lockPipelineList(em, ctx.tenantId);
  const deals = await countIn(em, { table: 'crm_deals', where: 'tenant_id = ? and pipeline_id = ?', params: [ctx.tenantId, pipeline.id] });
  if (deals > 0) throw new ConflictError(`The pipeline holds ${deals} deal(s): move or delete them first`, ['input', 'id'], 'HAS_DEALS', { count: deals });
  const [current] = await em.execute<Row[]>('select position from crm_pipelines where tenant_id = ? and id = ?', [ctx.tenantId, pipeline.id]);
  await em.execute('delete from crm_pipelines where tenant_id = ? and id = ?', [ctx.tenantId, pipeline.id]);
  await closeGap(em, pipelinesScope(ctx.tenantId), Number(current?.position ?? 0));
  em.getUnitOfWork().unsetIdentity(pipeline);
  return globalId;
}

// ---------------------------------------------------------------------------------------------
// Stages

export async function createPipelineStage(ctx: ServiceContext, input: CreatePipelineStageInput): Promise<PipelineStageNode> {
  const pipeline = await findPipeline(ctx, input.pipelineId, ['input', 'pipelineId']);
  const em = await ctx.em();
  const name = checkText(input.name, ['input', 'name'], NAME_MAX);
  const probability = checkProbability(input.probability, ['input', 'probability']);
  const rottingDays = checkRottingDays(input.rottingDays, ['input', 'rottingDays']);
  await lockRows(em, 'crm_pipelines', ctx.tenantId, [pipeline.id]);
  await checkStageName(ctx, pipeline.id, name, null, ['input', 'name']);
  const scope = stagesScope(ctx.tenantId, pipeline.id);
  const count = await countIn(em, scope);
  if (count >= MAX_STAGES) throw BadUserInputError.field(['input', 'pipelineId'], `a pipeline has at most ${MAX_STAGES} stages`, 'TOO_MANY', { max: MAX_STAGES });
  const position = targetIndex(input.position, count, ['input', 'position']);
  await openGap(em, scope, position);
  const stage = newStage(em, ctx.tenantId, pipeline.id, position, { name, probability, rottingDays });
  await em.flush();
  return stageNode(ctx, stage.id);
}

/**
 * A new default probability applies to the stage's deals that do not set their own; new rotting
 * days apply at once.
 */
export async function updatePipelineStage(ctx: ServiceContext, input: UpdatePipelineStageInput): Promise<PipelineStageNode> {
  const stage = await findStage(ctx, input.id, ['input', 'id']);
  if (input.name !== undefined) {
    if (input.name === null) throw BadUserInputError.field(['input', 'name'], 'must not be empty', 'REQUIRED');
    const name = checkText(input.name, ['input', 'name'], NAME_MAX);
    await checkStageName(ctx, stage.pipelineId, name, stage.id, ['input', 'name']);
    stage.name = name;
  }
  if (input.probability !== undefined) {
    if (input.probability === null) throw BadUserInputError.field(['input', 'probability'], 'must not be empty', 'REQUIRED');
    stage.probability = checkProbability(input.probability, ['input', 'probability']);
  }
  if (input.rottingDays !== undefined) stage.rottingDays = checkRottingDays(input.rottingDays, ['input', 'rottingDays']);
  await (await ctx.em()).flush();
  return stageNode(ctx, stage.id);
}

/** The stage leaves its pipeline's order; the stages after it move up. Its deals must be gone first (see deal.service). */
export async function removeStageRow(ctx: ServiceContext, stage: PipelineStage): Promise<void> {
  const em = await ctx.em();
  const [current] = await em.execute<Row[]>('select position from crm_pipeline_stages where tenant_id = ? and id = ?', [ctx.tenantId, stage.id]);
  await em.execute('delete from crm_pipeline_stages where tenant_id = ? and id = ?', [ctx.tenantId, stage.id]);
  await closeGap(em, stagesScope(ctx.tenantId, stage.pipelineId), Number(current?.position ?? 0));
  em.getUnitOfWork().unsetIdentity(stage);
}

export async function reorderPipelineStages(ctx: ServiceContext, input: ReorderPipelineStagesInput): Promise<PipelineNode> {
  const pipeline = await findPipeline(ctx, input.pipelineId, ['input', 'pipelineId']);
  const em = await ctx.em();
  await lockRows(em, 'crm_pipelines', ctx.tenantId, [pipeline.id]);
  const current = new Set((await stagesOf(ctx, pipeline.id)).map((stage) => stage.uuid));
  const wanted: string[] = [];
  for (const [index, globalId] of input.stageIds.entries()) {
    const path = ['input', 'stageIds', String(index)];
    const id = fromGlobalId('PipelineStage', globalId, path);
    if (!current.has(id)) {
      // Another pipeline's stage is the caller's mistake; another company's does not exist.
      const elsewhere = await em.execute<Row[]>('select 1 from crm_pipeline_stages where tenant_id = ? and id = ?', [ctx.tenantId, id]);
      if (elsewhere.length === 0) throw new NotFoundError('PipelineStage');
      throw BadUserInputError.field(path, 'is a stage of another pipeline', 'STAGE_NOT_IN_PIPELINE');
    }
    if (wanted.includes(id)) throw BadUserInputError.field(path, 'names a stage twice', 'INVALID');
    wanted.push(id);
  }
  if (wanted.length !== current.size) throw BadUserInputError.field(['input', 'stageIds'], `must name every stage of the pipeline (${current.size}) once`, 'INVALID');
  if (wanted.length > 0) {
    await em.execute(
      `update crm_pipeline_stages s set position = v.ord - 1 from unnest(array[${placeholders(wanted.length)}]::uuid[]) with ordinality as v(id, ord)
        where s.tenant_id = ? and s.pipeline_id = ? and s.id = v.id`,
      [...wanted, ctx.tenantId, pipeline.id],
    );
  }
  return pipelineNode(ctx, pipeline.id);
}

// ---------------------------------------------------------------------------------------------
// Checklist items

export async function createStageChecklistItem(ctx: ServiceContext, input: CreateStageChecklistItemInput): Promise<StageChecklistItemNode> {
  const stage = await findStage(ctx, input.stageId, ['input', 'stageId']);
  const em = await ctx.em();
  const title = checkText(input.title, ['input', 'title'], ITEM_TITLE_MAX);
  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [stage.id]);
  const scope = checklistScope(ctx.tenantId, stage.id);
  const count = await countIn(em, scope);
  if (count >= MAX_CHECKLIST_ITEMS) throw BadUserInputError.field(['input', 'stageId'], `a stage has at most ${MAX_CHECKLIST_ITEMS} checklist items`, 'TOO_MANY', { max: MAX_CHECKLIST_ITEMS });
  const position = targetIndex(input.position, count, ['input', 'position']);
  await openGap(em, scope, position);
  const item = em.create(StageChecklistItem, { tenantId: ctx.tenantId, stageId: stage.id, title, position });
  em.persist(item);
  await em.flush();
  return itemNode(ctx, item.id);
}

async function itemNode(ctx: ServiceContext, id: string): Promise<StageChecklistItemNode> {
  const rows = await (await ctx.em()).execute<Row[]>('select * from crm_stage_checklist_items where tenant_id = ? and id = ?', [ctx.tenantId, id]);
  const row = rows[0];
  if (!row) throw new NotFoundError('StageChecklistItem');
  return itemNodeFromRow(row);
}

export async function updateStageChecklistItem(ctx: ServiceContext, input: UpdateStageChecklistItemInput): Promise<StageChecklistItemNode> {
  const item = await findItem(ctx, input.id, ['input', 'id']);
  const em = await ctx.em();
  if (input.title !== undefined) {
    if (input.title === null) throw BadUserInputError.field(['input', 'title'], 'must not be empty', 'REQUIRED');
    item.title = checkText(input.title, ['input', 'title'], ITEM_TITLE_MAX);
  }
  await em.flush();
  if (input.position !== undefined && input.position !== null) {
    await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [item.stageId]);
    const scope = checklistScope(ctx.tenantId, item.stageId);
    const [current] = await em.execute<Row[]>('select position from crm_stage_checklist_items where tenant_id = ? and id = ?', [ctx.tenantId, item.id]);
    const to = targetIndex(input.position, (await countIn(em, scope)) - 1, ['input', 'position']);
    await moveInside(em, scope, item.id, Number(current?.position ?? 0), to);
  }
  return itemNode(ctx, item.id);
}

/** Marks of the item on deals go with it; the counts already kept in stage histories stay. */
export async function deleteStageChecklistItem(ctx: ServiceContext, globalId: string): Promise<string> {
  const item = await findItem(ctx, globalId, ['input', 'id']);
  const em = await ctx.em();
  await lockRows(em, 'crm_pipeline_stages', ctx.tenantId, [item.stageId]);
  const [current] = await em.execute<Row[]>('select position from crm_stage_checklist_items where tenant_id = ? and id = ?', [ctx.tenantId, item.id]);
  await em.execute('delete from crm_stage_checklist_items where tenant_id = ? and id = ?', [ctx.tenantId, item.id]);
  await closeGap(em, checklistScope(ctx.tenantId, item.stageId), Number(current?.position ?? 0));
  em.getUnitOfWork().unsetIdentity(item);
  return globalId;
}
