/**
 * Tenant isolation rows of marketing's templates and campaigns (see isolation-cases.ts for the
 * shapes): every template, segment, list and person a template or campaign operation names must be
 * the caller's own, and no figure (stats, audience counts) may count another company's records.
 * A's campaign is really sent, so it has delivery rows and a delivery event for B to aim at.
 */
import pg from 'pg';
import { inject } from 'vitest';
import { linkKey, signLink } from '../../api/src/marketing/links.js';
import { ok, type Kontor } from '../support/harness.js';
import { arr, num, ref, str, tracesOf, uuidOf, type IsolationCase, type ListView, type Probe, type Seed, type TenantFixture, type World } from './isolation-cases.js';

async function created(kontor: Kontor, token: string, mutation: string, input: Record<string, unknown>): Promise<string> {
  const type = `${mutation[0]?.toUpperCase()}${mutation.slice(1)}Input`;
  return str(ok(await kontor.gql(`mutation($input: ${type}!) { ${mutation}(input: $input) { id } }`, { input }, token)), mutation, 'id');
}

/** Runs statements as the database owner (the tests' stand-in for the dispatcher, which no worker runs here). */
async function asOwner<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: inject('ownerUrl') });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

const TEMPLATE_FIELDS = `id name channel subject preheader html text createdAt updatedAt`;
const PREVIEW = `query($input: PreviewCampaignTemplateInput!) { previewCampaignTemplate(input: $input) { subject html text sms { segments } } }`;
const SEND_TEST = `mutation($input: SendTestMessageInput!) { sendTestMessage(input: $input) }`;

function templates(data: unknown): ListView {
  return { ids: arr(data, 'campaignTemplates').map((template) => str(template, 'id')) };
}

/** B's own address and number: where a test message B sends goes (never one of A's). */
const testAddress = (w: World): string => ref(w.seedB, 'address');

export const campaignTemplateCase: IsolationCase = {
  entity: 'CampaignTemplate',
  modules: ['CRM', 'MARKETING'],
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const address = `${marker}@example.test`;
    const contactId = await created(kontor, token, 'createContact', { firstName: 'Reader', lastName: marker, email: address, emailConsent: 'GRANTED', consentSource: `form ${marker}` });
    // Merge fields, so a preview with a person shows that person's data.
    const id = await created(kontor, token, 'createCampaignTemplate', {
      name: `News ${marker}`,
      channel: 'EMAIL',
      subject: `Hello {{ contact.lastName }} (${marker})`,
      preheader: `Inside ${marker}`,
      html: `<p>Dear {{ contact.fullName }}, ${marker}</p>`,
    });
    const smsTemplateId = await created(kontor, token, 'createCampaignTemplate', { name: `Text ${marker}`, channel: 'SMS', text: `Hi {{ contact.firstName }}, ${marker}` });
    return { id, marker, listed: [id, smsTemplateId], refs: { contactId, smsTemplateId, address }, traces: tracesOf([marker], [id, smsTemplateId, contactId]) };
  },
  async snapshot({ kontor }, tenant, seed) {
    return ok(
      await kontor.gql(
        `query($id: ID!, $contact: ID!) {
          campaignTemplates { ${TEMPLATE_FIELDS} }
          campaignTemplate(id: $id) { ${TEMPLATE_FIELDS} }
          preview: previewCampaignTemplate(input: { templateId: $id, contactId: $contact }) { subject text }
        }`,
        { id: seed.id, contact: ref(seed, 'contactId') },
        tenant.owner.token,
      ),
    );
  },
  fetch: {
    needs: 'MARKETING:read',
    query: `query($id: ID!) { campaignTemplate(id: $id) { ${TEMPLATE_FIELDS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'MARKETING:read',
    query: `{ campaignTemplates { ${TEMPLATE_FIELDS} } }`,
    variables: () => ({}),
    searchable: false,
    read: templates,
  },
  update: {
    needs: 'MARKETING:write',
    query: `mutation($input: UpdateCampaignTemplateInput!) { updateCampaignTemplate(input: $input) { ${TEMPLATE_FIELDS} } }`,
    variables: (target) => ({ input: { id: target.id, name: `Hijacked ${target.marker}`, subject: 'Hijacked', html: '<p>Hijacked</p>' } }),
  },
  remove: {
    needs: 'MARKETING:write',
    query: `mutation($input: DeleteCampaignTemplateInput!) { deleteCampaignTemplate(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  probes: [
    {
      name: 'lists its SMS templates (campaignTemplates(channel: SMS)): only its own',
      needs: 'MARKETING:read',
      query: `{ campaignTemplates(channel: SMS) { id name text } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => templates(data).ids.length, theirs: () => 1, own: () => 1 },
    },
    {
      name: "previews A's template with sample data (previewCampaignTemplate templateId)",
      needs: 'MARKETING:read',
      query: PREVIEW,
      variables: (target) => ({ input: { templateId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "previews A's template for its own person (previewCampaignTemplate templateId)",
      needs: 'MARKETING:read',
      query: PREVIEW,
      variables: (target, w) => ({ input: { templateId: target.id, contactId: ref(w.seedB, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "previews its own template for A's person (previewCampaignTemplate contactId)",
      needs: 'MARKETING:read',
      query: PREVIEW,
      variables: (target, w) => ({ input: { templateId: w.seedB.id, contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "previews its own SMS template for A's person (previewCampaignTemplate contactId)",
      needs: 'MARKETING:read',
      query: PREVIEW,
      variables: (target, w) => ({ input: { templateId: ref(w.seedB, 'smsTemplateId'), contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "test-sends A's email template to its own address (sendTestMessage templateId)",
      needs: 'MARKETING:write',
      query: SEND_TEST,
      variables: (target, w) => ({ input: { templateId: target.id, to: testAddress(w) } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "test-sends A's SMS template to a number (sendTestMessage templateId)",
      needs: 'MARKETING:write',
      query: SEND_TEST,
      variables: (target) => ({ input: { templateId: ref(target, 'smsTemplateId'), to: '+40721000222' } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "test-sends its own template merged with A's person (sendTestMessage contactId)",
      needs: 'MARKETING:write',
      query: SEND_TEST,
      variables: (target, w) => ({ input: { templateId: w.seedB.id, to: testAddress(w), contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Campaigns

const CAMPAIGN_FIELDS = `id name channel status templateId audience { segmentIds listIds } sendAt timeZone throttlePerMinute
  abTest { variantTemplateId testSharePercent winnerAt winner } cost { amount currency } audienceSize startedAt finishedAt createdAt updatedAt`;
const STATS = `stats { recipients queued sending sent delivered bounced failed skipped opened clicked unsubscribed }
  statsOverTime { at sent delivered opened clicked bounced failed unsubscribed } template { id name subject }`;
const CREATE_CAMPAIGN = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;
const UPDATE_CAMPAIGN = `mutation($input: UpdateCampaignInput!) { updateCampaign(input: $input) { ${CAMPAIGN_FIELDS} } }`;
const AUDIENCE_COUNT = `query($segmentIds: [ID!]!, $listIds: [ID!]!) { campaignAudienceCount(channel: EMAIL, audience: { segmentIds: $segmentIds, listIds: $listIds }) }`;
/** Far ahead: an A/B test's winner time must come after any start. */
const WINNER_AT = '2099-06-01T08:00:00.000Z';

function campaigns(data: unknown, withCount = true): ListView {
  const ids = arr(data, 'campaigns', 'edges').map((edge) => str(edge, 'node', 'id'));
  return withCount ? { ids, totalCount: num(data, 'campaigns', 'totalCount') } : { ids };
}

/** A campaign of B's own, its template, audience and A/B test as given: one reference at a time is A's. */
function creating(name: string, input: (target: Seed, w: World) => Record<string, unknown>, refusal?: Probe['refusal']): Probe {
  return {
    name,
    needs: 'MARKETING:write',
    query: CREATE_CAMPAIGN,
    variables: (target, w) => ({
      input: {
        name: 'Spy campaign',
        channel: 'EMAIL',
        templateId: ref(w.seedB, 'templateId'),
        audience: { segmentIds: [ref(w.seedB, 'segmentId')], listIds: [] },
        ...input(target, w),
      },
    }),
    expect: { kind: 'NOT_FOUND' },
    ...(refusal ? { refusal } : {}),
  };
}

/** B's own draft changed so that one reference is the target's. */
function updating(name: string, input: (target: Seed) => Record<string, unknown>, refusal?: Probe['refusal']): Probe {
  return {
    name,
    needs: 'MARKETING:write',
    query: UPDATE_CAMPAIGN,
    variables: (target, w) => ({ input: { id: w.seedB.id, ...input(target) } }),
    expect: { kind: 'NOT_FOUND' },
    ...(refusal ? { refusal } : {}),
  };
}

/** A state change of the campaign `refName` names. */
function changing(name: string, mutation: string, refName: string, extra: Record<string, unknown> = {}): Probe {
  const type = mutation === 'scheduleCampaign' ? 'ScheduleCampaignInput' : 'CampaignIdInput';
  return {
    name,
    needs: 'MARKETING:write',
    query: `mutation($input: ${type}!) { ${mutation}(input: $input) { id status audienceSize } }`,
    variables: (target) => ({ input: { id: ref(target, refName), ...extra } }),
    expect: { kind: 'NOT_FOUND' },
  };
}

/** A's messages "leave" as the dispatcher would record them, then one is opened through the real pixel route. */
async function sendAndOpen(kontor: Kontor, tenant: TenantFixture, campaignUuid: string): Promise<string[]> {
  const deliveries = await asOwner(async (db) =>
    (
      await db.query<{ id: string }>(
        `update mkt_deliveries set status = 'SENT', sent_at = now(), claimed_at = now(), provider_message_id = '<' || id || '@kontor.campaign>'
          where tenant_id = $1 and campaign_id = $2 returning id`,
        [tenant.tenantUuid, campaignUuid],
      )
    ).rows.map((row) => row.id),
  );
  const first = deliveries[0];
  if (!first) throw new Error('the sent campaign has no delivery rows');
  const key = await linkKey(kontor.app.orm.em.fork({ useContext: false }));
  const pixel = await fetch(`${kontor.url}/hooks/open/${signLink(key, 'o', { tenantId: tenant.tenantUuid, deliveryId: first })}.gif`);
  await pixel.arrayBuffer();
  return deliveries;
}

export const campaignCase: IsolationCase = {
  entity: 'Campaign',
  modules: ['CRM', 'MARKETING'],
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const contactId = await created(kontor, token, 'createContact', {
      firstName: 'Reader',
      lastName: marker,
      email: `${marker}@example.test`,
      tags: [marker],
      emailConsent: 'GRANTED',
      consentSource: `form ${marker}`,
    });
    // Reached through the list only: no consent of its own, a confirmed subscription instead.
    const subscriberId = await created(kontor, token, 'createContact', { firstName: 'Subscriber', lastName: marker, email: `${marker}.list@example.test` });
    const segmentId = await created(kontor, token, 'createSegment', { name: `Readers ${marker}`, entity: 'CONTACT', contactFilter: { tags: [marker] } });
    // Everyone with an address: a count that forgot the company would count the other's people too.
    const everyoneId = await created(kontor, token, 'createSegment', { name: `Everyone ${marker}`, entity: 'CONTACT', contactFilter: { hasEmail: true } });
    const listId = await created(kontor, token, 'createSubscriptionList', { name: `News ${marker}` });
    ok(await kontor.gql(`mutation($input: ListMembersInput!) { addListMembers(input: $input) { added } }`, { input: { listId, contactIds: [subscriberId] } }, token));
    const templateId = await created(kontor, token, 'createCampaignTemplate', { name: `Mail ${marker}`, channel: 'EMAIL', subject: `News ${marker}`, html: `<p>${marker}</p>` });
    const variantTemplateId = await created(kontor, token, 'createCampaignTemplate', { name: `Variant ${marker}`, channel: 'EMAIL', subject: `Other news ${marker}`, html: `<p>B ${marker}</p>` });
    const audience = { segmentIds: [segmentId], listIds: [listId] };
    // The seed: a draft naming every kind of reference (template, A/B variant, segment, list).
    const id = await created(kontor, token, 'createCampaign', {
      name: `Draft ${marker}`,
      channel: 'EMAIL',
      templateId,
      audience,
      abTest: { variantTemplateId, testSharePercent: 20, winnerAt: WINNER_AT },
      cost: { amount: '40', currency: 'EUR' },
    });
    // One to schedule and start, one sent now with its deliveries (to pause, resume, cancel and read).
    const laterId = await created(kontor, token, 'createCampaign', { name: `Later ${marker}`, channel: 'EMAIL', templateId, audience: { segmentIds: [segmentId], listIds: [] } });
    const sentId = await created(kontor, token, 'createCampaign', { name: `Sent ${marker}`, channel: 'EMAIL', templateId, audience });
    const sent = ok(await kontor.gql(`mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { status audienceSize } }`, { input: { id: sentId } }, token));
    if (str(sent, 'sendCampaignNow', 'status') !== 'SENDING' || num(sent, 'sendCampaignNow', 'audienceSize') !== 2) throw new Error(`the campaign did not start for both people: ${JSON.stringify(sent)}`);
    const deliveries = await sendAndOpen(kontor, tenant, uuidOf(sentId, 'Campaign'));
    const figures = ok(await kontor.gql(`query($id: ID!) { campaign(id: $id) { stats { recipients sent opened } statsOverTime { opened } } }`, { id: sentId }, token));
    if (num(figures, 'campaign', 'stats', 'opened') !== 1 || arr(figures, 'campaign', 'statsOverTime').length !== 1) throw new Error(`the open was not recorded: ${JSON.stringify(figures)}`);
    const everyone = num(ok(await kontor.gql(AUDIENCE_COUNT, { segmentIds: [everyoneId], listIds: [] }, token)), 'campaignAudienceCount');
    // Newest first: the sent campaign heads the list; the cursor after it leads to the older two.
    const first = ok(await kontor.gql(`{ campaigns(first: 1) { edges { cursor node { id } } } }`, {}, token));
    if (str(first, 'campaigns', 'edges', 0, 'node', 'id') !== sentId) throw new Error('the newest campaign should come first');
    return {
      id,
      marker,
      listed: [id, laterId, sentId],
      refs: {
        contactId,
        subscriberId,
        segmentId,
        everyoneId,
        everyone: String(everyone),
        listId,
        templateId,
        variantTemplateId,
        laterId,
        sentId,
        cursor: str(first, 'campaigns', 'edges', 0, 'cursor'),
      },
      traces: tracesOf([marker, ...deliveries], [id, laterId, sentId, contactId, subscriberId, segmentId, everyoneId, listId, templateId, variantTemplateId]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    return ok(
      await kontor.gql(
        `query($draft: ID!, $later: ID!, $sent: ID!, $segment: ID!, $list: ID!) {
          draft: campaign(id: $draft) { ${CAMPAIGN_FIELDS} ${STATS} }
          later: campaign(id: $later) { ${CAMPAIGN_FIELDS} ${STATS} }
          sent: campaign(id: $sent) { ${CAMPAIGN_FIELDS} ${STATS} }
          campaigns(first: 100) { totalCount edges { node { id status } } }
          campaignTemplates { ${TEMPLATE_FIELDS} }
          subscriptionList(id: $list) { memberCount subscribedCount }
          bySegment: campaignAudienceCount(channel: EMAIL, audience: { segmentIds: [$segment], listIds: [] })
          byList: campaignAudienceCount(channel: EMAIL, audience: { segmentIds: [], listIds: [$list] })
        }`,
        { draft: seed.id, later: ref(seed, 'laterId'), sent: ref(seed, 'sentId'), segment: ref(seed, 'segmentId'), list: ref(seed, 'listId') },
        tenant.owner.token,
      ),
    );
  },
  fetch: {
    needs: 'MARKETING:read',
    query: `query($id: ID!) { campaign(id: $id) { ${CAMPAIGN_FIELDS} ${STATS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'MARKETING:read',
    query: `{ campaigns(first: 100) { totalCount edges { cursor node { id name status template { id name } stats { recipients opened } } } } }`,
    variables: () => ({}),
    searchable: false,
    read: (data) => campaigns(data),
  },
  update: {
    needs: 'MARKETING:write',
    query: UPDATE_CAMPAIGN,
    variables: (target) => ({ input: { id: target.id, name: `Hijacked ${target.marker}`, audience: { segmentIds: [], listIds: [] }, abTest: null } }),
  },
  remove: {
    needs: 'MARKETING:write',
    query: `mutation($input: CampaignIdInput!) { deleteCampaign(input: $input) }`,
    variables: (target) => ({ input: { id: target.id } }),
  },
  // In this order for the controls: B's own later campaign is scheduled then started; its sent one paused, resumed, then cancelled.
  probes: [
    {
      name: "reads A's sent campaign's figures and template (campaign(id) { stats statsOverTime template })",
      needs: 'MARKETING:read',
      query: `query($id: ID!) { campaign(id: $id) { id ${STATS} } }`,
      variables: (target) => ({ id: ref(target, 'sentId') }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "passes A's cursor to campaigns(after:)",
      needs: 'MARKETING:read',
      query: `query($after: String) { campaigns(after: $after, first: 100) { edges { node { id name } } } }`,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // After the newest (the sent one) come the older two: A's for A, B's for B.
      expect: { kind: 'LIST', read: (data) => campaigns(data, false), own: (seedB) => [seedB.id, ref(seedB, 'laterId')] },
    },
    {
      name: 'filters campaigns by status and channel (campaigns(filter)): only its own',
      needs: 'MARKETING:read',
      query: `{ campaigns(first: 100, filter: { statuses: [SENDING, PAUSED], channel: EMAIL }) { totalCount edges { node { id stats { recipients } } } } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => num(data, 'campaigns', 'totalCount'), theirs: () => 1, own: () => 1 },
    },
    {
      name: 'counts the audience of its own everyone-segment (campaignAudienceCount): none of A\'s people',
      needs: 'MARKETING:read',
      query: AUDIENCE_COUNT,
      variables: (_target, w) => ({ segmentIds: [ref(w.seedB, 'everyoneId')], listIds: [] }),
      expect: { kind: 'COUNT', read: (data) => num(data, 'campaignAudienceCount'), theirs: (seedB) => Number(ref(seedB, 'everyone')), own: (seedB) => Number(ref(seedB, 'everyone')) },
    },
    {
      name: "counts an audience of A's segment (campaignAudienceCount segmentIds)",
      needs: 'MARKETING:read',
      query: AUDIENCE_COUNT,
      variables: (target) => ({ segmentIds: [ref(target, 'segmentId')], listIds: [] }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "counts an audience of A's list (campaignAudienceCount listIds)",
      needs: 'MARKETING:read',
      query: AUDIENCE_COUNT,
      variables: (target) => ({ segmentIds: [], listIds: [ref(target, 'listId')] }),
      expect: { kind: 'NOT_FOUND' },
      refusal: { code: 'BAD_USER_INPUT', path: ['audience', 'listIds', '0'] },
    },
    {
      name: "counts its own segment together with A's list (campaignAudienceCount listIds)",
      needs: 'MARKETING:read',
      query: AUDIENCE_COUNT,
      variables: (target, w) => ({ segmentIds: [ref(w.seedB, 'segmentId')], listIds: [ref(w.seedB, 'listId'), ref(target, 'listId')] }),
      expect: { kind: 'NOT_FOUND' },
      refusal: { code: 'BAD_USER_INPUT', path: ['audience', 'listIds', '1'] },
    },
    creating("sends A's template (createCampaign templateId)", (target) => ({ templateId: ref(target, 'templateId') }), { code: 'BAD_USER_INPUT', path: ['input', 'templateId'] }),
    creating(
      "tests A's template as variant B (createCampaign abTest.variantTemplateId)",
      (target) => ({ abTest: { variantTemplateId: ref(target, 'variantTemplateId'), testSharePercent: 50, winnerAt: WINNER_AT } }),
      { code: 'BAD_USER_INPUT', path: ['input', 'abTest', 'variantTemplateId'] },
    ),
    creating("sends to A's segment (createCampaign audience.segmentIds)", (target) => ({ audience: { segmentIds: [ref(target, 'segmentId')], listIds: [] } })),
    creating("sends to A's list (createCampaign audience.listIds)", (target) => ({ audience: { segmentIds: [], listIds: [ref(target, 'listId')] } }), {
      code: 'BAD_USER_INPUT',
      path: ['input', 'audience', 'listIds', '0'],
    }),
    updating("gives its own draft A's template (updateCampaign templateId)", (target) => ({ templateId: ref(target, 'templateId') }), { code: 'BAD_USER_INPUT', path: ['input', 'templateId'] }),
    updating(
      "gives its own draft A's template as variant B (updateCampaign abTest.variantTemplateId)",
      (target) => ({ abTest: { variantTemplateId: ref(target, 'variantTemplateId'), testSharePercent: 30, winnerAt: WINNER_AT } }),
      { code: 'BAD_USER_INPUT', path: ['input', 'abTest', 'variantTemplateId'] },
    ),
    updating("aims its own draft at A's segment (updateCampaign audience.segmentIds)", (target) => ({ audience: { segmentIds: [ref(target, 'segmentId')], listIds: [] } })),
    updating("aims its own draft at A's list (updateCampaign audience.listIds)", (target) => ({ audience: { segmentIds: [], listIds: [ref(target, 'listId')] } }), {
      code: 'BAD_USER_INPUT',
      path: ['input', 'audience', 'listIds', '0'],
    }),
    {
      name: "deletes A's template a campaign uses (deleteCampaignTemplate): NOT_FOUND, not IN_USE",
      needs: 'MARKETING:write',
      query: `mutation($input: DeleteCampaignTemplateInput!) { deleteCampaignTemplate(input: $input) }`,
      variables: (target) => ({ input: { id: ref(target, 'templateId') } }),
      expect: { kind: 'NOT_FOUND' },
      // B's own template is in use: CONFLICT, as it should be.
      control: false,
    },
    changing("schedules A's draft (scheduleCampaign)", 'scheduleCampaign', 'laterId', { sendAt: '2099-01-01T09:00:00.000Z', timeZone: 'Europe/Bucharest' }),
    changing("starts A's scheduled campaign now (sendCampaignNow)", 'sendCampaignNow', 'laterId'),
    changing("pauses A's sending campaign (pauseCampaign)", 'pauseCampaign', 'sentId'),
    changing("resumes A's campaign (resumeCampaign)", 'resumeCampaign', 'sentId'),
    changing("cancels A's sending campaign (cancelCampaign)", 'cancelCampaign', 'sentId'),
  ],
};

export const campaignCases: IsolationCase[] = [campaignTemplateCase, campaignCase];
