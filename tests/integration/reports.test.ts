import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fromGlobalId } from '../../api/src/graphql/global-id.js';
import { errorCode, ok, signUp, startKontor, type GqlResult, type Kontor, type SignedUp } from '../support/harness.js';
import { join, recordingMailbox, type Member } from '../support/members.js';

interface Money {
  amount: string;
  currency: string;
}

const PERIOD = { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' };
const MONEY = 'amount currency';

function problem(result: GqlResult<unknown>): Record<string, unknown> {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, path: extensions.path, reason: extensions.reason };
}

/**
 * A small, known sales history, placed in time as the owner (deals cannot be back-dated through the
 * API, and reports are about periods): every expected figure below is counted by hand from it.
 */
describe('CRM sales reports', () => {
  let kontor: Kontor;
  let owner: SignedUp;
  let rep: Member;
  let db: pg.Client;
  let pipeline: string;
  const stages: Record<string, string> = {};
  const { workers, mailText } = recordingMailbox();

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}, token = owner.token): Promise<T> => ok(await kontor.gql<T>(query, variables, token));
  /** Sets a deal's times (and those of its history) as if it had happened at `at`. */
  const backdate = async (dealId: string, createdAt: string, closedAt: string | null = null) => {
    const id = fromGlobalId('Deal', dealId, ['id']);
    await db.query('update crm_deals set created_at = $2, closed_at = coalesce($3, closed_at) where id = $1', [id, createdAt, closedAt]);
    await db.query(`update crm_deal_stage_changes set changed_at = case when kind = 'CREATED' then $2::timestamptz else coalesce($3::timestamptz, changed_at) end where deal_id = $1`, [id, createdAt, closedAt]);
  };

  beforeAll(async () => {
    kontor = await startKontor({ workers });
    owner = await signUp(kontor);
    rep = await join(kontor, owner, 'AGENT', mailText);
    db = new pg.Client({ connectionString: inject('ownerUrl') });
    await db.connect();
    const created = await gql<{ createPipeline: { id: string; stages: { id: string; name: string }[] } }>(
      `mutation { createPipeline(input: { name: "Reports", stages: [{ name: "Lead", probability: 10 }, { name: "Offer", probability: 50 }, { name: "Contract", probability: 90 }] }) { id stages { id name } } }`,
    );
    pipeline = created.createPipeline.id;
    for (const stage of created.createPipeline.stages) stages[stage.name] = stage.id;
    await gql(`mutation($input: CreateStageChecklistItemInput!) { createStageChecklistItem(input: $input) { id } }`, { input: { stageId: stages.Offer, title: 'Send the offer' } });
    const acme = (await gql<{ createCustomer: { id: string } }>(`mutation { createCustomer(input: { name: "Report Acme" }) { id } }`)).createCustomer.id;
    const deal = async (title: string, input: Record<string, unknown>, token = owner.token) =>
      (await gql<{ createDeal: { id: string } }>(`mutation($input: CreateDealInput!) { createDeal(input: $input) { id } }`, { input: { title, customerId: acme, pipelineId: pipeline, ...input } }, token)).createDeal.id;
    const move = (id: string, stage: string, token = owner.token) => gql(`mutation($input: MoveDealInput!) { moveDeal(input: $input) { id } }`, { input: { id, stageId: stages[stage] } }, token);
    const close = (id: string, won: boolean, reason: string | null = null, token = owner.token) => gql(`mutation($input: CloseDealInput!) { closeDeal(input: $input) { id } }`, { input: { id, won, reason } }, token);

    // Owner: won from Contract (EUR 1000, paid search), lost at Offer (price), still open at Offer.
    const d1 = await deal('Won big', { amount: { amount: '1000.00', currency: 'EUR' }, source: { channel: 'PAID_SEARCH', utmCampaign: 'spring' } });
    await move(d1, 'Offer');
    await move(d1, 'Contract');
    await close(d1, true);
    await backdate(d1, '2026-02-01T10:00:00Z', '2026-03-01T10:00:00Z');
    const d2 = await deal('Lost on price', { amount: { amount: '500.00', currency: 'EUR' }, source: { channel: 'PAID_SEARCH', utmCampaign: 'spring' } });
    await move(d2, 'Offer');
    await close(d2, false, 'Too  expensive');
    await backdate(d2, '2026-02-02T10:00:00Z', '2026-03-02T10:00:00Z');
    const d3 = await deal('Still talking', { amount: { amount: '200.00', currency: 'RON' }, source: { channel: 'EVENT' } });
    await move(d3, 'Offer');
    await backdate(d3, '2026-04-01T10:00:00Z');
    // The rep: lost at Lead (price, spelled differently), won straight from Lead (USD 300), and one created before the period.
    const d4 = await deal('Lead lost', { ownerId: rep.userId, amount: { amount: '50.00', currency: 'EUR' } }, rep.token);
    await close(d4, false, 'too expensive', rep.token);
    await backdate(d4, '2026-05-01T10:00:00Z', '2026-05-02T10:00:00Z');
    const d5 = await deal('Quick win', { ownerId: rep.userId, amount: { amount: '300.00', currency: 'USD' } }, rep.token);
    await close(d5, true, null, rep.token);
    await backdate(d5, '2026-06-01T10:00:00Z', '2026-06-02T10:00:00Z');
    const d6 = await deal('Last year', { ownerId: rep.userId, amount: { amount: '999.00', currency: 'EUR' } }, rep.token);
    await backdate(d6, '2025-06-01T10:00:00Z');
    // Activity of the rep in the period (now is inside 2026).
    await gql(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'CALL', direction: 'OUTBOUND', customerId: acme } }, rep.token);
    await gql(`mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }`, { input: { kind: 'MEETING', customerId: acme } }, rep.token);
    await gql(`mutation($input: CreateTaskInput!) { createTask(input: $input) { id } }`, { input: { title: 'Overdue', dueAt: '2026-01-05T09:00:00.000Z', assigneeId: rep.userId } });
  });
  afterAll(async () => {
    await db?.end();
    await kontor.close();
  });

  it('the funnel: reached per stage (won deals passed every stage), conversion, losses, open, totals', async () => {
    const funnel = (
      await gql<{ salesFunnel: { stages: { stage: { name: string }; reached: number; reachedAmount: Money[]; open: number; lost: number; conversion: string | null }[]; created: number; won: number; lost: number; wonAmount: Money[]; winRate: string | null } }>(
        `query($filter: ReportFilter!) { salesFunnel(filter: $filter) { stages { stage { name } reached reachedAmount { ${MONEY} } open lost conversion } created won lost wonAmount { ${MONEY} } winRate } }`,
        { filter: { ...PERIOD, pipelineId: pipeline } },
      )
    ).salesFunnel;
    expect(funnel.stages.map((s) => [s.stage.name, s.reached, s.open, s.lost, s.conversion])).toEqual([
      ['Lead', 5, 0, 1, null],
      ['Offer', 4, 1, 1, '0.8'],
      ['Contract', 2, 0, 0, '0.5'],
    ]);
    expect(funnel.stages[2]?.reachedAmount).toEqual([{ amount: '1000', currency: 'EUR' }, { amount: '300', currency: 'USD' }]);
    expect(funnel).toMatchObject({ created: 5, won: 2, lost: 2, winRate: '0.5', wonAmount: [{ amount: '1000', currency: 'EUR' }, { amount: '300', currency: 'USD' }] });
    // Narrowed to a channel: attribution reaches every report.
    const paid = (await gql<{ salesFunnel: { created: number; won: number } }>(`query($filter: ReportFilter!) { salesFunnel(filter: $filter) { created won } }`, { filter: { ...PERIOD, pipelineId: pipeline, sourceChannels: ['PAID_SEARCH'] } })).salesFunnel;
    expect(paid).toEqual({ created: 2, won: 1 });
  });

  it('won and lost by the stage they closed in, and lost reasons counted once whatever the spelling', async () => {
    const report = (
      await gql<{ wonLostReport: { stages: { stageName: string; won: number; lost: number; wonAmount: Money[]; lostAmount: Money[]; checklistDoneWhenWon: string | null; checklistDoneWhenLost: string | null }[]; lostReasons: { reason: string; count: number; amount: Money[] }[] } }>(
        `query($filter: ReportFilter!) { wonLostReport(filter: $filter) { stages { stageName won lost wonAmount { ${MONEY} } lostAmount { ${MONEY} } checklistDoneWhenWon checklistDoneWhenLost } lostReasons { reason count amount { ${MONEY} } } } }`,
        { filter: { ...PERIOD, pipelineId: pipeline } },
      )
    ).wonLostReport;
    expect(report.stages.map((s) => [s.stageName, s.won, s.lost])).toEqual([
      ['Lead', 1, 1],
      ['Offer', 0, 1],
      ['Contract', 1, 0],
    ]);
    expect(report.stages[0]).toMatchObject({ wonAmount: [{ amount: '300', currency: 'USD' }], lostAmount: [{ amount: '50', currency: 'EUR' }] });
    // The offer was never marked sent on the deal lost at Offer; the other stages have no checklist.
    expect(report.stages.map((s) => [s.checklistDoneWhenWon, s.checklistDoneWhenLost])).toEqual([
      [null, null],
      [null, '0'],
      [null, null],
    ]);
    expect(report.lostReasons).toEqual([{ reason: expect.stringMatching(/^too +expensive$/i), count: 2, amount: [{ amount: '550', currency: 'EUR' }] }]);
  });

  it('manager performance: deals, amounts, conversion, pipeline, activity and overdue tasks per member', async () => {
    const rows = (
      await gql<{ managerPerformance: { manager: { id: string } | null; dealsCreated: number; won: number; lost: number; wonAmount: Money[]; conversion: string | null; openDeals: number; weightedPipeline: Money[]; activities: { calls: number; meetings: number }; overdueTasks: number }[] }>(
        `query($filter: ReportFilter!) { managerPerformance(filter: $filter) { manager { id } dealsCreated won lost wonAmount { ${MONEY} } conversion openDeals weightedPipeline { ${MONEY} } activities { calls meetings } overdueTasks } }`,
        { filter: PERIOD },
      )
    ).managerPerformance;
    const of = (id: string) => rows.find((r) => r.manager?.id === id);
    expect(of(owner.userId)).toMatchObject({ dealsCreated: 3, won: 1, lost: 1, conversion: '0.5', openDeals: 1, weightedPipeline: [{ amount: '100', currency: 'RON' }], wonAmount: [{ amount: '1000', currency: 'EUR' }] });
    // The deal from last year is open in the rep's pipeline but was not created in the period.
    expect(of(rep.userId)).toMatchObject({ dealsCreated: 2, won: 1, lost: 1, openDeals: 1, weightedPipeline: [{ amount: '99.9', currency: 'EUR' }], activities: { calls: 1, meetings: 1 }, overdueTasks: 1 });
    expect(rows.some((r) => r.manager === null)).toBe(false);
    const onlyRep = (await gql<{ managerPerformance: { manager: { id: string } | null }[] }>(`query($filter: ReportFilter!) { managerPerformance(filter: $filter) { manager { id } } }`, { filter: { ...PERIOD, ownerIds: [rep.userId] } })).managerPerformance;
    expect(onlyRep.map((r) => r.manager?.id)).toEqual([rep.userId]);
  });

  it('deals by source and campaign', async () => {
    const rows = (
      await gql<{ dealsBySource: { channel: string | null; utmCampaign: string | null; created: number; won: number; winRate: string | null }[] }>(
        `query($filter: ReportFilter!) { dealsBySource(filter: $filter) { channel utmCampaign created won winRate } }`,
        { filter: PERIOD },
      )
    ).dealsBySource;
    expect(rows).toEqual(
      expect.arrayContaining([
        { channel: 'PAID_SEARCH', utmCampaign: 'spring', created: 2, won: 1, winRate: '0.5' },
        { channel: 'EVENT', utmCampaign: null, created: 1, won: 0, winRate: null },
        { channel: null, utmCampaign: null, created: 2, won: 1, winRate: '0.5' },
      ]),
    );
    expect(rows).toHaveLength(3);
  });

  it('refuses a period that is backwards or too long, and a funnel without a pipeline; another tenant sees nothing', async () => {
    expect(problem(await kontor.gql(`query($filter: ReportFilter!) { dealsBySource(filter: $filter) { created } }`, { filter: { from: PERIOD.to, to: PERIOD.from } }, owner.token))).toMatchObject({ path: ['filter', 'to'], reason: 'INVALID_DATE_RANGE' });
    expect(problem(await kontor.gql(`query($filter: ReportFilter!) { dealsBySource(filter: $filter) { created } }`, { filter: { from: '2020-01-01T00:00:00Z', to: PERIOD.to } }, owner.token))).toMatchObject({ reason: 'INVALID_DATE_RANGE' });
    expect(problem(await kontor.gql(`query($filter: ReportFilter!) { salesFunnel(filter: $filter) { created } }`, { filter: PERIOD }, owner.token))).toMatchObject({ path: ['filter', 'pipelineId'], reason: 'REQUIRED' });
    const stranger = await signUp(kontor);
    expect(errorCode(await kontor.gql(`query($filter: ReportFilter!) { salesFunnel(filter: $filter) { created } }`, { filter: { ...PERIOD, pipelineId: pipeline } }, stranger.token))).toBe('NOT_FOUND');
    const theirs = (await gql<{ dealsBySource: unknown[]; managerPerformance: { dealsCreated: number }[] }>(`query($filter: ReportFilter!) { dealsBySource(filter: $filter) { created } managerPerformance(filter: $filter) { dealsCreated } }`, { filter: PERIOD }, stranger.token));
    expect(theirs.dealsBySource).toEqual([]);
    expect(theirs.managerPerformance.map((r) => r.dealsCreated)).toEqual([0]);
  });
});
