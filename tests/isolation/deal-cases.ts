/**
 * Tenant isolation rows for deals (feature CRM.deals): pipelines, their stages, checklist items,
 * checklist marks on deals, deals and their stage history. Built like the rows of
 * isolation-cases.ts, which runs them unchanged: B aiming at A's records gets NOT_FOUND or an
 * empty list, B's counts and board totals never move because of A, and the same operations aimed
 * at B's own records succeed.
 */
import { ok, type Kontor } from '../support/harness.js';
import { arr, at, num, ref, str, tracesOf, type IsolationCase, type ListView, type Seed, type TenantFixture } from './isolation-cases.js';

// ---------------------------------------------------------------------------------------------
// Documents and helpers

const PIPELINES = `{ pipelines { id name position stages { id name position probability rottingDays checklist { id title position } } } }`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const CREATE_PIPELINE = `mutation($input: CreatePipelineInput!) { createPipeline(input: $input) { id stages { id } } }`;
const CREATE_STAGE = `mutation($input: CreatePipelineStageInput!) { createPipelineStage(input: $input) { id } }`;
const CREATE_ITEM = `mutation($input: CreateStageChecklistItemInput!) { createStageChecklistItem(input: $input) { id } }`;
const CREATE_DEAL = `mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`;
const MOVE_DEAL = `mutation($input: MoveDealInput!) { moveDeal(input: $input) { id stage { id name } position } }`;
const CLOSE_DEAL = `mutation($input: CloseDealInput!) { closeDeal(input: $input) { id status } }`;
const REOPEN_DEAL = `mutation($input: ReopenDealInput!) { reopenDeal(input: $input) { id status position } }`;
const SET_CHECK = `mutation($input: SetDealChecklistItemInput!) { setDealChecklistItem(input: $input) { id checklist { id title done doneBy { id email } doneAt } } }`;
const UPDATE_DEAL = `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { id title customer { id name } contact { id fullName } amount { amount currency } } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id subjectName } }`;
const LOG_INTERACTION = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id dealTitle customerName } }`;
const DELETE_STAGE = `mutation($input: DeletePipelineStageInput!) { deletePipelineStage(input: $input) }`;
const BOARD = `query($pipelineId: ID!) { dealBoard(pipelineId: $pipelineId) { stage { id name } count totalAmount { amount currency } deals { id title position } } }`;
const DEAL_FIELDS = `id title position status closeReason closedAt probability probabilityOverridden expectedCloseDate stageEnteredAt lastActivityAt rotting daysWithoutActivity createdAt updatedAt
  amount { amount currency } owner { id email } source { channel utmSource utmMedium utmCampaign } customer { id name } contact { id fullName }
  pipeline { id name } stage { id name } checklist { id title done doneBy { id } doneAt }
  stageHistory { id kind fromStageId fromStageName toStageId toStageName statusAfter reason changedBy { id } changedAt checklistDone checklistTotal }`;
const DEALS_NEWEST = `query($after: String) { deals(after: $after, first: 100) { edges { cursor node { id title } } } }`;
const DEAL_TIMELINE = `query($id: ID!, $after: String) {
  timeline(subject: { type: DEAL, id: $id }, after: $after, first: 50) { totalCount edges { cursor node { kind at interaction { id subject dealTitle } task { id title subjectName } stageChange { id kind reason toStageName } } } }
}`;

async function create(kontor: Kontor, token: string, query: string, field: string, input: Record<string, unknown>): Promise<string> {
  return str(ok(await kontor.gql(query, { input }, token)), field, 'id');
}

/** The tenant's pipelines as sign-up left them (plus what the case added). */
async function pipelinesOf(kontor: Kontor, token: string): Promise<unknown> {
  return ok(await kontor.gql(PIPELINES, {}, token));
}

/** The default "Sales" pipeline and its stage ids, in order. */
async function sales(kontor: Kontor, token: string): Promise<{ id: string; stages: string[] }> {
  const data = await pipelinesOf(kontor, token);
  return { id: str(data, 'pipelines', 0, 'id'), stages: arr(data, 'pipelines', 0, 'stages').map((stage) => str(stage, 'id')) };
}

function firstOf(list: string[], what: string): string {
  const first = list[0];
  if (first === undefined) throw new Error(`no ${what}`);
  return first;
}

function nth(list: string[], index: number, what: string): string {
  const found = list[index];
  if (found === undefined) throw new Error(`no ${what} #${index}`);
  return found;
}

/** A customer with one person, for deals. */
async function buyer(kontor: Kontor, tenant: TenantFixture, marker: string): Promise<{ customerId: string; contactId: string }> {
  const token = tenant.owner.token;
  const customerId = await create(kontor, token, CREATE_CUSTOMER, 'createCustomer', { name: `Buyer ${marker}`, source: { channel: 'EVENT', utmCampaign: `camp-${marker}` } });
  const contactId = await create(kontor, token, CREATE_CONTACT, 'createContact', { firstName: 'Decider', lastName: marker, customerId });
  return { customerId, contactId };
}

function connection(data: unknown, field: string, withCount = true): ListView {
  const ids = arr(data, field, 'edges').map((edge) => str(edge, 'node', 'id'));
  return withCount ? { ids, totalCount: num(data, field, 'totalCount') } : { ids };
}

/** A timeline's entries as the ids of their items (interaction, task or stage change). */
function timelineItems(data: unknown, withCount = true): ListView {
  const ids = arr(data, 'timeline', 'edges').map((edge) => {
    for (const item of ['interaction', 'task', 'stageChange']) {
      const value = at(edge, 'node', item);
      if (value !== null) return str(value, 'id');
    }
    throw new Error(`an empty timeline entry: ${JSON.stringify(edge)}`);
  });
  return withCount ? { ids, totalCount: num(data, 'timeline', 'totalCount') } : { ids };
}

/** Every stage id of every pipeline of the answer. */
function stageIds(data: unknown): string[] {
  return arr(data, 'pipelines').flatMap((pipeline) => arr(pipeline, 'stages').map((stage) => str(stage, 'id')));
}

/** Every checklist item id of every stage of the answer. */
function itemIds(data: unknown): string[] {
  return arr(data, 'pipelines').flatMap((pipeline) => arr(pipeline, 'stages').flatMap((stage) => arr(stage, 'checklist').map((item) => str(item, 'id'))));
}

const list = (seed: Seed, name: string): string[] => ref(seed, name).split(',');

// ---------------------------------------------------------------------------------------------
// Pipelines

const pipelineCase: IsolationCase = {
  entity: 'Pipeline',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const salesPipeline = await sales(kontor, token);
    const created = ok(await kontor.gql(CREATE_PIPELINE, { input: { name: `Pipeline ${marker}`, stages: [{ name: `Stage ${marker}`, probability: 30, rottingDays: 5 }, { name: `Later ${marker}`, probability: 60 }] } }, token));
    const id = str(created, 'createPipeline', 'id');
    const stages = arr(created, 'createPipeline', 'stages').map((stage) => str(stage, 'id'));
    return {
      id,
      marker,
      listed: [salesPipeline.id, id],
      refs: { stages: stages.join(','), salesId: salesPipeline.id },
      traces: tracesOf([marker], [id, ...stages, salesPipeline.id, ...salesPipeline.stages]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    return { pipelines: await pipelinesOf(kontor, token), board: ok(await kontor.gql(BOARD, { pipelineId: seed.id }, token)) };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { pipeline(id: $id) { id name position stages { id name checklist { id title } } } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: PIPELINES,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'pipelines').map((pipeline) => str(pipeline, 'id')) }),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdatePipelineInput!) { updatePipeline(input: $input) { id name position stages { id name } } }`,
    variables: (target) => ({ input: { id: target.id, name: `Hijacked ${target.marker}`, position: 0 } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeletePipelineInput!) { deletePipeline(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "reads A's board (dealBoard pipelineId)",
      needs: 'CRM:read',
      query: BOARD,
      variables: (target) => ({ pipelineId: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "filters deals by A's pipeline (deals(filter: { pipelineId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { deals(filter: { pipelineId: $id }, first: 100) { totalCount edges { node { id title } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'deals'), own: () => [] },
    },
    // Before the stage is added below: the control names exactly the pipeline's stages.
    {
      name: "reorders A's pipeline's stages (reorderPipelineStages pipelineId)",
      needs: 'CRM:write',
      query: `mutation($input: ReorderPipelineStagesInput!) { reorderPipelineStages(input: $input) { id stages { id name } } }`,
      variables: (target) => ({ input: { pipelineId: target.id, stageIds: [...list(target, 'stages')].reverse() } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "adds a stage to A's pipeline (createPipelineStage pipelineId)",
      needs: 'CRM:write',
      query: `mutation($input: CreatePipelineStageInput!) { createPipelineStage(input: $input) { id name pipelineId } }`,
      variables: (target) => ({ input: { pipelineId: target.id, name: 'Spy stage', probability: 1 } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Stages

const stageCase: IsolationCase = {
  entity: 'PipelineStage',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const salesPipeline = await sales(kontor, token);
    const { customerId } = await buyer(kontor, tenant, marker);
    const id = await create(kontor, token, CREATE_STAGE, 'createPipelineStage', { pipelineId: salesPipeline.id, name: `Stage ${marker}`, probability: 90, rottingDays: 3 });
    const spareId = await create(kontor, token, CREATE_STAGE, 'createPipelineStage', { pipelineId: salesPipeline.id, name: `Spare ${marker}`, probability: 95 });
    const itemId = await create(kontor, token, CREATE_ITEM, 'createStageChecklistItem', { stageId: id, title: `Item ${marker}` });
    // A deal in the stage, a deal in the spare stage, and one in the first stage (moved by a control).
    const stagedDealId = await create(kontor, token, CREATE_DEAL, 'createDeal', { title: `Staged ${marker}`, customerId, stageId: id });
    const spareDealId = await create(kontor, token, CREATE_DEAL, 'createDeal', { title: `Spare deal ${marker}`, customerId, stageId: spareId });
    const movableDealId = await create(kontor, token, CREATE_DEAL, 'createDeal', { title: `Movable ${marker}`, customerId });
    const stages = stageIds(await pipelinesOf(kontor, token));
    return {
      id,
      marker,
      listed: stages,
      refs: { customerId, spareId, itemId, stagedDealId, movableDealId, salesId: salesPipeline.id, defaults: salesPipeline.stages.join(','), firstStageId: firstOf(salesPipeline.stages, 'stage') },
      traces: tracesOf([marker], [...stages, salesPipeline.id, itemId, customerId, stagedDealId, spareDealId, movableDealId]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const board = ok(await kontor.gql(BOARD, { pipelineId: ref(seed, 'salesId') }, token));
    return { pipelines: await pipelinesOf(kontor, token), board };
  },
  list: {
    needs: 'CRM:read',
    query: PIPELINES,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: stageIds(data) }),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdatePipelineStageInput!) { updatePipelineStage(input: $input) { id name probability rottingDays } }`,
    variables: (target) => ({ input: { id: target.id, name: `Hijacked ${target.marker}`, probability: 1, rottingDays: null } }),
  },
  remove: {
    needs: 'CRM:write',
    query: DELETE_STAGE,
    // Its deals move to B's own first stage: the only thing B cannot reach is A's stage.
    variables: (target, w) => ({ input: { id: target.id, moveDealsToStageId: ref(w.seedB, 'firstStageId') } }),
  },
  probes: [
    {
      name: "filters deals by A's stage (deals(filter: { stageIds }))",
      needs: 'CRM:read',
      query: `query($id: ID!) { deals(filter: { stageIds: [$id] }, first: 100) { totalCount edges { node { id title } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'deals'), own: (seedB) => [ref(seedB, 'stagedDealId')] },
    },
    {
      name: "adds a checklist item to A's stage (createStageChecklistItem stageId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateStageChecklistItemInput!) { createStageChecklistItem(input: $input) { id title } }`,
      variables: (target) => ({ input: { stageId: target.id, title: 'Spy item' } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "orders its own pipeline with A's stage in it (reorderPipelineStages stageIds)",
      needs: 'CRM:write',
      query: `mutation($input: ReorderPipelineStagesInput!) { reorderPipelineStages(input: $input) { id stages { id name } } }`,
      // B's own stages (the defaults, its spare) and the target: exactly B's pipeline when B aims at its own stage.
      variables: (target, w) => ({ input: { pipelineId: ref(w.seedB, 'salesId'), stageIds: [...list(w.seedB, 'defaults'), target.id, ref(w.seedB, 'spareId')] } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "creates a deal in A's stage (createDeal stageId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateDealInput!) { createDeal(input: $input) { id stage { id name } pipeline { id name } } }`,
      variables: (target, w) => ({ input: { title: 'Spy deal', customerId: ref(w.seedB, 'customerId'), stageId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "moves its own deal into A's stage (moveDeal stageId)",
      needs: 'CRM:write',
      query: MOVE_DEAL,
      variables: (target, w) => ({ input: { id: ref(w.seedB, 'movableDealId'), stageId: target.id, position: 0 } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "deletes its own stage sending the deals into A's stage (deletePipelineStage moveDealsToStageId)",
      needs: 'CRM:write',
      query: DELETE_STAGE,
      variables: (target, w) => ({ input: { id: ref(w.seedB, 'spareId'), moveDealsToStageId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Checklist items, and the marks of items done on deals

const itemCase: IsolationCase = {
  entity: 'StageChecklistItem',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const salesPipeline = await sales(kontor, token);
    const stageId = firstOf(salesPipeline.stages, 'stage');
    const { customerId } = await buyer(kontor, tenant, marker);
    const id = await create(kontor, token, CREATE_ITEM, 'createStageChecklistItem', { stageId, title: `Check ${marker}` });
    const otherId = await create(kontor, token, CREATE_ITEM, 'createStageChecklistItem', { stageId, title: `Other ${marker}` });
    const dealId = await create(kontor, token, CREATE_DEAL, 'createDeal', { title: `Checked ${marker}`, customerId });
    ok(await kontor.gql(SET_CHECK, { input: { dealId, itemId: id, done: true } }, token));
    return { id, marker, listed: [id, otherId], refs: { otherId, dealId }, traces: tracesOf([marker], [id, otherId, dealId, customerId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const deal = ok(await kontor.gql(`query($id: ID!) { deal(id: $id) { id lastActivityAt checklist { id title done doneBy { id } doneAt } } }`, { id: ref(seed, 'dealId') }, token));
    return { pipelines: await pipelinesOf(kontor, token), deal };
  },
  list: {
    needs: 'CRM:read',
    query: PIPELINES,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: itemIds(data) }),
  },
  update: {
    needs: 'CRM:write',
    query: `mutation($input: UpdateStageChecklistItemInput!) { updateStageChecklistItem(input: $input) { id title position } }`,
    variables: (target) => ({ input: { id: target.id, title: `Hijacked ${target.marker}`, position: 1 } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteStageChecklistItemInput!) { deleteStageChecklistItem(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: "marks A's item done on its own deal (setDealChecklistItem itemId)",
      needs: 'CRM:write',
      query: SET_CHECK,
      variables: (target, w) => ({ input: { dealId: ref(w.seedB, 'dealId'), itemId: target.id, done: true } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

const markCase: IsolationCase = {
  entity: 'DealChecklistMark',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const salesPipeline = await sales(kontor, token);
    const { customerId } = await buyer(kontor, tenant, marker);
    const itemId = await create(kontor, token, CREATE_ITEM, 'createStageChecklistItem', { stageId: firstOf(salesPipeline.stages, 'stage'), title: `Mark ${marker}` });
    const id = await create(kontor, token, CREATE_DEAL, 'createDeal', { title: `Marked ${marker}`, customerId });
    ok(await kontor.gql(SET_CHECK, { input: { dealId: id, itemId, done: true } }, token));
    return { id, marker, listed: [`${id}/${itemId}`], refs: { itemId }, traces: tracesOf([marker], [id, itemId, customerId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    return ok(await kontor.gql(`query($id: ID!) { deal(id: $id) { id lastActivityAt updatedAt checklist { id title done doneBy { id email } doneAt } } }`, { id: seed.id }, tenant.owner.token));
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { deal(id: $id) { id checklist { id title done doneBy { id email } doneAt } } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    // Every mark of the company: the done items of every deal.
    query: `{ deals(first: 100) { totalCount edges { node { id checklist { id done } } } } }`,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({
      ids: arr(data, 'deals', 'edges').flatMap((edge) =>
        arr(edge, 'node', 'checklist')
          .filter((item) => at(item, 'done') === true)
          .map((item) => `${str(edge, 'node', 'id')}/${str(item, 'id')}`),
      ),
    }),
  },
  // Undoing the mark: B aiming at A's deal and item.
  update: {
    needs: 'CRM:write',
    query: SET_CHECK,
    variables: (target) => ({ input: { dealId: target.id, itemId: ref(target, 'itemId'), done: false } }),
  },
  probes: [
    {
      name: "marks its own item done on A's deal (setDealChecklistItem dealId)",
      needs: 'CRM:write',
      query: SET_CHECK,
      variables: (target, w) => ({ input: { dealId: target.id, itemId: ref(w.seedB, 'itemId'), done: true } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Deals

/** The open deals of the caller's board, and their EUR total: the figures A's deals must never move. */
function boardCount(data: unknown): number {
  return arr(data, 'dealBoard').reduce<number>((sum, column) => sum + num(column, 'count'), 0);
}

function boardEuros(data: unknown): number {
  return arr(data, 'dealBoard')
    .flatMap((column) => arr(column, 'totalAmount'))
    .filter((money) => str(money, 'currency') === 'EUR')
    .reduce<number>((sum, money) => sum + Number(str(money, 'amount')), 0);
}

const dealCase: IsolationCase = {
  entity: 'Deal',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const salesPipeline = await sales(kontor, token);
    const { customerId, contactId } = await buyer(kontor, tenant, marker);
    const itemId = await create(kontor, token, CREATE_ITEM, 'createStageChecklistItem', { stageId: firstOf(salesPipeline.stages, 'stage'), title: `Deal item ${marker}` });
    const id = await create(kontor, token, CREATE_DEAL, 'createDeal', {
      title: `Deal ${marker}`,
      customerId,
      contactId,
      amount: { amount: '1234.56', currency: 'EUR' },
      expectedCloseDate: '2031-06-30',
      source: { channel: 'EVENT', utmSource: `src-${marker}` },
    });
    const interactionId = await create(kontor, token, LOG_INTERACTION, 'logInteraction', { kind: 'NOTE', body: `Note ${marker}`, dealId: id });
    const taskId = await create(kontor, token, CREATE_TASK, 'createTask', { title: `Follow ${marker}`, subjectType: 'DEAL', subjectId: id });
    // Created last, so it comes first newest-first.
    const secondId = await create(kontor, token, CREATE_DEAL, 'createDeal', { title: `Second ${marker}`, customerId, amount: { amount: '10', currency: 'EUR' } });
    const newest = ok(await kontor.gql(DEALS_NEWEST, {}, token));
    if (str(newest, 'deals', 'edges', 0, 'node', 'id') !== secondId) throw new Error('the newest deal should come first');
    const timeline = timelineItems(ok(await kontor.gql(DEAL_TIMELINE, { id }, token))).ids;
    return {
      id,
      marker,
      listed: [secondId, id],
      refs: {
        customerId,
        contactId,
        itemId,
        secondId,
        interactionId,
        taskId,
        pipelineId: salesPipeline.id,
        firstStageId: firstOf(salesPipeline.stages, 'stage'),
        otherStageId: nth(salesPipeline.stages, 2, 'stage'),
        ownerId: tenant.owner.userId,
        cursor: str(newest, 'deals', 'edges', 0, 'cursor'),
        timeline: timeline.join(','),
      },
      traces: tracesOf([marker], [id, secondId, customerId, contactId, itemId, interactionId, taskId, salesPipeline.id, ...salesPipeline.stages, ...timeline]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const deal = ok(await kontor.gql(`query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`, { id: seed.id }, token));
    const second = ok(await kontor.gql(`query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`, { id: ref(seed, 'secondId') }, token));
    const all = ok(await kontor.gql(`{ deals(first: 100) { totalCount edges { cursor node { id title status position } } } }`, {}, token));
    const board = ok(await kontor.gql(BOARD, { pipelineId: ref(seed, 'pipelineId') }, token));
    const timeline = ok(await kontor.gql(DEAL_TIMELINE, { id: seed.id }, token));
    const customer = ok(await kontor.gql(`query($id: ID!) { customer(id: $id) { id deals { totalCount edges { node { id } } } } }`, { id: ref(seed, 'customerId') }, token));
    return { deal, second, all, board, timeline, customer };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `query($filter: DealFilter) { deals(filter: $filter, first: 100) { totalCount edges { cursor node { id title amount { amount currency } customer { id name } } } } }`,
    variables: (search) => (search === null ? {} : { filter: { search } }),
    searchable: true,
    read: (data) => connection(data, 'deals'),
  },
  update: {
    needs: 'CRM:write',
    query: UPDATE_DEAL,
    variables: (target) => ({ input: { id: target.id, title: `Hijacked ${target.marker}`, amount: null, contactId: null } }),
  },
  remove: {
    needs: 'CRM:write',
    query: `mutation($input: DeleteDealInput!) { deleteDeal(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    // Lists: empty when aimed at A.
    {
      name: "filters deals by A's customer (deals(filter: { customerId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { deals(filter: { customerId: $id }, first: 100) { totalCount edges { node { id title } } } }`,
      variables: (target) => ({ id: ref(target, 'customerId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'deals'), own: (seedB) => seedB.listed },
    },
    {
      name: "filters deals by A's owner (deals(filter: { ownerId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { deals(filter: { ownerId: $id }, first: 100) { totalCount edges { node { id title } } } }`,
      variables: (target) => ({ id: ref(target, 'ownerId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'deals'), own: (seedB) => seedB.listed },
    },
    {
      name: "filters deals by A's pipeline and stage (deals(filter: { pipelineId, stageIds }))",
      needs: 'CRM:read',
      query: `query($pipelineId: ID, $stageId: ID!) { deals(filter: { pipelineId: $pipelineId, stageIds: [$stageId] }, first: 100) { totalCount edges { node { id title } } } }`,
      variables: (target) => ({ pipelineId: ref(target, 'pipelineId'), stageId: ref(target, 'firstStageId') }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'deals'), own: (seedB) => seedB.listed },
    },
    {
      name: "passes A's cursor to deals(after:)",
      needs: 'CRM:read',
      query: DEALS_NEWEST,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // After the newest deal comes the seed: A's for A, B's for B.
      expect: { kind: 'LIST', read: (data) => connection(data, 'deals', false), own: (seedB) => [seedB.id] },
    },
    {
      name: "reads A's deal's timeline (timeline(subject: DEAL))",
      needs: 'CRM:read',
      query: DEAL_TIMELINE,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'LIST', read: (data) => timelineItems(data), own: (seedB) => list(seedB, 'timeline') },
    },
    {
      name: "lists interactions about A's deal (interactions(subject: DEAL))",
      needs: 'CRM:read',
      query: `query($id: ID!) { interactions(subject: { type: DEAL, id: $id }, first: 100) { totalCount edges { node { id body dealTitle } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'interactions'), own: (seedB) => [ref(seedB, 'interactionId')] },
    },
    {
      name: "filters tasks by A's deal (tasks(filter: { subjectType: DEAL, subjectId }))",
      needs: 'CRM:read',
      query: `query($id: ID) { tasks(filter: { subjectType: DEAL, subjectId: $id }, first: 100) { totalCount edges { node { id title subjectName } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'LIST', read: (data) => connection(data, 'tasks'), own: (seedB) => [ref(seedB, 'taskId')] },
    },
    // Counts and totals: B's own figures, whatever B aims at.
    {
      name: "B's own board counts none of A's deals",
      needs: 'CRM:read',
      query: BOARD,
      variables: (_target, w) => ({ pipelineId: ref(w.seedB, 'pipelineId') }),
      expect: { kind: 'COUNT', read: boardCount, theirs: () => 2, own: () => 2 },
    },
    {
      name: "B's own board totals none of A's amounts",
      needs: 'CRM:read',
      query: BOARD,
      variables: (_target, w) => ({ pipelineId: ref(w.seedB, 'pipelineId') }),
      expect: { kind: 'COUNT', read: boardEuros, theirs: () => 1244.56, own: () => 1244.56 },
    },
    {
      name: "deals(filter: { statuses: [OPEN] }) counts none of A's",
      needs: 'CRM:read',
      query: `{ deals(filter: { statuses: [OPEN] }) { totalCount } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => num(data, 'deals', 'totalCount'), theirs: () => 2, own: () => 2 },
    },
    // References: A's board, customer, person, pipeline, stage and deal do not exist for B.
    {
      name: "reads A's board (dealBoard pipelineId)",
      needs: 'CRM:read',
      query: BOARD,
      variables: (target) => ({ pipelineId: ref(target, 'pipelineId') }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "reads A's customer's deals (customer(id:) { deals })",
      needs: 'CRM:read',
      query: `query($id: ID!) { customer(id: $id) { id deals { totalCount edges { node { id title } } } } }`,
      variables: (target) => ({ id: ref(target, 'customerId') }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "creates a deal for A's customer (createDeal customerId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateDealInput!) { createDeal(input: $input) { id customer { id name } source { utmCampaign } } }`,
      variables: (target) => ({ input: { title: 'Spy', customerId: ref(target, 'customerId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "creates a deal with A's person (createDeal contactId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateDealInput!) { createDeal(input: $input) { id contact { id fullName } } }`,
      variables: (target, w) => ({ input: { title: 'Spy', customerId: ref(w.seedB, 'customerId'), contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "creates a deal in A's pipeline (createDeal pipelineId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateDealInput!) { createDeal(input: $input) { id pipeline { id name } stage { id name } } }`,
      variables: (target, w) => ({ input: { title: 'Spy', customerId: ref(w.seedB, 'customerId'), pipelineId: ref(target, 'pipelineId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "creates a deal in A's stage (createDeal stageId)",
      needs: 'CRM:write',
      query: `mutation($input: CreateDealInput!) { createDeal(input: $input) { id stage { id name } } }`,
      variables: (target, w) => ({ input: { title: 'Spy', customerId: ref(w.seedB, 'customerId'), stageId: ref(target, 'otherStageId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "points its own deal at A's customer (updateDeal customerId)",
      needs: 'CRM:write',
      query: UPDATE_DEAL,
      variables: (target, w) => ({ input: { id: w.seedB.id, customerId: ref(target, 'customerId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "gives its own deal A's person (updateDeal contactId)",
      needs: 'CRM:write',
      query: UPDATE_DEAL,
      variables: (target, w) => ({ input: { id: w.seedB.id, contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    // While B's own seed is still in its first stage (the control marks an item there).
    {
      name: "marks an item done on A's deal (setDealChecklistItem dealId)",
      needs: 'CRM:write',
      query: SET_CHECK,
      variables: (target) => ({ input: { dealId: target.id, itemId: ref(target, 'itemId'), done: true } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "logs an interaction about A's deal (logInteraction dealId)",
      needs: 'CRM:write',
      query: LOG_INTERACTION,
      variables: (target) => ({ input: { kind: 'NOTE', body: 'Spy', dealId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "creates a task about A's deal (createTask subjectType: DEAL)",
      needs: 'CRM:write',
      query: CREATE_TASK,
      variables: (target) => ({ input: { title: 'Spy', subjectType: 'DEAL', subjectId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "moves its own deal into A's stage (moveDeal stageId)",
      needs: 'CRM:write',
      query: MOVE_DEAL,
      variables: (target, w) => ({ input: { id: w.seedB.id, stageId: ref(target, 'otherStageId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "moves A's deal on its own board (moveDeal id)",
      needs: 'CRM:write',
      query: MOVE_DEAL,
      variables: (target, w) => ({ input: { id: target.id, stageId: ref(w.seedB, 'otherStageId'), position: 0 } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "closes A's deal (closeDeal)",
      needs: 'CRM:write',
      query: CLOSE_DEAL,
      variables: (target) => ({ input: { id: target.id, won: false, reason: 'Spy' } }),
      expect: { kind: 'NOT_FOUND' },
    },
    // After the close above: the control reopens B's own.
    {
      name: "reopens A's deal (reopenDeal)",
      needs: 'CRM:write',
      query: REOPEN_DEAL,
      variables: (target) => ({ input: { id: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Stage history

const HISTORY = `query($id: ID!) { deal(id: $id) { id stageHistory { id kind fromStageId fromStageName toStageId toStageName statusAfter reason changedBy { id email } changedAt checklistDone checklistTotal } } }`;

const historyCase: IsolationCase = {
  entity: 'DealStageChange',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const salesPipeline = await sales(kontor, token);
    const { customerId } = await buyer(kontor, tenant, marker);
    const id = await create(kontor, token, CREATE_DEAL, 'createDeal', { title: `History ${marker}`, customerId });
    ok(await kontor.gql(MOVE_DEAL, { input: { id, stageId: nth(salesPipeline.stages, 1, 'stage') } }, token));
    ok(await kontor.gql(CLOSE_DEAL, { input: { id, won: false, reason: `Reason ${marker}` } }, token));
    const changes = arr(ok(await kontor.gql(HISTORY, { id }, token)), 'deal', 'stageHistory').map((change) => str(change, 'id'));
    const timeline = ok(await kontor.gql(DEAL_TIMELINE, { id }, token));
    return {
      id,
      marker,
      listed: changes,
      refs: { changes: changes.join(','), timelineCursor: str(timeline, 'timeline', 'edges', 0, 'cursor') },
      traces: tracesOf([marker], [id, customerId, ...changes, salesPipeline.id, ...salesPipeline.stages]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    return { history: ok(await kontor.gql(HISTORY, { id: seed.id }, token)), timeline: ok(await kontor.gql(DEAL_TIMELINE, { id: seed.id }, token)) };
  },
  fetch: {
    needs: 'CRM:read',
    query: HISTORY,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    // Every stage change of the company: the histories of every deal.
    query: `{ deals(first: 100) { edges { node { id stageHistory { id reason } } } } }`,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'deals', 'edges').flatMap((edge) => arr(edge, 'node', 'stageHistory').map((change) => str(change, 'id'))) }),
  },
  probes: [
    {
      name: "reads A's deal's stage changes in its timeline (timeline(subject: DEAL))",
      needs: 'CRM:read',
      query: DEAL_TIMELINE,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'LIST', read: (data) => timelineItems(data), own: (seedB) => list(seedB, 'changes') },
    },
    {
      name: "passes A's timeline cursor to its own deal's timeline(after:)",
      needs: 'CRM:read',
      query: DEAL_TIMELINE,
      variables: (target, w) => ({ id: w.seedB.id, after: ref(target, 'timelineCursor') }),
      // totalCount counts B's whole timeline, whatever the cursor: only the page is compared. After the loss: the move and the creation.
      expect: { kind: 'LIST', read: (data) => timelineItems(data, false), own: (seedB) => list(seedB, 'changes').slice(1) },
    },
    {
      name: "deals(filter: { statuses: [LOST] }) counts none of A's",
      needs: 'CRM:read',
      query: `{ deals(filter: { statuses: [LOST] }) { totalCount } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => num(data, 'deals', 'totalCount'), theirs: () => 1, own: () => 1 },
    },
    {
      name: "reopens A's lost deal, adding to its history (reopenDeal)",
      needs: 'CRM:write',
      query: REOPEN_DEAL,
      variables: (target) => ({ input: { id: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

/** The rows of the deals feature, for `isolationCases`. */
export const dealCases: IsolationCase[] = [pipelineCase, stageCase, itemCase, markCase, dealCase, historyCase];
