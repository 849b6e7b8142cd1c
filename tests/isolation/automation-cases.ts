/**
 * Tenant isolation rows of marketing automations (their steps, runs and statistics), in the shape
 * of isolation-cases.ts: every id an automation refers to (templates, segments, stages, pipelines)
 * must be the caller's own.
 */
import { ok, type Kontor } from '../support/harness.js';
import { arr, at, num, ref, str, tracesOf, type IsolationCase, type Operation, type Probe, type Seed, type World } from './isolation-cases.js';

const FIELDS = `id name status activatedAt trigger { kind segmentId includeExisting stageId pipelineId customFieldKey dateMode hour }
  steps { id position kind days hours templateId segmentId contactFilter }`;
const CREATE = `mutation($input: CreateAutomationInput!) { createAutomation(input: $input) { id steps { id } } }`;

async function created(kontor: Kontor, token: string, mutation: string, input: Record<string, unknown>): Promise<unknown> {
  const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
  return at(ok(await kontor.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, token)), mutation);
}

/** createAutomation with one reference aimed at `target` (A's record when B attacks, B's own in the control run). */
function creating(name: string, input: (target: Seed) => Record<string, unknown>): Probe {
  return {
    name,
    needs: 'MARKETING:write',
    query: CREATE,
    variables: (target) => ({ input: { name: 'Spy automation', ...input(target) } }),
    expect: { kind: 'NOT_FOUND' },
  };
}

const sendEmail = (target: Seed) => ({ kind: 'SEND_EMAIL', templateId: ref(target, 'emailTemplateId') });

const byId = (query: string, needs: Operation['needs'] = 'MARKETING:write'): Operation => ({ needs, query, variables: (target) => ({ input: { id: target.id } }) });

export const automationCase: IsolationCase = {
  entity: 'Automation',
  modules: ['CRM', 'MARKETING'],
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const emailTemplateId = str(await created(kontor, token, 'createCampaignTemplate', { name: `Mail ${marker}`, channel: 'EMAIL', subject: `Hello ${marker}`, html: `<p>${marker}</p>` }), 'id');
    const smsTemplateId = str(await created(kontor, token, 'createCampaignTemplate', { name: `Text ${marker}`, channel: 'SMS', text: `Hi ${marker}` }), 'id');
    const segmentId = str(await created(kontor, token, 'createSegment', { name: `Segment ${marker}`, entity: 'CONTACT', contactFilter: { tags: [marker] } }), 'id');
    const pipelines = ok(await kontor.gql(`{ pipelines { id stages { id } } }`, {}, token));
    const pipelineId = str(pipelines, 'pipelines', 0, 'id');
    const stageId = str(pipelines, 'pipelines', 0, 'stages', 1, 'id');
    const automation = at(
      ok(
        await kontor.gql(
          CREATE,
          {
            input: {
              name: `Flow ${marker}`,
              trigger: { kind: 'SEGMENT_ENTERED', segmentId },
              steps: [{ kind: 'SEND_EMAIL', templateId: emailTemplateId }, { kind: 'WAIT', days: 1 }, { kind: 'CONDITION', segmentId }, { kind: 'SEND_SMS', templateId: smsTemplateId }],
            },
          },
          token,
        ),
      ),
      'createAutomation',
    );
    const id = str(automation, 'id');
    const stepIds = arr(automation, 'steps').map((step) => str(step, 'id'));
    return {
      id,
      marker,
      listed: [id],
      refs: { emailTemplateId, smsTemplateId, segmentId, pipelineId, stageId },
      traces: tracesOf([marker], [id, emailTemplateId, smsTemplateId, segmentId, ...stepIds]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    return ok(await kontor.gql(`query($id: ID!) { automation(id: $id) { ${FIELDS} runs { totalCount } stats { runs active done stopped messages { sent } steps { position passed } } } }`, { id: seed.id }, tenant.owner.token));
  },
  fetch: {
    needs: 'MARKETING:read',
    query: `query($id: ID!) { automation(id: $id) { ${FIELDS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'MARKETING:read',
    query: `{ automations(first: 50) { totalCount edges { node { id name status trigger { kind segmentId stageId pipelineId } } } } }`,
    variables: () => ({}),
    searchable: false,
    read: (data) => ({ ids: arr(data, 'automations', 'edges').map((edge) => str(edge, 'node', 'id')), totalCount: num(data, 'automations', 'totalCount') }),
  },
  update: {
    needs: 'MARKETING:write',
    query: `mutation($input: UpdateAutomationInput!) { updateAutomation(input: $input) { ${FIELDS} } }`,
    variables: (target) => ({ input: { id: target.id, name: 'Hijacked' } }),
  },
  remove: byId(`mutation($input: AutomationIdInput!) { deleteAutomation(input: $input) }`),
  probes: [
    {
      name: "reads A's automation's runs and statistics (automation(id:) { runs stats })",
      needs: 'MARKETING:read',
      query: `query($id: ID!) { automation(id: $id) { runs { totalCount edges { node { id contact { id } } } } stats { runs messages { sent } } } }`,
      variables: (target) => ({ id: target.id }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "gives its own automation A's template (updateAutomation steps)",
      needs: 'MARKETING:write',
      query: `mutation($input: UpdateAutomationInput!) { updateAutomation(input: $input) { id } }`,
      variables: (target, w: World) => ({ input: { id: w.seedB.id, steps: [sendEmail(target)] } }),
      expect: { kind: 'NOT_FOUND' },
    },
    creating("sends A's email template (createAutomation SEND_EMAIL templateId)", (target) => ({ trigger: { kind: 'CONTACT_CREATED' }, steps: [sendEmail(target)] })),
    creating("sends A's SMS template (createAutomation SEND_SMS templateId)", (target) => ({ trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'SEND_SMS', templateId: ref(target, 'smsTemplateId') }] })),
    creating("watches A's segment (createAutomation trigger.segmentId)", (target) => ({ trigger: { kind: 'SEGMENT_ENTERED', segmentId: ref(target, 'segmentId') }, steps: [{ kind: 'WAIT', hours: 1 }] })),
    creating("tests people against A's segment (createAutomation CONDITION segmentId)", (target) => ({ trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'CONDITION', segmentId: ref(target, 'segmentId') }] })),
    creating("watches A's deal stage (createAutomation trigger.stageId)", (target) => ({ trigger: { kind: 'DEAL_STAGE_REACHED', stageId: ref(target, 'stageId') }, steps: [{ kind: 'WAIT', hours: 1 }] })),
    creating("watches A's pipeline (createAutomation DEAL_WON pipelineId)", (target) => ({ trigger: { kind: 'DEAL_WON', pipelineId: ref(target, 'pipelineId') }, steps: [{ kind: 'WAIT', hours: 1 }] })),
    // In this order for the controls: B's own is switched on, then paused (so it can be deleted last).
    { name: "switches A's automation on (activateAutomation)", ...byId(`mutation($input: AutomationIdInput!) { activateAutomation(input: $input) { id status } }`), expect: { kind: 'NOT_FOUND' } },
    { name: "pauses A's automation (pauseAutomation)", ...byId(`mutation($input: AutomationIdInput!) { pauseAutomation(input: $input) { id status } }`), expect: { kind: 'NOT_FOUND' } },
  ],
};
