import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join, recordingMailbox, type Member } from '../support/members.js';
import { statementsOfRequest } from '../support/statements.js';

// ---------------------------------------------------------------------------------------------
// GraphQL documents and shapes

interface ItemView {
  id: string;
  title: string;
  position: number;
}
interface StageView {
  id: string;
  pipelineId: string;
  name: string;
  position: number;
  probability: number;
  rottingDays: number | null;
  checklist: ItemView[];
}
interface PipelineView {
  id: string;
  name: string;
  position: number;
  stages: StageView[];
}
interface MoneyView {
  amount: string;
  currency: string;
}
interface ChangeView {
  id: string;
  kind: 'CREATED' | 'MOVED' | 'WON' | 'LOST' | 'REOPENED';
  fromStageId: string | null;
  fromStageName: string | null;
  toStageId: string | null;
  toStageName: string;
  statusAfter: 'OPEN' | 'WON' | 'LOST';
  reason: string | null;
  changedBy: { id: string } | null;
  changedAt: string;
  checklistDone: number | null;
  checklistTotal: number | null;
}
interface DealView {
  id: string;
  title: string;
  pipeline: { id: string; name: string };
  stage: { id: string; name: string; probability: number };
  position: number | null;
  amount: MoneyView | null;
  expectedCloseDate: string | null;
  owner: { id: string } | null;
  source: { channel: string | null; utmSource: string | null; utmMedium: string | null; utmCampaign: string | null };
  status: 'OPEN' | 'WON' | 'LOST';
  closeReason: string | null;
  closedAt: string | null;
  probability: number;
  probabilityOverridden: boolean;
  stageEnteredAt: string;
  lastActivityAt: string;
  rotting: boolean;
  daysWithoutActivity: number;
  customer: { id: string; name: string };
  contact: { id: string; fullName: string } | null;
  checklist: { id: string; title: string; done: boolean; doneBy: { id: string } | null; doneAt: string | null }[];
  createdAt: string;
  updatedAt: string;
}
interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: N }[];
}
interface ColumnView {
  stage: { id: string; name: string };
  count: number;
  totalAmount: MoneyView[];
  deals: { id: string; title: string; position: number }[];
}
interface EntryView {
  kind: 'INTERACTION' | 'TASK_CREATED' | 'TASK_COMPLETED' | 'STAGE_CHANGE';
  at: string;
  interaction: { id: string; dealId: string | null; dealTitle: string | null; customerId: string | null } | null;
  task: { id: string; subjectType: string | null; subjectId: string | null; subjectName: string | null } | null;
  stageChange: { id: string; kind: string; toStageName: string } | null;
}

const STAGE_FIELDS = 'id pipelineId name position probability rottingDays checklist { id title position }';
const PIPELINE_FIELDS = `id name position stages { ${STAGE_FIELDS} }`;
const DEAL_FIELDS = `id title pipeline { id name } stage { id name probability } position amount { amount currency } expectedCloseDate owner { id }
  source { channel utmSource utmMedium utmCampaign } status closeReason closedAt probability probabilityOverridden stageEnteredAt lastActivityAt
  rotting daysWithoutActivity customer { id name } contact { id fullName } checklist { id title done doneBy { id } doneAt } createdAt updatedAt`;
const CHANGE_FIELDS = 'id kind fromStageId fromStageName toStageId toStageName statusAfter reason changedBy { id } changedAt checklistDone checklistTotal';

const PIPELINES = `{ pipelines { ${PIPELINE_FIELDS} } }`;
const CREATE_PIPELINE = `mutation($input: CreatePipelineInput!) { createPipeline(input: $input) { ${PIPELINE_FIELDS} } }`;
const UPDATE_PIPELINE = `mutation($input: UpdatePipelineInput!) { updatePipeline(input: $input) { ${PIPELINE_FIELDS} } }`;
const DELETE_PIPELINE = `mutation($input: DeletePipelineInput!) { deletePipeline(input: $input) }`;
const CREATE_STAGE = `mutation($input: CreatePipelineStageInput!) { createPipelineStage(input: $input) { ${STAGE_FIELDS} } }`;
const UPDATE_STAGE = `mutation($input: UpdatePipelineStageInput!) { updatePipelineStage(input: $input) { ${STAGE_FIELDS} } }`;
const DELETE_STAGE = `mutation($input: DeletePipelineStageInput!) { deletePipelineStage(input: $input) }`;
const REORDER_STAGES = `mutation($input: ReorderPipelineStagesInput!) { reorderPipelineStages(input: $input) { ${PIPELINE_FIELDS} } }`;
const CREATE_ITEM = `mutation($input: CreateStageChecklistItemInput!) { createStageChecklistItem(input: $input) { id title position } }`;
const UPDATE_ITEM = `mutation($input: UpdateStageChecklistItemInput!) { updateStageChecklistItem(input: $input) { id title position } }`;
const DELETE_ITEM = `mutation($input: DeleteStageChecklistItemInput!) { deleteStageChecklistItem(input: $input) }`;
const CREATE_DEAL = `mutation($input: CreateDealInput!) { createDeal(input: $input) { ${DEAL_FIELDS} } }`;
const UPDATE_DEAL = `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { ${DEAL_FIELDS} } }`;
const MOVE_DEAL = `mutation($input: MoveDealInput!) { moveDeal(input: $input) { ${DEAL_FIELDS} } }`;
const CLOSE_DEAL = `mutation($input: CloseDealInput!) { closeDeal(input: $input) { ${DEAL_FIELDS} } }`;
const REOPEN_DEAL = `mutation($input: ReopenDealInput!) { reopenDeal(input: $input) { ${DEAL_FIELDS} } }`;
const DELETE_DEAL = `mutation($input: DeleteDealInput!) { deleteDeal(input: $input) }`;
const SET_CHECK = `mutation($input: SetDealChecklistItemInput!) { setDealChecklistItem(input: $input) { ${DEAL_FIELDS} } }`;
const GET_DEAL = `query($id: ID!) { deal(id: $id) { ${DEAL_FIELDS} } }`;
const HISTORY = `query($id: ID!) { deal(id: $id) { stageHistory { ${CHANGE_FIELDS} } } }`;
const LIST_DEALS = `query($first: Int, $after: String, $filter: DealFilter, $orderBy: DealOrder) {
  deals(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${DEAL_FIELDS} } } }
}`;
const BOARD = `query($pipelineId: ID!, $firstPerStage: Int) {
  dealBoard(pipelineId: $pipelineId, firstPerStage: $firstPerStage) { stage { id name } count totalAmount { amount currency } deals { id title position } }
}`;
const TIMELINE = `query($subject: TimelineSubject!, $first: Int, $after: String) {
  timeline(subject: $subject, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { kind at interaction { id dealId dealTitle customerId } task { id subjectType subjectId subjectName } stageChange { id kind toStageName } } }
  }
}`;
const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const DELETE_CUSTOMER = `mutation($input: DeleteCustomerInput!) { deleteCustomer(input: $input) }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const LOG = `mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id dealId dealTitle customerId contactId } }`;
const CREATE_TASK = `mutation($input: CreateTaskInput!) { createTask(input: $input) { id subjectType subjectId subjectName } }`;
const GET_TASK = `query($id: ID!) { task(id: $id) { id subjectType subjectId subjectName } }`;
const COMPLETE_TASK = `mutation($input: CompleteTaskInput!) { completeTask(input: $input) { id } }`;
const SET_OPTION = `mutation($input: SetFeatureOptionInput!) { setFeatureOption(input: $input) { key } }`;
const SETTINGS = `mutation($input: UpdateTenantSettingsInput!) { updateTenantSettings(input: $input) { settings { currency } } }`;
const CREATE_API_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`;
const CUSTOMER_DEALS = `query($id: ID!, $statuses: [DealStatus!]) { customer(id: $id) { id deals(statuses: $statuses) { totalCount edges { node { id title status } } } } }`;

/** The GraphQL calls of this file, for one running Kontor. */
function api(kontor: Kontor) {
  const call = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => ok(await kontor.gql<T>(query, variables, token));
  return {
    pipelines: async (token: string) => (await call<{ pipelines: PipelineView[] }>(PIPELINES, {}, token)).pipelines,
    createPipeline: async (token: string, input: Record<string, unknown>) => (await call<{ createPipeline: PipelineView }>(CREATE_PIPELINE, { input }, token)).createPipeline,
    updatePipeline: async (token: string, input: Record<string, unknown>) => (await call<{ updatePipeline: PipelineView }>(UPDATE_PIPELINE, { input }, token)).updatePipeline,
    createStage: async (token: string, input: Record<string, unknown>) => (await call<{ createPipelineStage: StageView }>(CREATE_STAGE, { input }, token)).createPipelineStage,
    updateStage: async (token: string, input: Record<string, unknown>) => (await call<{ updatePipelineStage: StageView }>(UPDATE_STAGE, { input }, token)).updatePipelineStage,
    reorder: async (token: string, input: Record<string, unknown>) => (await call<{ reorderPipelineStages: PipelineView }>(REORDER_STAGES, { input }, token)).reorderPipelineStages,
    createItem: async (token: string, input: Record<string, unknown>) => (await call<{ createStageChecklistItem: ItemView }>(CREATE_ITEM, { input }, token)).createStageChecklistItem,
    updateItem: async (token: string, input: Record<string, unknown>) => (await call<{ updateStageChecklistItem: ItemView }>(UPDATE_ITEM, { input }, token)).updateStageChecklistItem,
    create: async (token: string, input: Record<string, unknown>) => (await call<{ createDeal: DealView }>(CREATE_DEAL, { input }, token)).createDeal,
    update: async (token: string, input: Record<string, unknown>) => (await call<{ updateDeal: DealView }>(UPDATE_DEAL, { input }, token)).updateDeal,
    move: async (token: string, input: Record<string, unknown>) => (await call<{ moveDeal: DealView }>(MOVE_DEAL, { input }, token)).moveDeal,
    close: async (token: string, input: Record<string, unknown>) => (await call<{ closeDeal: DealView }>(CLOSE_DEAL, { input }, token)).closeDeal,
    reopen: async (token: string, id: string) => (await call<{ reopenDeal: DealView }>(REOPEN_DEAL, { input: { id } }, token)).reopenDeal,
    check: async (token: string, input: Record<string, unknown>) => (await call<{ setDealChecklistItem: DealView }>(SET_CHECK, { input }, token)).setDealChecklistItem,
    get: async (token: string, id: string) => (await call<{ deal: DealView }>(GET_DEAL, { id }, token)).deal,
    history: async (token: string, id: string) => (await call<{ deal: { stageHistory: ChangeView[] } }>(HISTORY, { id }, token)).deal.stageHistory,
    list: async (token: string, variables: Record<string, unknown> = {}) => (await call<{ deals: Page<DealView> }>(LIST_DEALS, { first: 50, ...variables }, token)).deals,
    board: async (token: string, pipelineId: string, firstPerStage?: number) => (await call<{ dealBoard: ColumnView[] }>(BOARD, { pipelineId, firstPerStage }, token)).dealBoard,
    timeline: async (token: string, id: string, first = 50) => (await call<{ timeline: Page<EntryView> }>(TIMELINE, { subject: { type: 'DEAL', id }, first }, token)).timeline,
    customer: async (token: string, input: Record<string, unknown>) => (await call<{ createCustomer: { id: string } }>(CREATE_CUSTOMER, { input }, token)).createCustomer.id,
    contact: async (token: string, input: Record<string, unknown>) => (await call<{ createContact: { id: string } }>(CREATE_CONTACT, { input }, token)).createContact.id,
    setOption: async (token: string, key: string, enabled: boolean) => {
      await call(SET_OPTION, { input: { key, enabled } }, token);
    },
  };
}

/** The one refusal of a request: its extensions (code, path, reason, params). */
function problem(result: GqlResult<unknown>): Record<string, unknown> | undefined {
  expect(result.errors, JSON.stringify(result.errors)).toHaveLength(1);
  expect(result.data ?? null).toBeNull();
  return result.errors?.[0]?.extensions;
}

const ids = (items: { id: string }[]): string[] => items.map((item) => item.id);
const nodes = <N>(page: Page<N>): N[] => page.edges.map((edge) => edge.node);
const uuid = (globalId: string, type: string): string => fromGlobalId(type, globalId, ['id']);

/** Deal ids of a stage's board column, in board order, checking positions are dense from 0. */
function column(board: ColumnView[], stageId: string): string[] {
  const found = board.find((c) => c.stage.id === stageId);
  if (!found) throw new Error(`no column for ${stageId}`);
  expect(found.deals.map((d) => d.position)).toEqual(found.deals.map((_d, index) => index));
  return ids(found.deals);
}

/** The owner's connection: ages deals as only the database owner may (RLS does not apply to it). */
async function ownerSql(sql: string, params: unknown[]): Promise<void> {
  const client = new pg.Client({ connectionString: inject('ownerUrl') });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

async function ageDeal(dealId: string, days: number): Promise<void> {
  await ownerSql(`update crm_deals set last_activity_at = now() - make_interval(days => $2), stage_entered_at = now() - make_interval(days => $2) where id = $1`, [uuid(dealId, 'Deal'), days]);
}

// ---------------------------------------------------------------------------------------------

describe('CRM deals through GraphQL', () => {
  let kontor: Kontor;
  let d: ReturnType<typeof api>;
  const { workers: recordingWorkers, mailText } = recordingMailbox();

  beforeAll(async () => {
    kontor = await startKontor({ workers: recordingWorkers });
    d = api(kontor);
  });
  afterAll(() => kontor.close());

  /** A company with a customer (with a person) and the default pipeline. */
  async function company(): Promise<{ owner: SignedUp; customerId: string; contactId: string; sales: PipelineView }> {
    const owner = await signUp(kontor);
    const customerId = await d.customer(owner.token, { name: 'Acme SRL', source: { channel: 'PAID_SEARCH', utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'spring' } });
    const contactId = await d.contact(owner.token, { firstName: 'Ana', lastName: 'Pop', customerId });
    const [sales] = await d.pipelines(owner.token);
    if (!sales) throw new Error('no default pipeline');
    return { owner, customerId, contactId, sales };
  }

  it('a new company starts with the Sales pipeline: four stages in English with their probabilities', async () => {
    const owner = await signUp(kontor);
    const pipelines = await d.pipelines(owner.token);
    expect(pipelines).toHaveLength(1);
    expect(pipelines[0]).toMatchObject({ name: 'Sales', position: 0 });
    expect(pipelines[0]?.stages.map((s) => [s.name, s.position, s.probability, s.rottingDays, s.checklist])).toEqual([
      ['Qualification', 0, 10, null, []],
      ['Needs analysis', 1, 25, null, []],
      ['Proposal', 2, 50, null, []],
      ['Negotiation', 3, 75, null, []],
    ]);
    // The switch is on by default and listed with the CRM's options.
    const modules = ok(await kontor.gql<{ modules: { key: string; featureOptions: { key: string; enabled: boolean }[] }[] }>(`{ modules { key featureOptions { key enabled } } }`, {}, owner.token));
    expect(modules.modules.find((m) => m.key === 'CRM')?.featureOptions).toContainEqual({ key: 'CRM.deals', enabled: true });
  });

  it('creates, renames, orders and deletes pipelines, stages and checklist items, keeping every order dense', async () => {
    const { owner } = await company();
    const renewals = await d.createPipeline(owner.token, {
      name: '  Renewals ',
      stages: [
        { name: 'Contacted', probability: 20, rottingDays: 14 },
        { name: 'Offer sent', probability: 60 },
      ],
    });
    expect(renewals).toMatchObject({ name: 'Renewals', position: 1 });
    expect(renewals.stages.map((s) => [s.name, s.position, s.probability, s.rottingDays])).toEqual([
      ['Contacted', 0, 20, 14],
      ['Offer sent', 1, 60, null],
    ]);
    // A stage in the middle moves the later ones down; one past the end goes last.
    const middle = await d.createStage(owner.token, { pipelineId: renewals.id, name: 'Meeting', probability: 40, position: 1 });
    expect(middle).toMatchObject({ name: 'Meeting', position: 1, pipelineId: renewals.id });
    const last = await d.createStage(owner.token, { pipelineId: renewals.id, name: 'Signed', probability: 95, position: 99 });
    expect(last.position).toBe(3);
    const names = async (): Promise<string[]> => ((await d.pipelines(owner.token)).find((p) => p.id === renewals.id)?.stages ?? []).map((s) => `${s.position}:${s.name}`);
    expect(await names()).toEqual(['0:Contacted', '1:Meeting', '2:Offer sent', '3:Signed']);

    const updated = await d.updateStage(owner.token, { id: middle.id, name: 'Demo', probability: 45, rottingDays: 10 });
    expect(updated).toMatchObject({ name: 'Demo', probability: 45, rottingDays: 10, position: 1 });
    expect((await d.updateStage(owner.token, { id: middle.id, rottingDays: null })).rottingDays).toBeNull();

    const current = (await d.pipelines(owner.token)).find((p) => p.id === renewals.id);
    const [a, b, c, e] = current?.stages ?? [];
    if (!a || !b || !c || !e) throw new Error('four stages expected');
    const reordered = await d.reorder(owner.token, { pipelineId: renewals.id, stageIds: [e.id, a.id, c.id, b.id] });
    expect(reordered.stages.map((s) => `${s.position}:${s.name}`)).toEqual(['0:Signed', '1:Contacted', '2:Offer sent', '3:Demo']);

    // Pipelines move too; the first one is where deals go by default.
    expect((await d.updatePipeline(owner.token, { id: renewals.id, position: 0, name: 'Renewals 2026' })).position).toBe(0);
    expect((await d.pipelines(owner.token)).map((p) => `${p.position}:${p.name}`)).toEqual(['0:Renewals 2026', '1:Sales']);

    // Checklist items: in order, inserted and moved densely.
    const send = await d.createItem(owner.token, { stageId: c.id, title: 'Send the offer' });
    const call = await d.createItem(owner.token, { stageId: c.id, title: 'Call the buyer' });
    const first = await d.createItem(owner.token, { stageId: c.id, title: 'Check the budget', position: 0 });
    expect([send.position, call.position, first.position]).toEqual([0, 1, 0]);
    await d.updateItem(owner.token, { id: first.id, position: 5, title: 'Check the budget twice' });
    const checklist = async (): Promise<string[]> =>
      ((await d.pipelines(owner.token)).find((p) => p.id === renewals.id)?.stages.find((s) => s.id === c.id)?.checklist ?? []).map((i) => `${i.position}:${i.title}`);
    expect(await checklist()).toEqual(['0:Send the offer', '1:Call the buyer', '2:Check the budget twice']);
    expect(ok(await kontor.gql<{ deleteStageChecklistItem: string }>(DELETE_ITEM, { input: { id: send.id } }, owner.token)).deleteStageChecklistItem).toBe(send.id);
    expect(await checklist()).toEqual(['0:Call the buyer', '1:Check the budget twice']);

    // A stage without deals is deleted, the later ones close up.
    expect(ok(await kontor.gql<{ deletePipelineStage: string }>(DELETE_STAGE, { input: { id: a.id } }, owner.token)).deletePipelineStage).toBe(a.id);
    expect(await names()).toEqual(['0:Signed', '1:Offer sent', '2:Demo']);
    // A pipeline without deals is deleted with its stages; the others close up.
    expect(ok(await kontor.gql<{ deletePipeline: string }>(DELETE_PIPELINE, { input: { id: renewals.id } }, owner.token)).deletePipeline).toBe(renewals.id);
    expect((await d.pipelines(owner.token)).map((p) => `${p.position}:${p.name}`)).toEqual(['0:Sales']);
    expect(errorCode(await kontor.gql(UPDATE_STAGE, { input: { id: c.id, name: 'Gone' } }, owner.token))).toBe('NOT_FOUND');
  });

  it('refuses bad pipeline, stage and checklist input with the field path and a reason', async () => {
    const { owner, sales } = await company();
    const stranger = await company();
    const other = await d.createPipeline(owner.token, { name: 'Other', stages: [{ name: 'Only', probability: 5 }] });
    const [qualification, needs] = sales.stages;
    if (!qualification || !needs) throw new Error('stages expected');
    const cases: [string, Record<string, unknown>, string[], string, Record<string, unknown>?][] = [
      [CREATE_PIPELINE, { name: ' ' }, ['input', 'name'], 'REQUIRED'],
      [CREATE_PIPELINE, { name: 'x'.repeat(101) }, ['input', 'name'], 'TOO_LONG', { max: 100 }],
      [CREATE_PIPELINE, { name: 'New', stages: [{ name: 'A', probability: 101 }] }, ['input', 'stages', '0', 'probability'], 'OUT_OF_RANGE', { min: 0, max: 100 }],
      [CREATE_PIPELINE, { name: 'New', stages: [{ name: 'A', probability: 1 }, { name: 'B', probability: -1 }] }, ['input', 'stages', '1', 'probability'], 'OUT_OF_RANGE'],
      [CREATE_PIPELINE, { name: 'New', stages: [{ name: 'A', probability: 1, rottingDays: 0 }] }, ['input', 'stages', '0', 'rottingDays'], 'OUT_OF_RANGE', { min: 1, max: 3650 }],
      [CREATE_PIPELINE, { name: 'New', stages: Array.from({ length: 31 }, (_v, i) => ({ name: `S${i}`, probability: 1 })) }, ['input', 'stages'], 'TOO_MANY', { max: 30 }],
      [CREATE_STAGE, { pipelineId: sales.id, name: 'Closing', probability: 200 }, ['input', 'probability'], 'OUT_OF_RANGE'],
      [CREATE_STAGE, { pipelineId: sales.id, name: 'Closing', probability: 90, position: -1 }, ['input', 'position'], 'OUT_OF_RANGE'],
      [CREATE_STAGE, { pipelineId: sales.id, name: 'Closing', probability: 90, rottingDays: 4000 }, ['input', 'rottingDays'], 'OUT_OF_RANGE'],
      [UPDATE_STAGE, { id: qualification.id, name: null }, ['input', 'name'], 'REQUIRED'],
      [UPDATE_STAGE, { id: qualification.id, probability: null }, ['input', 'probability'], 'REQUIRED'],
      [UPDATE_PIPELINE, { id: sales.id, name: null }, ['input', 'name'], 'REQUIRED'],
      [UPDATE_PIPELINE, { id: sales.id, position: -2 }, ['input', 'position'], 'OUT_OF_RANGE'],
      [REORDER_STAGES, { pipelineId: sales.id, stageIds: [qualification.id] }, ['input', 'stageIds'], 'INVALID'],
      [REORDER_STAGES, { pipelineId: sales.id, stageIds: [qualification.id, qualification.id] }, ['input', 'stageIds', '1'], 'INVALID'],
      [REORDER_STAGES, { pipelineId: sales.id, stageIds: [other.stages[0]?.id] }, ['input', 'stageIds', '0'], 'STAGE_NOT_IN_PIPELINE'],
      [REORDER_STAGES, { pipelineId: sales.id, stageIds: ['garbage'] }, ['input', 'stageIds', '0'], 'INVALID'],
      [CREATE_ITEM, { stageId: qualification.id, title: '' }, ['input', 'title'], 'REQUIRED'],
      [CREATE_ITEM, { stageId: qualification.id, title: 't'.repeat(301) }, ['input', 'title'], 'TOO_LONG', { max: 300 }],
    ];
    for (const [query, input, path, reason, params] of cases) {
      expect(problem(await kontor.gql(query, { input }, owner.token)), JSON.stringify(input).slice(0, 120)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason, ...(params ? { params } : {}) });
    }
    // Names are unique (ignoring case): among pipelines, and among a pipeline's stages.
    for (const [query, input, path] of [
      [CREATE_PIPELINE, { name: 'sales' }, ['input', 'name']],
      [UPDATE_PIPELINE, { id: other.id, name: 'SALES' }, ['input', 'name']],
      [CREATE_PIPELINE, { name: 'Twice', stages: [{ name: 'A', probability: 1 }, { name: 'a', probability: 2 }] }, ['input', 'stages', '1', 'name']],
      [CREATE_STAGE, { pipelineId: sales.id, name: 'proposal', probability: 1 }, ['input', 'name']],
      [UPDATE_STAGE, { id: needs.id, name: 'Qualification' }, ['input', 'name']],
    ] as const) {
      expect(problem(await kontor.gql(query, { input }, owner.token)), JSON.stringify(input)).toMatchObject({ code: 'CONFLICT', path, reason: 'ALREADY_EXISTS' });
    }
    // Another company's pipeline, stage or item does not exist here.
    const theirs = stranger.sales;
    for (const [query, input] of [
      [CREATE_STAGE, { pipelineId: theirs.id, name: 'Spy', probability: 1 }],
      [UPDATE_STAGE, { id: theirs.stages[0]?.id, name: 'Spy' }],
      [DELETE_STAGE, { id: theirs.stages[0]?.id }],
      [DELETE_STAGE, { id: qualification.id, moveDealsToStageId: theirs.stages[1]?.id }],
      [REORDER_STAGES, { pipelineId: sales.id, stageIds: [theirs.stages[0]?.id] }],
      [UPDATE_PIPELINE, { id: theirs.id, name: 'Spy' }],
      [DELETE_PIPELINE, { id: theirs.id }],
      [CREATE_ITEM, { stageId: theirs.stages[0]?.id, title: 'Spy' }],
    ] as const) {
      expect(problem(await kontor.gql(query, { input }, owner.token))?.code, JSON.stringify(input)).toBe('NOT_FOUND');
    }
    // Nothing refused was kept.
    expect((await d.pipelines(owner.token)).map((p) => [p.name, p.stages.map((s) => `${s.name}:${s.probability}:${s.checklist.length}`)])).toEqual([
      ['Sales', ['Qualification:10:0', 'Needs analysis:25:0', 'Proposal:50:0', 'Negotiation:75:0']],
      ['Other', ['Only:5:0']],
    ]);
    expect((await d.pipelines(stranger.owner.token)).map((p) => p.stages.length)).toEqual([4]);
  });

  it('refuses to delete a pipeline or a stage holding deals (CONFLICT), unless the stage’s deals move to another stage', async () => {
    const { owner, customerId, sales } = await company();
    const [qualification, needs, proposal] = sales.stages;
    if (!qualification || !needs || !proposal) throw new Error('stages expected');
    const item = await d.createItem(owner.token, { stageId: qualification.id, title: 'Qualify' });
    await d.createItem(owner.token, { stageId: qualification.id, title: 'Budget' });
    const already = await d.create(owner.token, { title: 'Already there', customerId, stageId: needs.id });
    const first = await d.create(owner.token, { title: 'First', customerId, stageId: qualification.id });
    const second = await d.create(owner.token, { title: 'Second', customerId, stageId: qualification.id });
    const lost = await d.create(owner.token, { title: 'Lost', customerId, stageId: qualification.id });
    await d.check(owner.token, { dealId: first.id, itemId: item.id, done: true });
    await d.close(owner.token, { id: lost.id, won: false, reason: 'No budget' });

    expect(problem(await kontor.gql(DELETE_PIPELINE, { input: { id: sales.id } }, owner.token))).toMatchObject({ code: 'CONFLICT', path: ['input', 'id'], reason: 'HAS_DEALS', params: { count: 4 } });
    expect(problem(await kontor.gql(DELETE_STAGE, { input: { id: qualification.id } }, owner.token))).toMatchObject({ code: 'CONFLICT', path: ['input', 'id'], reason: 'HAS_DEALS', params: { count: 3 } });
    expect(problem(await kontor.gql(DELETE_STAGE, { input: { id: qualification.id, moveDealsToStageId: qualification.id } }, owner.token))).toMatchObject({ path: ['input', 'moveDealsToStageId'], reason: 'INVALID' });
    const other = await d.createPipeline(owner.token, { name: 'Other', stages: [{ name: 'Only', probability: 5 }] });
    expect(problem(await kontor.gql(DELETE_STAGE, { input: { id: qualification.id, moveDealsToStageId: other.stages[0]?.id } }, owner.token))).toMatchObject({
      path: ['input', 'moveDealsToStageId'],
      reason: 'STAGE_NOT_IN_PIPELINE',
    });

    ok(await kontor.gql(DELETE_STAGE, { input: { id: qualification.id, moveDealsToStageId: needs.id } }, owner.token));
    const board = await d.board(owner.token, sales.id);
    expect(board.map((c) => c.stage.name)).toEqual(['Needs analysis', 'Proposal', 'Negotiation']);
    // Open deals join the end of the column in their order; the lost one is filed there too.
    expect(column(board, needs.id)).toEqual([already.id, first.id, second.id]);
    expect((await d.get(owner.token, lost.id)).stage.name).toBe('Needs analysis');
    const [moved] = await d.history(owner.token, first.id);
    expect(moved).toMatchObject({ kind: 'MOVED', fromStageId: null, fromStageName: 'Qualification', toStageId: needs.id, toStageName: 'Needs analysis', checklistDone: 1, checklistTotal: 2, changedBy: { id: owner.userId } });
    // The history keeps the deleted stage's name; the lost deal's record of its loss is unchanged.
    expect((await d.history(owner.token, lost.id)).map((c) => [c.kind, c.fromStageName, c.toStageName, c.toStageId])).toEqual([
      ['LOST', 'Qualification', 'Qualification', null],
      ['CREATED', null, 'Qualification', null],
    ]);
  });

  it('createDeal refuses every bad field with its path and reason, and keeps nothing', async () => {
    const { owner, customerId, sales } = await company();
    const stranger = await company();
    const otherCustomer = await d.customer(owner.token, { name: 'Beta' });
    const othersContact = await d.contact(owner.token, { firstName: 'Ion', customerId: otherCustomer });
    const empty = await d.createPipeline(owner.token, { name: 'Empty' });
    const base = { title: 'Deal', customerId };
    const cases: [Record<string, unknown>, string[], string, Record<string, unknown>?][] = [
      [{ ...base, title: '' }, ['input', 'title'], 'REQUIRED'],
      [{ ...base, title: '   ' }, ['input', 'title'], 'REQUIRED'],
      [{ ...base, title: 'x'.repeat(301) }, ['input', 'title'], 'TOO_LONG', { max: 300 }],
      [{ ...base, customerId: 'garbage' }, ['input', 'customerId'], 'INVALID'],
      [{ ...base, contactId: othersContact }, ['input', 'contactId'], 'CONTACT_NOT_OF_CUSTOMER'],
      [{ ...base, contactId: 'garbage' }, ['input', 'contactId'], 'INVALID'],
      [{ ...base, pipelineId: empty.id }, ['input', 'pipelineId'], 'NO_STAGES'],
      [{ ...base, pipelineId: empty.id, stageId: sales.stages[0]?.id }, ['input', 'stageId'], 'STAGE_NOT_IN_PIPELINE'],
      [{ ...base, stageId: 'garbage' }, ['input', 'stageId'], 'INVALID'],
      [{ ...base, amount: { amount: '-1', currency: 'EUR' } }, ['input', 'amount', 'amount'], 'OUT_OF_RANGE'],
      [{ ...base, amount: { amount: '1000000000000000', currency: 'EUR' } }, ['input', 'amount', 'amount'], 'OUT_OF_RANGE'],
      [{ ...base, amount: { amount: '10.005', currency: 'EUR' } }, ['input', 'amount', 'amount'], 'TOO_MANY_DECIMALS', { max: 2 }],
      [{ ...base, amount: { amount: '10.5', currency: 'JPY' } }, ['input', 'amount', 'amount'], 'TOO_MANY_DECIMALS', { max: 0 }],
      [{ ...base, ownerId: stranger.owner.userId }, ['input', 'ownerId'], 'NOT_A_MEMBER'],
      [{ ...base, ownerId: 'garbage' }, ['input', 'ownerId'], 'INVALID'],
      [{ ...base, probability: 101 }, ['input', 'probability'], 'OUT_OF_RANGE', { min: 0, max: 100 }],
      [{ ...base, probability: -1 }, ['input', 'probability'], 'OUT_OF_RANGE'],
      [{ ...base, source: { utmSource: 's'.repeat(201) } }, ['input', 'source', 'utmSource'], 'TOO_LONG', { max: 200 }],
      [{ ...base, source: { utmCampaign: 'c'.repeat(201) } }, ['input', 'source', 'utmCampaign'], 'TOO_LONG'],
    ];
    for (const [input, path, reason, params] of cases) {
      expect(problem(await kontor.gql(CREATE_DEAL, { input }, owner.token)), JSON.stringify(input).slice(0, 120)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason, ...(params ? { params } : {}) });
    }
    // Values the scalars refuse before any resolver runs.
    for (const input of [
      { ...base, amount: { amount: 12.5, currency: 'EUR' } },
      { ...base, amount: { amount: '12,5', currency: 'EUR' } },
      { ...base, amount: { amount: '12', currency: 'EURO' } },
      { ...base, expectedCloseDate: '2030-02-30' },
      { ...base, source: { channel: 'CARRIER_PIGEON' } },
    ]) {
      const result = await kontor.gql(CREATE_DEAL, { input }, owner.token);
      expect(errorCode(result), JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(result.data ?? null).toBeNull();
    }
    // What does not exist here: another company's customer, person, pipeline or stage; an id of another type.
    for (const input of [
      { ...base, customerId: stranger.customerId },
      { ...base, customerId: othersContact },
      { ...base, contactId: stranger.contactId },
      { ...base, pipelineId: stranger.sales.id },
      { ...base, stageId: stranger.sales.stages[0]?.id },
    ]) {
      expect(problem(await kontor.gql(CREATE_DEAL, { input }, owner.token))?.code, JSON.stringify(input)).toBe('NOT_FOUND');
    }
    // A company without any pipeline names the missing pipeline.
    ok(await kontor.gql(DELETE_PIPELINE, { input: { id: empty.id } }, owner.token));
    ok(await kontor.gql(DELETE_PIPELINE, { input: { id: sales.id } }, owner.token));
    expect(problem(await kontor.gql(CREATE_DEAL, { input: base }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'pipelineId'], reason: 'REQUIRED' });
    expect((await d.list(owner.token)).totalCount).toBe(0);
  });

  it('createDeal defaults: first pipeline and stage, the creator as owner, the company’s currency, the customer’s attribution, the stage’s probability', async () => {
    const { owner, customerId, contactId, sales } = await company();
    ok(await kontor.gql(SETTINGS, { input: { currency: 'RON' } }, owner.token));
    const before = Date.now();
    const deal = await d.create(owner.token, { title: '  Website redesign ', customerId, contactId, amount: { amount: '12500.5' }, expectedCloseDate: '2031-03-15' });
    expect(deal).toMatchObject({
      title: 'Website redesign',
      pipeline: { id: sales.id, name: 'Sales' },
      stage: { id: sales.stages[0]?.id, name: 'Qualification', probability: 10 },
      position: 0,
      amount: { amount: '12500.5', currency: 'RON' },
      expectedCloseDate: '2031-03-15',
      owner: { id: owner.userId },
      source: { channel: 'PAID_SEARCH', utmSource: 'google', utmMedium: 'cpc', utmCampaign: 'spring' },
      status: 'OPEN',
      closeReason: null,
      closedAt: null,
      probability: 10,
      probabilityOverridden: false,
      rotting: false,
      daysWithoutActivity: 0,
      customer: { id: customerId, name: 'Acme SRL' },
      contact: { id: contactId, fullName: 'Ana Pop' },
      checklist: [],
    });
    expect(Date.parse(deal.stageEnteredAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(deal.lastActivityAt).toBe(deal.stageEnteredAt);
    expect(await d.get(owner.token, deal.id)).toEqual(deal);
    // Creation is the first entry of the history.
    expect(await d.history(owner.token, deal.id)).toEqual([
      expect.objectContaining({ kind: 'CREATED', fromStageId: null, fromStageName: null, toStageId: sales.stages[0]?.id, toStageName: 'Qualification', statusAfter: 'OPEN', changedBy: { id: owner.userId }, checklistDone: null, checklistTotal: null }),
    ]);

    // Given explicitly: a stage (its pipeline follows), a currency, a source, a probability, nobody as owner.
    const explicit = await d.create(owner.token, {
      title: 'Explicit',
      customerId,
      stageId: sales.stages[2]?.id,
      amount: { amount: '99.99', currency: 'EUR' },
      source: { channel: 'REFERRAL' },
      probability: 80,
      ownerId: null,
    });
    expect(explicit).toMatchObject({
      stage: { name: 'Proposal' },
      pipeline: { id: sales.id },
      amount: { amount: '99.99', currency: 'EUR' },
      source: { channel: 'REFERRAL', utmSource: null, utmMedium: null, utmCampaign: null },
      probability: 80,
      probabilityOverridden: true,
      owner: null,
      contact: null,
    });
    // No source at all, and whole yen.
    expect((await d.create(owner.token, { title: 'Yen', customerId, source: null, amount: { amount: '1500', currency: 'JPY' } })).source).toEqual({ channel: null, utmSource: null, utmMedium: null, utmCampaign: null });
    // An API key is nobody: its deals start without an owner.
    const key = ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: 'shop', modules: ['CRM'], access: 'READ_WRITE' } }, owner.token)).createApiKey.secret;
    expect((await d.create(key, { title: 'From the shop', customerId })).owner).toBeNull();
    // A person of no customer may be the deal's contact.
    const freelancer = await d.contact(owner.token, { firstName: 'Free' });
    expect((await d.create(owner.token, { title: 'Freelance', customerId, contactId: freelancer })).contact?.id).toBe(freelancer);
  });

  it('updateDeal changes only the fields given, refuses a person of another customer, and counts as activity', async () => {
    const { owner, customerId, contactId, sales } = await company();
    const manager = await join(kontor, owner, 'MANAGER', mailText);
    const beta = await d.customer(owner.token, { name: 'Beta' });
    const deal = await d.create(owner.token, { title: 'Licences', customerId, contactId, amount: { amount: '100', currency: 'EUR' }, probability: 30 });
    await ageDeal(deal.id, 3);
    expect((await d.get(owner.token, deal.id)).daysWithoutActivity).toBe(3);

    const changed = await d.update(owner.token, { id: deal.id, title: 'Licences 2027', ownerId: manager.userId, expectedCloseDate: '2027-01-31', amount: { amount: '250.75' } });
    expect(changed).toMatchObject({ title: 'Licences 2027', owner: { id: manager.userId }, expectedCloseDate: '2027-01-31', amount: { amount: '250.75', currency: 'EUR' }, contact: { id: contactId }, probability: 30 });
    expect(changed.daysWithoutActivity).toBe(0);
    // The probability follows the stage again once cleared; a new stage default reaches such deals.
    expect((await d.update(owner.token, { id: deal.id, probability: null })).probability).toBe(10);
    await d.updateStage(owner.token, { id: sales.stages[0]?.id, probability: 15 });
    expect((await d.get(owner.token, deal.id)).probability).toBe(15);

    // Another customer whose people do not include the deal's person: the person must change too.
    expect(problem(await kontor.gql(UPDATE_DEAL, { input: { id: deal.id, customerId: beta } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'customerId'], reason: 'CONTACT_NOT_OF_CUSTOMER' });
    const betaPerson = await d.contact(owner.token, { firstName: 'Bea', customerId: beta });
    expect(problem(await kontor.gql(UPDATE_DEAL, { input: { id: deal.id, contactId: betaPerson } }, owner.token))).toMatchObject({ path: ['input', 'contactId'], reason: 'CONTACT_NOT_OF_CUSTOMER' });
    const moved = await d.update(owner.token, { id: deal.id, customerId: beta, contactId: betaPerson });
    expect(moved).toMatchObject({ customer: { id: beta, name: 'Beta' }, contact: { id: betaPerson } });
    for (const [input, path, reason] of [
      [{ title: null }, ['input', 'title'], 'REQUIRED'],
      [{ customerId: null }, ['input', 'customerId'], 'REQUIRED'],
      [{ probability: 1000 }, ['input', 'probability'], 'OUT_OF_RANGE'],
      [{ amount: { amount: '1.234', currency: 'EUR' } }, ['input', 'amount', 'amount'], 'TOO_MANY_DECIMALS'],
    ] as const) {
      expect(problem(await kontor.gql(UPDATE_DEAL, { input: { id: deal.id, ...input } }, owner.token)), JSON.stringify(input)).toMatchObject({ code: 'BAD_USER_INPUT', path, reason });
    }
    // null clears; an update naming only the id changes nothing but the activity time.
    const cleared = await d.update(owner.token, { id: deal.id, contactId: null, amount: null, expectedCloseDate: null, ownerId: null, source: null });
    expect(cleared).toMatchObject({ contact: null, amount: null, expectedCloseDate: null, owner: null, source: { channel: null, utmSource: null } });
    const untouched = await d.update(owner.token, { id: deal.id });
    expect({ ...untouched, lastActivityAt: null, updatedAt: null }).toEqual({ ...cleared, lastActivityAt: null, updatedAt: null });
  });

  it('moveDeal keeps board positions dense and stable, inside a column and across stages', async () => {
    const { owner, customerId, sales } = await company();
    const [a, b] = sales.stages;
    if (!a || !b) throw new Error('stages expected');
    const made: DealView[] = [];
    for (const title of ['d0', 'd1', 'd2', 'd3']) made.push(await d.create(owner.token, { title, customerId }));
    const [d0, d1, d2, d3] = made.map((deal) => deal.id);
    if (!d0 || !d1 || !d2 || !d3) throw new Error('four deals expected');
    expect(made.map((deal) => deal.position)).toEqual([0, 1, 2, 3]);
    const board = () => d.board(owner.token, sales.id);

    // Inside a column: to the top, to the end, to the same place (nothing moves).
    expect((await d.move(owner.token, { id: d3, stageId: a.id, position: 0 })).position).toBe(0);
    expect(column(await board(), a.id)).toEqual([d3, d0, d1, d2]);
    await d.move(owner.token, { id: d0, stageId: a.id });
    expect(column(await board(), a.id)).toEqual([d3, d1, d2, d0]);
    await d.move(owner.token, { id: d1, stageId: a.id, position: 1 });
    expect(column(await board(), a.id)).toEqual([d3, d1, d2, d0]);
    await d.move(owner.token, { id: d3, stageId: a.id, position: 2 });
    expect(column(await board(), a.id)).toEqual([d1, d2, d3, d0]);
    // Reordering inside a column is not a stage change: no history, no activity.
    expect((await d.history(owner.token, d3)).map((c) => c.kind)).toEqual(['CREATED']);

    // Across: into an empty column, then before the deal already there; past the end means last.
    const across = await d.move(owner.token, { id: d2, stageId: b.id });
    expect(across).toMatchObject({ stage: { id: b.id, name: 'Needs analysis', probability: 25 }, position: 0, probability: 25 });
    await d.move(owner.token, { id: d0, stageId: b.id, position: 0 });
    await d.move(owner.token, { id: d1, stageId: b.id, position: 99 });
    const after = await board();
    expect(column(after, a.id)).toEqual([d3]);
    expect(column(after, b.id)).toEqual([d0, d2, d1]);
    expect((await d.move(owner.token, { id: d3, stageId: b.id, position: 1 })).position).toBe(1);
    const final = await board();
    expect(column(final, a.id)).toEqual([]);
    expect(column(final, b.id)).toEqual([d0, d3, d2, d1]);

    // Into another pipeline: the deal follows the stage.
    const other = await d.createPipeline(owner.token, { name: 'Other', stages: [{ name: 'Only', probability: 5 }] });
    const elsewhere = await d.move(owner.token, { id: d2, stageId: other.stages[0]?.id });
    expect(elsewhere).toMatchObject({ pipeline: { id: other.id, name: 'Other' }, stage: { name: 'Only' }, position: 0 });
    expect(column(await board(), b.id)).toEqual([d0, d3, d1]);

    expect(problem(await kontor.gql(MOVE_DEAL, { input: { id: d0, stageId: b.id, position: -1 } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'position'], reason: 'OUT_OF_RANGE' });
    const stranger = await company();
    expect(problem(await kontor.gql(MOVE_DEAL, { input: { id: d0, stageId: stranger.sales.stages[1]?.id } }, owner.token))?.code).toBe('NOT_FOUND');
    await d.close(owner.token, { id: d1, won: true });
    expect(problem(await kontor.gql(MOVE_DEAL, { input: { id: d1, stageId: a.id } }, owner.token))).toMatchObject({ code: 'CONFLICT', path: ['input', 'id'], reason: 'DEAL_CLOSED' });
    expect(column(await board(), b.id)).toEqual([d0, d3]);
  });

  it('records every stage change with who, when and how much of the left stage’s checklist was done', async () => {
    const { owner, customerId, sales } = await company();
    const manager = await join(kontor, owner, 'MANAGER', mailText);
    const [qualification, needs] = sales.stages;
    if (!qualification || !needs) throw new Error('stages expected');
    const call = await d.createItem(owner.token, { stageId: qualification.id, title: 'Discovery call' });
    const budget = await d.createItem(owner.token, { stageId: qualification.id, title: 'Budget confirmed' });
    const demo = await d.createItem(owner.token, { stageId: needs.id, title: 'Demo' });
    const deal = await d.create(owner.token, { title: 'Checklist deal', customerId });
    expect(deal.checklist.map((i) => [i.title, i.done])).toEqual([
      ['Discovery call', false],
      ['Budget confirmed', false],
    ]);
    await ageDeal(deal.id, 2);
    const marked = await d.check(manager.token, { dealId: deal.id, itemId: call.id, done: true });
    expect(marked.checklist[0]).toMatchObject({ id: call.id, done: true, doneBy: { id: manager.userId } });
    expect(marked.checklist[1]).toMatchObject({ id: budget.id, done: false, doneBy: null, doneAt: null });
    // Marking is activity; marking twice keeps the first mark.
    expect(marked.daysWithoutActivity).toBe(0);
    const again = await d.check(owner.token, { dealId: deal.id, itemId: call.id, done: true });
    expect(again.checklist[0]).toEqual(marked.checklist[0]);
    // Only items of the deal's current stage; another company's item does not exist.
    expect(problem(await kontor.gql(SET_CHECK, { input: { dealId: deal.id, itemId: demo.id, done: true } }, owner.token))).toMatchObject({ path: ['input', 'itemId'], reason: 'ITEM_NOT_IN_STAGE' });

    const before = Date.now();
    const moved = await d.move(manager.token, { id: deal.id, stageId: needs.id });
    expect(moved.checklist.map((i) => [i.title, i.done])).toEqual([['Demo', false]]);
    await d.check(owner.token, { dealId: deal.id, itemId: demo.id, done: true });
    await d.check(owner.token, { dealId: deal.id, itemId: demo.id, done: false });
    await d.move(owner.token, { id: deal.id, stageId: qualification.id });
    await d.close(owner.token, { id: deal.id, won: true, reason: 'Signed' });
    const history = await d.history(owner.token, deal.id);
    expect(history.map((c) => [c.kind, c.fromStageName, c.toStageName, c.statusAfter, c.checklistDone, c.checklistTotal, c.changedBy?.id, c.reason])).toEqual([
      ['WON', 'Qualification', 'Qualification', 'WON', 1, 2, owner.userId, 'Signed'],
      ['MOVED', 'Needs analysis', 'Qualification', 'OPEN', 0, 1, owner.userId, null],
      ['MOVED', 'Qualification', 'Needs analysis', 'OPEN', 1, 2, manager.userId, null],
      ['CREATED', null, 'Qualification', 'OPEN', null, null, owner.userId, null],
    ]);
    const times = history.map((c) => Date.parse(c.changedAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(times[2]).toBeGreaterThanOrEqual(before - 1000);
    expect(times[0]).toBeLessThanOrEqual(Date.now() + 1000);
    // The marks of a stage stay when the deal comes back to it.
    expect((await d.get(owner.token, deal.id)).checklist.map((i) => i.done)).toEqual([true, false]);
  });

  it('closes a deal won or lost (a reason is required when lost), and reopens it at the end of its column', async () => {
    const { owner, customerId, sales } = await company();
    const stage = sales.stages[1];
    if (!stage) throw new Error('stage expected');
    const [first, second, third] = [await d.create(owner.token, { title: 'One', customerId, stageId: stage.id }), await d.create(owner.token, { title: 'Two', customerId, stageId: stage.id }), await d.create(owner.token, { title: 'Three', customerId, stageId: stage.id })];
    if (!first || !second || !third) throw new Error('deals expected');

    expect(problem(await kontor.gql(CLOSE_DEAL, { input: { id: first.id, won: false } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['input', 'reason'], reason: 'REQUIRED' });
    expect(problem(await kontor.gql(CLOSE_DEAL, { input: { id: first.id, won: false, reason: '  ' } }, owner.token))).toMatchObject({ path: ['input', 'reason'], reason: 'REQUIRED' });
    expect(problem(await kontor.gql(CLOSE_DEAL, { input: { id: first.id, won: false, reason: 'r'.repeat(1001) } }, owner.token))).toMatchObject({ path: ['input', 'reason'], reason: 'TOO_LONG' });
    const lost = await d.close(owner.token, { id: first.id, won: false, reason: ' Chose a competitor ' });
    expect(lost).toMatchObject({ status: 'LOST', closeReason: 'Chose a competitor', position: null, probability: 0, rotting: false });
    expect(lost.closedAt).not.toBeNull();
    expect(column(await d.board(owner.token, sales.id), stage.id)).toEqual([second.id, third.id]);
    expect(problem(await kontor.gql(CLOSE_DEAL, { input: { id: first.id, won: true } }, owner.token))).toMatchObject({ code: 'CONFLICT', path: ['input', 'id'], reason: 'DEAL_CLOSED' });

    const won = await d.close(owner.token, { id: third.id, won: true });
    expect(won).toMatchObject({ status: 'WON', closeReason: null, probability: 100, position: null });

    const reopened = await d.reopen(owner.token, first.id);
    expect(reopened).toMatchObject({ status: 'OPEN', closeReason: null, closedAt: null, position: 1, probability: 25, stage: { id: stage.id } });
    expect(column(await d.board(owner.token, sales.id), stage.id)).toEqual([second.id, first.id]);
    expect(problem(await kontor.gql(REOPEN_DEAL, { input: { id: first.id } }, owner.token))).toMatchObject({ code: 'CONFLICT', reason: 'DEAL_NOT_CLOSED' });
    expect((await d.history(owner.token, first.id)).map((c) => [c.kind, c.statusAfter, c.reason])).toEqual([
      ['REOPENED', 'OPEN', null],
      ['LOST', 'LOST', 'Chose a competitor'],
      ['CREATED', 'OPEN', null],
    ]);
    // Lists filter by status.
    expect(ids(nodes(await d.list(owner.token, { filter: { statuses: ['WON', 'LOST'] } })))).toEqual([third.id]);
    expect(ids(nodes(await d.list(owner.token, { filter: { statuses: ['OPEN'] }, orderBy: { field: 'CREATED_AT', direction: 'ASC' } })))).toEqual([first.id, second.id]);
  });

  it('a deal rots when open and idle longer than its stage allows; activity and closing end it', async () => {
    const { owner, customerId, contactId, sales } = await company();
    const [qualification, needs] = sales.stages;
    if (!qualification || !needs) throw new Error('stages expected');
    await d.updateStage(owner.token, { id: qualification.id, rottingDays: 7 });
    const item = await d.createItem(owner.token, { stageId: qualification.id, title: 'Call' });
    const idle = await d.create(owner.token, { title: 'Idle', customerId, contactId });
    const fresh = await d.create(owner.token, { title: 'Fresh', customerId });
    const noRot = await d.create(owner.token, { title: 'Never rots', customerId, stageId: needs.id });
    const closed = await d.create(owner.token, { title: 'Closed', customerId });
    await d.close(owner.token, { id: closed.id, won: true });
    for (const deal of [idle, noRot, closed]) await ageDeal(deal.id, 8);
    await ageDeal(fresh.id, 6);

    const view = async (id: string) => {
      const deal = await d.get(owner.token, id);
      return [deal.rotting, deal.daysWithoutActivity];
    };
    expect(await view(idle.id)).toEqual([true, 8]);
    expect(await view(fresh.id)).toEqual([false, 6]);
    expect(await view(noRot.id)).toEqual([false, 8]);
    expect(await view(closed.id)).toEqual([false, 8]);
    expect(ids(nodes(await d.list(owner.token, { filter: { rotting: true } })))).toEqual([idle.id]);
    expect(ids(nodes(await d.list(owner.token, { filter: { rotting: false } }))).sort()).toEqual([fresh.id, noRot.id, closed.id].sort());
    expect((await d.list(owner.token, { filter: { rotting: true } })).totalCount).toBe(1);
    // A stage whose days get shorter makes its idle deals rot at once.
    await d.updateStage(owner.token, { id: qualification.id, rottingDays: 5 });
    expect(await view(fresh.id)).toEqual([true, 6]);

    // Each kind of activity ends it: an interaction about the deal, a checklist item done, an edit, a stage change.
    const logged = ok(await kontor.gql<{ logInteraction: { dealId: string; customerId: string; contactId: string | null; dealTitle: string } }>(LOG, { input: { kind: 'CALL', direction: 'OUTBOUND', dealId: idle.id } }, owner.token)).logInteraction;
    expect(logged).toMatchObject({ dealId: idle.id, dealTitle: 'Idle', customerId, contactId: null });
    expect(await view(idle.id)).toEqual([false, 0]);
    await d.check(owner.token, { dealId: fresh.id, itemId: item.id, done: true });
    expect(await view(fresh.id)).toEqual([false, 0]);
    await ageDeal(idle.id, 9);
    await d.update(owner.token, { id: idle.id, title: 'Idle, edited' });
    expect(await view(idle.id)).toEqual([false, 0]);
    await ageDeal(idle.id, 9);
    // An interaction logged late (it happened 20 days ago) does not make the deal look active.
    ok(await kontor.gql(LOG, { input: { kind: 'NOTE', body: 'Old news', dealId: idle.id, occurredAt: new Date(Date.now() - 20 * 86_400_000).toISOString() } }, owner.token));
    expect(await view(idle.id)).toEqual([true, 9]);
    await d.move(owner.token, { id: idle.id, stageId: needs.id });
    expect(await view(idle.id)).toEqual([false, 0]);
  });

  it('the board lists open deals per stage in order, with counts and totals per currency', async () => {
    const { owner, customerId, sales } = await company();
    const [a, b, c] = sales.stages;
    if (!a || !b || !c) throw new Error('stages expected');
    const add = async (title: string, stageId: string, amount?: MoneyView) => (await d.create(owner.token, { title, customerId, stageId, ...(amount ? { amount } : {}) })).id;
    const a1 = await add('a1', a.id, { amount: '100.10', currency: 'EUR' });
    const a2 = await add('a2', a.id, { amount: '0.90', currency: 'EUR' });
    const a3 = await add('a3', a.id, { amount: '500', currency: 'RON' });
    const a4 = await add('a4', a.id);
    const b1 = await add('b1', b.id, { amount: '1000', currency: 'USD' });
    const bWon = await add('bWon', b.id, { amount: '7', currency: 'USD' });
    const bLost = await add('bLost', b.id, { amount: '9', currency: 'EUR' });
    await d.close(owner.token, { id: bWon, won: true });
    await d.close(owner.token, { id: bLost, won: false, reason: 'Gone' });

    const board = await d.board(owner.token, sales.id);
    expect(board.map((col) => col.stage.name)).toEqual(['Qualification', 'Needs analysis', 'Proposal', 'Negotiation']);
    expect(board[0]).toMatchObject({
      count: 4,
      totalAmount: [
        { amount: '101', currency: 'EUR' },
        { amount: '500', currency: 'RON' },
      ],
    });
    expect(column(board, a.id)).toEqual([a1, a2, a3, a4]);
    // Won and lost deals are not on the board, nor in its figures.
    expect(board[1]).toMatchObject({ count: 1, totalAmount: [{ amount: '1000', currency: 'USD' }] });
    expect(column(board, b.id)).toEqual([b1]);
    expect(board[2]).toEqual({ stage: { id: c.id, name: 'Proposal' }, count: 0, totalAmount: [], deals: [] });
    // The first N per stage; counts and totals still cover every deal.
    const short = await d.board(owner.token, sales.id, 2);
    expect(short[0]).toMatchObject({ count: 4, deals: [{ id: a1 }, { id: a2 }] });
    expect(short[0]?.totalAmount).toEqual(board[0]?.totalAmount);
    // Bad page sizes and unknown pipelines.
    for (const first of [0, 101]) {
      expect(problem(await kontor.gql(BOARD, { pipelineId: sales.id, firstPerStage: first }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['firstPerStage'], reason: 'OUT_OF_RANGE' });
    }
    const stranger = await company();
    expect(problem(await kontor.gql(BOARD, { pipelineId: stranger.sales.id }, owner.token))?.code).toBe('NOT_FOUND');
    expect(problem(await kontor.gql(BOARD, { pipelineId: a.id }, owner.token))?.code).toBe('NOT_FOUND');
    // An empty pipeline has an empty board.
    const empty = await d.createPipeline(owner.token, { name: 'Empty' });
    expect(await d.board(owner.token, empty.id)).toEqual([]);
  });

  describe('the deals list: filters, orders and keyset pages', () => {
    let owner: SignedUp;
    let manager: Member;
    let sales: PipelineView;
    let acme: string;
    let beta: string;
    const made: Record<string, DealView> = {};

    beforeAll(async () => {
      const setup = await company();
      owner = setup.owner;
      sales = setup.sales;
      acme = setup.customerId;
      manager = await join(kontor, owner, 'MANAGER', mailText);
      beta = await d.customer(owner.token, { name: 'Beta' });
      const [q, n, p] = sales.stages;
      const specs: [string, Record<string, unknown>][] = [
        ['alpha', { title: 'Alpha licences', customerId: acme, stageId: q?.id, amount: { amount: '100', currency: 'EUR' }, expectedCloseDate: '2030-01-10' }],
        ['bravo', { title: 'Bravo support', customerId: acme, stageId: n?.id, amount: { amount: '2500.50', currency: 'EUR' }, expectedCloseDate: '2030-03-01', ownerId: manager.userId }],
        ['charlie', { title: 'charlie hardware', customerId: beta, stageId: p?.id, amount: { amount: '700', currency: 'RON' }, expectedCloseDate: '2030-01-10' }],
        ['delta', { title: 'Delta consulting', customerId: beta, stageId: q?.id, expectedCloseDate: '2029-12-31' }],
        ['echo', { title: 'Echo training', customerId: acme, stageId: n?.id, amount: { amount: '100', currency: 'EUR' }, ownerId: manager.userId }],
        ['foxtrot', { title: 'Foxtrot (lost)', customerId: beta, stageId: q?.id, amount: { amount: '50', currency: 'EUR' } }],
      ];
      for (const [name, input] of specs) made[name] = await d.create(owner.token, input);
      await d.close(owner.token, { id: deal('foxtrot').id, won: false, reason: 'Too late' });
    });

    function deal(name: string): DealView {
      const found = made[name];
      if (!found) throw new Error(`no deal ${name}`);
      return found;
    }
    const named = (...names: string[]): string[] => names.map((n) => deal(n).id);
    const listed = async (variables: Record<string, unknown>): Promise<string[]> => ids(nodes(await d.list(owner.token, variables)));

    it('filters by pipeline, stages, statuses, owner, customer, close dates, amounts and title', async () => {
      const [q, n] = sales.stages;
      const other = await d.createPipeline(owner.token, { name: `Other ${Date.now()}` });
      const sorted = (list: string[]) => [...list].sort();
      expect(sorted(await listed({ filter: { pipelineId: sales.id } }))).toEqual(sorted(named('alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot')));
      expect(await listed({ filter: { pipelineId: other.id } })).toEqual([]);
      expect(sorted(await listed({ filter: { stageIds: [q?.id, n?.id] } }))).toEqual(sorted(named('alpha', 'bravo', 'delta', 'echo', 'foxtrot')));
      expect(await listed({ filter: { stageIds: [] } })).toEqual([]);
      expect(await listed({ filter: { statuses: ['LOST'] } })).toEqual(named('foxtrot'));
      expect(sorted(await listed({ filter: { ownerId: manager.userId } }))).toEqual(sorted(named('bravo', 'echo')));
      expect(sorted(await listed({ filter: { customerId: beta } }))).toEqual(sorted(named('charlie', 'delta', 'foxtrot')));
      expect(sorted(await listed({ filter: { expectedCloseFrom: '2030-01-10', expectedCloseTo: '2030-03-01' } }))).toEqual(sorted(named('alpha', 'bravo', 'charlie')));
      expect(await listed({ filter: { expectedCloseTo: '2029-12-31' } })).toEqual(named('delta'));
      expect(sorted(await listed({ filter: { amountMin: '100', amountMax: '700', currency: 'EUR' } }))).toEqual(sorted(named('alpha', 'echo')));
      expect(sorted(await listed({ filter: { amountMin: '700' } }))).toEqual(sorted(named('bravo', 'charlie')));
      expect(await listed({ filter: { search: 'HARDWARE' } })).toEqual(named('charlie'));
      expect(await listed({ filter: { search: '(lost)' } })).toEqual(named('foxtrot'));
      expect(await listed({ filter: { search: '%' } })).toEqual([]);
      expect((await d.list(owner.token, { filter: { customerId: acme, statuses: ['OPEN'] } })).totalCount).toBe(3);
      expect(problem(await kontor.gql(LIST_DEALS, { filter: { expectedCloseFrom: '2030-02-01', expectedCloseTo: '2030-01-01' } }, owner.token))).toMatchObject({ path: ['filter', 'expectedCloseTo'], reason: 'INVALID_DATE_RANGE' });
      expect(problem(await kontor.gql(LIST_DEALS, { filter: { amountMin: '10', amountMax: '1' } }, owner.token))).toMatchObject({ path: ['filter', 'amountMax'], reason: 'INVALID' });
      expect(problem(await kontor.gql(LIST_DEALS, { filter: { stageIds: ['garbage'] } }, owner.token))).toMatchObject({ path: ['filter', 'stageIds', '0'], reason: 'INVALID' });
    });

    it('orders by each field both ways, without a close date or amount last, and walks pages without skipping or repeating', async () => {
      const all = Object.values(made);
      const key = (view: DealView, field: string): string | number | null => {
        if (field === 'TITLE') return view.title.toLowerCase();
        if (field === 'AMOUNT') return view.amount ? Number(view.amount.amount) : null;
        if (field === 'EXPECTED_CLOSE_DATE') return view.expectedCloseDate;
        return view.createdAt;
      };
      const expected = (field: string, direction: 'ASC' | 'DESC'): string[] => {
        const sign = direction === 'ASC' ? 1 : -1;
        const present = all.filter((v) => key(v, field) !== null);
        const absent = all.filter((v) => key(v, field) === null);
        const cmp = (x: DealView, y: DealView): number => {
          const kx = key(x, field);
          const ky = key(y, field);
          const primary = typeof kx === 'number' && typeof ky === 'number' ? kx - ky : String(kx).localeCompare(String(ky));
          return sign * (primary || uuid(x.id, 'Deal').localeCompare(uuid(y.id, 'Deal')));
        };
        const tie = (x: DealView, y: DealView): number => sign * uuid(x.id, 'Deal').localeCompare(uuid(y.id, 'Deal'));
        return [...present.sort(cmp), ...absent.sort(tie)].map((v) => v.id);
      };
      for (const field of ['TITLE', 'AMOUNT', 'EXPECTED_CLOSE_DATE', 'CREATED_AT']) {
        for (const direction of ['ASC', 'DESC'] as const) {
          const orderBy = { field, direction };
          const seen: string[] = [];
          let after: string | null = null;
          for (let guard = 0; guard < 10; guard++) {
            const page: Page<DealView> = await d.list(owner.token, { first: 2, after, orderBy });
            seen.push(...ids(nodes(page)));
            if (!page.pageInfo.hasNextPage) break;
            after = page.pageInfo.endCursor;
          }
          expect(seen, `${field} ${direction}`).toEqual(expected(field, direction));
        }
      }
      // UPDATED_AT follows edits; a cursor of one order is refused by another.
      await d.update(owner.token, { id: deal('delta').id, title: 'Delta consulting' });
      expect((await listed({ orderBy: { field: 'UPDATED_AT', direction: 'DESC' }, first: 1 }))).toEqual(named('delta'));
      const page = await d.list(owner.token, { first: 1, orderBy: { field: 'AMOUNT', direction: 'ASC' } });
      expect(problem(await kontor.gql(LIST_DEALS, { after: page.pageInfo.endCursor, orderBy: { field: 'TITLE', direction: 'ASC' } }, owner.token))).toMatchObject({ code: 'BAD_USER_INPUT', path: ['after'] });
    });

    it('Customer.deals lists a customer’s deals, filtered by status', async () => {
      const data = ok(await kontor.gql<{ customer: { deals: Page<{ id: string; title: string; status: string }> } }>(CUSTOMER_DEALS, { id: beta }, owner.token));
      expect(data.customer.deals.totalCount).toBe(3);
      expect(ids(nodes(data.customer.deals)).sort()).toEqual(named('charlie', 'delta', 'foxtrot').sort());
      const open = ok(await kontor.gql<{ customer: { deals: Page<{ id: string }> } }>(CUSTOMER_DEALS, { id: beta, statuses: ['OPEN'] }, owner.token));
      expect(ids(nodes(open.customer.deals)).sort()).toEqual(named('charlie', 'delta').sort());
      // Many customers at once: each gets its own page.
      const many = ok(
        await kontor.gql<{ customers: { edges: { node: { id: string; deals: { totalCount: number; edges: { node: { id: string } }[] } } }[] } }>(
          `{ customers(first: 10) { edges { node { id deals(first: 1) { totalCount edges { node { id } } } } } } }`,
          {},
          owner.token,
        ),
      );
      const counts = Object.fromEntries(many.customers.edges.map((e) => [e.node.id, [e.node.deals.totalCount, e.node.deals.edges.length]]));
      expect(counts).toEqual({ [acme]: [3, 1], [beta]: [3, 1] });
    });
  });

  it('deal timeline: its interactions, its tasks and its stage changes, newest first; tasks off hides only the tasks', async () => {
    const { owner, customerId, contactId, sales } = await company();
    const other = await d.customer(owner.token, { name: 'Other' });
    const otherPerson = await d.contact(owner.token, { firstName: 'Olga', customerId: other });
    const deal = await d.create(owner.token, { title: 'Timeline deal', customerId });
    const call = ok(await kontor.gql<{ logInteraction: { id: string; customerId: string } }>(LOG, { input: { kind: 'CALL', direction: 'INBOUND', dealId: deal.id, contactId } }, owner.token)).logInteraction;
    expect(call.customerId).toBe(customerId);
    const task = ok(await kontor.gql<{ createTask: { id: string; subjectType: string; subjectId: string; subjectName: string } }>(CREATE_TASK, { input: { title: 'Send offer', subjectType: 'DEAL', subjectId: deal.id } }, owner.token)).createTask;
    expect(task).toMatchObject({ subjectType: 'DEAL', subjectId: deal.id, subjectName: 'Timeline deal' });
    await d.move(owner.token, { id: deal.id, stageId: sales.stages[2]?.id });
    ok(await kontor.gql(COMPLETE_TASK, { input: { id: task.id } }, owner.token));
    await d.close(owner.token, { id: deal.id, won: true });
    // Interactions about a deal are its customer's; a person of another customer, or another customer, is refused.
    expect(problem(await kontor.gql(LOG, { input: { kind: 'MEETING', dealId: deal.id, contactId: otherPerson } }, owner.token))).toMatchObject({ path: ['input', 'contactId'], reason: 'CONTACT_NOT_OF_CUSTOMER' });
    expect(problem(await kontor.gql(LOG, { input: { kind: 'MEETING', dealId: deal.id, customerId: other } }, owner.token))).toMatchObject({ path: ['input', 'customerId'], reason: 'CUSTOMER_NOT_OF_DEAL' });

    const timeline = await d.timeline(owner.token, deal.id);
    expect(nodes(timeline).map((e) => [e.kind, e.interaction?.id ?? e.task?.id ?? e.stageChange?.kind])).toEqual([
      ['STAGE_CHANGE', 'WON'],
      ['TASK_COMPLETED', task.id],
      ['STAGE_CHANGE', 'MOVED'],
      ['TASK_CREATED', task.id],
      ['INTERACTION', call.id],
      ['STAGE_CHANGE', 'CREATED'],
    ]);
    expect(timeline.totalCount).toBe(6);
    const times = nodes(timeline).map((e) => Date.parse(e.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    // Pages walk the same union.
    const firstPage = await d.timeline(owner.token, deal.id, 4);
    const rest = ok(await kontor.gql<{ timeline: Page<EntryView> }>(TIMELINE, { subject: { type: 'DEAL', id: deal.id }, first: 4, after: firstPage.pageInfo.endCursor }, owner.token)).timeline;
    expect([...nodes(firstPage), ...nodes(rest)]).toEqual(nodes(timeline));
    // The customer's timeline shows the deal's interaction (and not its stage changes).
    const customerTimeline = ok(await kontor.gql<{ timeline: Page<EntryView> }>(TIMELINE, { subject: { type: 'CUSTOMER', id: customerId } }, owner.token)).timeline;
    expect(nodes(customerTimeline).map((e) => e.kind)).toEqual(['INTERACTION']);
    // Interactions of a deal.
    const interactions = ok(await kontor.gql<{ interactions: { totalCount: number } }>(`query($id: ID!) { interactions(subject: { type: DEAL, id: $id }) { totalCount } }`, { id: deal.id }, owner.token));
    expect(interactions.interactions.totalCount).toBe(1);

    await d.setOption(owner.token, 'CRM.tasks', false);
    expect(nodes(await d.timeline(owner.token, deal.id)).map((e) => e.kind)).toEqual(['STAGE_CHANGE', 'STAGE_CHANGE', 'INTERACTION', 'STAGE_CHANGE']);
    await d.setOption(owner.token, 'CRM.tasks', true);

    // Deleting the deal: the call stays with the customer, the task stays about nobody.
    ok(await kontor.gql(DELETE_DEAL, { input: { id: deal.id } }, owner.token));
    expect(ok(await kontor.gql<{ task: { subjectType: string | null; subjectId: string | null } }>(GET_TASK, { id: task.id }, owner.token)).task).toMatchObject({ subjectType: null, subjectId: null });
    expect(nodes(ok(await kontor.gql<{ timeline: Page<EntryView> }>(TIMELINE, { subject: { type: 'CUSTOMER', id: customerId } }, owner.token)).timeline)[0]?.interaction).toMatchObject({ id: call.id, dealId: null, dealTitle: null, customerId });
    expect(errorCode(await kontor.gql(GET_DEAL, { id: deal.id }, owner.token))).toBe('NOT_FOUND');
    expect((await d.timeline(owner.token, deal.id)).totalCount).toBe(0);
  });

  it('deleting a deal closes up its column; deleting a customer takes its deals, and tasks about them stay about nobody', async () => {
    const { owner, customerId, sales } = await company();
    const stage = sales.stages[0];
    if (!stage) throw new Error('stage expected');
    const keep = await d.customer(owner.token, { name: 'Keep' });
    const first = await d.create(owner.token, { title: 'First', customerId: keep });
    const second = await d.create(owner.token, { title: 'Second', customerId });
    const third = await d.create(owner.token, { title: 'Third', customerId: keep });
    expect(ok(await kontor.gql<{ deleteDeal: string }>(DELETE_DEAL, { input: { id: first.id } }, owner.token)).deleteDeal).toBe(first.id);
    expect(column(await d.board(owner.token, sales.id), stage.id)).toEqual([second.id, third.id]);
    for (const [query, variables] of [
      [GET_DEAL, { id: first.id }],
      [UPDATE_DEAL, { input: { id: first.id, title: 'Ghost' } }],
      [MOVE_DEAL, { input: { id: first.id, stageId: stage.id } }],
      [DELETE_DEAL, { input: { id: first.id } }],
    ] as const) {
      expect(errorCode(await kontor.gql(query, variables, owner.token))).toBe('NOT_FOUND');
    }
    const task = ok(await kontor.gql<{ createTask: { id: string } }>(CREATE_TASK, { input: { title: 'About second', subjectType: 'DEAL', subjectId: second.id } }, owner.token)).createTask;
    ok(await kontor.gql(DELETE_CUSTOMER, { input: { id: customerId } }, owner.token));
    expect(errorCode(await kontor.gql(GET_DEAL, { id: second.id }, owner.token))).toBe('NOT_FOUND');
    expect(ok(await kontor.gql<{ task: { subjectType: string | null } }>(GET_TASK, { id: task.id }, owner.token)).task.subjectType).toBeNull();
    expect(column(await d.board(owner.token, sales.id), stage.id)).toEqual([third.id]);
    // An id of another type is not found, a malformed one is bad input.
    expect(errorCode(await kontor.gql(GET_DEAL, { id: keep }, owner.token))).toBe('NOT_FOUND');
    expect(errorCode(await kontor.gql(GET_DEAL, { id: 'garbage' }, owner.token))).toBe('BAD_USER_INPUT');
  });

  it('a viewer (and a read-only key) reads deals and the board but cannot change them (FORBIDDEN)', async () => {
    const { owner, customerId, sales } = await company();
    const viewer = await join(kontor, owner, 'VIEWER', mailText);
    const readKey = ok(await kontor.gql<{ createApiKey: { secret: string } }>(CREATE_API_KEY, { input: { name: 'ro', modules: ['CRM'], access: 'READ' } }, owner.token)).createApiKey.secret;
    const deal = await d.create(owner.token, { title: 'Watched', customerId });
    for (const token of [viewer.token, readKey]) {
      expect((await d.get(token, deal.id)).title).toBe('Watched');
      expect(column(await d.board(token, sales.id), sales.stages[0]?.id ?? '')).toEqual([deal.id]);
      for (const [query, variables] of [
        [CREATE_DEAL, { input: { title: 'No', customerId } }],
        [UPDATE_DEAL, { input: { id: deal.id, title: 'No' } }],
        [MOVE_DEAL, { input: { id: deal.id, stageId: sales.stages[1]?.id } }],
        [CLOSE_DEAL, { input: { id: deal.id, won: true } }],
        [DELETE_DEAL, { input: { id: deal.id } }],
        [CREATE_PIPELINE, { input: { name: 'No' } }],
        [CREATE_STAGE, { input: { pipelineId: sales.id, name: 'No', probability: 1 } }],
      ] as const) {
        const result = await kontor.gql(query, variables, token);
        expect(errorCode(result), query.slice(0, 40)).toBe('FORBIDDEN');
        expect(result.data ?? null).toBeNull();
      }
    }
    expect(await d.get(owner.token, deal.id)).toMatchObject({ title: 'Watched', position: 0, status: 'OPEN' });
  });

  it('with CRM.deals off every deal field answers MODULE_DISABLED and leaves the SDL; switched on, all is back', async () => {
    const { owner, customerId, sales } = await company();
    const deal = await d.create(owner.token, { title: 'Survives the switch', customerId, amount: { amount: '10', currency: 'EUR' } });
    const stage = sales.stages[0];
    if (!stage) throw new Error('stage expected');
    await d.setOption(owner.token, 'CRM.deals', false);
    const operations: [string, Record<string, unknown>][] = [
      [PIPELINES, {}],
      [CREATE_PIPELINE, { input: { name: 'No' } }],
      [UPDATE_PIPELINE, { input: { id: sales.id, name: 'No' } }],
      [DELETE_PIPELINE, { input: { id: sales.id } }],
      [CREATE_STAGE, { input: { pipelineId: sales.id, name: 'No', probability: 1 } }],
      [UPDATE_STAGE, { input: { id: stage.id, name: 'No' } }],
      [DELETE_STAGE, { input: { id: stage.id } }],
      [REORDER_STAGES, { input: { pipelineId: sales.id, stageIds: [] } }],
      [CREATE_ITEM, { input: { stageId: stage.id, title: 'No' } }],
      [GET_DEAL, { id: deal.id }],
      [LIST_DEALS, {}],
      [BOARD, { pipelineId: sales.id }],
      [CREATE_DEAL, { input: { title: 'No', customerId } }],
      [UPDATE_DEAL, { input: { id: deal.id, title: 'No' } }],
      [MOVE_DEAL, { input: { id: deal.id, stageId: stage.id } }],
      [CLOSE_DEAL, { input: { id: deal.id, won: true } }],
      [REOPEN_DEAL, { input: { id: deal.id } }],
      [DELETE_DEAL, { input: { id: deal.id } }],
      [CUSTOMER_DEALS, { id: customerId }],
      [TIMELINE, { subject: { type: 'DEAL', id: deal.id } }],
      [LOG, { input: { kind: 'NOTE', body: 'x', dealId: deal.id } }],
      [CREATE_TASK, { input: { title: 'x', subjectType: 'DEAL', subjectId: deal.id } }],
    ];
    for (const [query, variables] of operations) {
      expect(problem(await kontor.gql(query, variables, owner.token)), query.slice(0, 60)).toMatchObject({ code: 'MODULE_DISABLED', module: 'CRM', feature: 'CRM.deals' });
    }
    // The rest of the CRM stays.
    ok(await kontor.gql(`{ customers { totalCount } }`, {}, owner.token));
    const sdl = await (await fetch(`${kontor.url}/graphql/schema.graphql`, { headers: { authorization: `Bearer ${owner.token}` } })).text();
    expect(sdl).toMatch(/\bcustomers\(/);
    for (const gone of [/\bdeals\(/, /\bdealBoard\(/, /\bpipelines:/, /\bcreateDeal\(/, /\bmoveDeal\(/, /\bcreatePipelineStage\(/]) expect(sdl).not.toMatch(gone);
    await d.setOption(owner.token, 'CRM.deals', true);
    expect(await d.get(owner.token, deal.id)).toMatchObject({ title: 'Survives the switch', amount: { amount: '10', currency: 'EUR' }, position: 0 });
  });
});

// ---------------------------------------------------------------------------------------------

describe('deals: SQL per request does not grow with the data', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  let pipelineId: string;
  const statements: string[] = [];

  beforeAll(async () => {
    kontor = await startKontor({ workers: false, onQuery: (line) => statements.push(line) });
    const d = api(kontor);
    owner = await signUp(kontor);
    const [sales] = await d.pipelines(owner.token);
    if (!sales) throw new Error('no default pipeline');
    pipelineId = sales.id;
    for (const stage of sales.stages) await d.createItem(owner.token, { stageId: stage.id, title: `Do ${stage.name}` });
    for (let c = 0; c < 6; c++) {
      const customerId = await d.customer(owner.token, { name: `Customer ${c}` });
      const contactId = await d.contact(owner.token, { firstName: `Person ${c}`, customerId });
      for (const stage of sales.stages) {
        const deal = await d.create(owner.token, { title: `Deal ${c} ${stage.name}`, customerId, contactId, stageId: stage.id, amount: { amount: `${c + 1}00`, currency: c % 2 ? 'EUR' : 'RON' } });
        await d.move(owner.token, { id: deal.id, stageId: stage.id, position: 0 });
      }
    }
  });
  afterAll(() => kontor.close());

  async function countStatements(query: string, variables: Record<string, unknown> = {}): Promise<number> {
    return (await statementsOfRequest(statements, async () => ok(await kontor.gql(query, variables, owner.token)))).length;
  }

  const NESTED = `id title owner { id email } customer { name } contact { fullName } stage { name checklist { title } } pipeline { name stages { name } } checklist { title done doneBy { id } } stageHistory { kind changedBy { id } }`;

  it('the board: the same statements for 1 deal per stage as for 6, with every nested field', async () => {
    const board = (first: number) => `{ dealBoard(pipelineId: "${pipelineId}", firstPerStage: ${first}) { count totalAmount { amount currency } stage { name } deals { ${NESTED} } } }`;
    const small = await countStatements(board(1));
    const large = await countStatements(board(6));
    expect(large).toBe(small);
    // begin + session, tenant state, stages, deals, totals, customers, contacts, stage checklists, pipeline stages, deal checklists, histories, commit
    expect(small).toBeLessThanOrEqual(13);
    const data = ok(await kontor.gql<{ dealBoard: ColumnView[] }>(board(6), {}, owner.token));
    expect(data.dealBoard.map((c) => [c.count, c.deals.length])).toEqual([
      [6, 6],
      [6, 6],
      [6, 6],
      [6, 6],
    ]);
  });

  it('the list: the same statements for a page of 2 as for a page of 24, count included', async () => {
    const list = (first: number) => `{ deals(first: ${first}, orderBy: { field: AMOUNT, direction: DESC }) { totalCount edges { node { ${NESTED} } } } }`;
    const small = await countStatements(list(2));
    const large = await countStatements(list(24));
    expect(large).toBe(small);
    expect(small).toBeLessThanOrEqual(13);
    // A customer list with each customer's deals: one lateral query for every customer's page.
    const nested = (first: number) => `{ customers(first: ${first}) { edges { node { name deals(first: 3) { totalCount edges { node { title customer { name } } } } } } } }`;
    expect(await countStatements(nested(6))).toBe(await countStatements(nested(2)));
  });
});
