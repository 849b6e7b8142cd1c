/**
 * Isolation rows of what flows back from sent campaign and automation messages: opens, clicks,
 * unsubscribes, Twilio status callbacks, bounces and complaints, the events they leave on a person's
 * timeline, and a campaign's (or an event's) return. The routes take no principal: a company is named by a signed
 * token, a signed callback address or an inbound address, so the HTTP probes rewrite B's own to name
 * A's records, with valid signatures where a leaked key could make one, and must leave A unchanged.
 */
import pg from 'pg';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { inject } from 'vitest';
import { linkKey, signLink } from '../../api/src/marketing/links.js';
import { ok, type Kontor } from '../support/harness.js';
import { arr, at, ref, str, tracesOf, uuidOf, type HttpProbe, type IsolationCase, type ListView, type Seed, type TenantFixture, type World } from './isolation-cases.js';

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

const TIMELINE = `query($id: ID!) { timeline(subject: { type: CONTACT, id: $id }, first: 50) { totalCount edges { node { kind
  campaignEvent { id kind detail campaignName } automationEvent { id kind detail automationName } } } } }`;

/** The campaign and automation events of a timeline. */
function campaignEvents(data: unknown): ListView {
  return {
    ids: arr(data, 'timeline', 'edges').flatMap((edge) =>
      (['campaignEvent', 'automationEvent'] as const).flatMap((field) => (at(edge, 'node', field) === null ? [] : [str(edge, 'node', field, 'id')])),
    ),
  };
}

function campaigns(data: unknown): ListView {
  return { ids: arr(data, 'campaigns', 'edges').map((edge) => str(edge, 'node', 'id')) };
}

let phones = 0;
function phoneFor(): string {
  phones += 1;
  return `+4074${String(process.pid % 1000).padStart(3, '0')}${String(phones).padStart(4, '0')}`;
}

/** The link-signing key, as a leaked key would give it to an attacker. */
function key(w: World): Promise<Buffer> {
  return linkKey(w.env.kontor.app.orm.em.fork({ useContext: false }));
}

/** The callback address Twilio is given for a company. */
function statusUrl(kontor: Kontor, tenant: TenantFixture): string {
  return `${kontor.url}/hooks/twilio/status/${tenant.tenantUuid}`;
}

function twilioAuthToken(kontor: Kontor): string {
  const config = kontor.app.config.twilio;
  if (!config) throw new Error('the isolation run has no Twilio configuration');
  return config.authToken;
}

async function statusCallback(kontor: Kontor, url: string, signedUrl: string, sid: string): Promise<Response> {
  const params = { MessageSid: sid, MessageStatus: 'delivered', AccountSid: 'AC00000000000000000000000000000000' };
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': getExpectedTwilioSignature(twilioAuthToken(kontor), signedUrl, params) },
    body: new URLSearchParams(params).toString(),
  });
}

function report(type: 'delivery-status' | 'feedback-report', messageId: string, recipient: string): string {
  const part =
    type === 'delivery-status'
      ? ['Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example.net', '', `Final-Recipient: rfc822; ${recipient}`, 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 unknown']
      : ['Content-Type: message/feedback-report', '', 'Feedback-Type: abuse', 'Version: 1'];
  return [
    'From: reports@mx.example.net',
    'To: news@shop.example',
    'Subject: Report',
    `Message-ID: <report-${Date.now()}-${Math.random().toString(16).slice(2)}@mx.example.net>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=${type}; boundary="R"`,
    '',
    '--R',
    'Content-Type: text/plain',
    '',
    'A report.',
    '',
    '--R',
    ...part,
    '',
    '--R',
    'Content-Type: text/rfc822-headers',
    '',
    `To: ${recipient}`,
    `Message-ID: ${messageId}`,
    '',
    '--R--',
    '',
  ].join('\r\n');
}

/** Posts a report to B's own inbound address (B's side), naming the target's campaign (or automation) email. */
async function postReportToB(w: World, target: Seed, type: 'delivery-status' | 'feedback-report', automation = false): Promise<Response> {
  const url = str(ok(await w.env.kontor.gql(`{ inboundEmailUrl }`, {}, w.b.owner.token)), 'inboundEmailUrl');
  const messageId = automation ? `<${ref(target, 'emailSend')}@kontor.automation>` : `<${ref(target, 'emailDelivery')}@kontor.campaign>`;
  return fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: report(type, messageId, ref(target, 'address')) });
}

/** B's automation's figures (the controls: B's own message was reached). */
async function automationStats(w: World): Promise<unknown> {
  return at(ok(await w.env.kontor.gql(`query($id: ID!) { automation(id: $id) { stats { messages { delivered bounced unsubscribed } } } }`, { id: ref(w.seedB, 'automationId') }, w.b.owner.token)), 'automation', 'stats', 'messages');
}

// The open probes name A's text message: its email was opened already, and a pixel does not ask the
// channel, so an open leaking into A would show in the SMS campaign's figures.
const httpProbes: HttpProbe[] = [
  {
    name: "an open pixel signed (with the key) for B's company naming A's unopened delivery",
    async send(target, w) {
      const token = signLink(await key(w), 'o', { tenantId: w.b.tenantUuid, deliveryId: ref(target, 'smsDelivery') });
      return fetch(`${w.env.kontor.url}/hooks/open/${token}.gif`);
    },
    status: 200,
  },
  {
    name: "B's own open pixel with A's unopened delivery put in (its MAC then fails)",
    async send(target, w) {
      const own = Buffer.from(signLink(await key(w), 'o', { tenantId: w.b.tenantUuid, deliveryId: ref(w.seedB, 'smsDelivery') }), 'base64url');
      Buffer.from(ref(target, 'smsDelivery').replace(/-/g, ''), 'hex').copy(own, 16);
      return fetch(`${w.env.kontor.url}/hooks/open/${own.toString('base64url')}.gif`);
    },
    status: 200,
  },
  {
    name: "a click link signed (with the key) for B's company naming A's delivery: sent on, nothing of A read or recorded",
    async send(target, w) {
      const url = 'https://shop.example/isolation';
      const token = signLink(await key(w), 'c', { tenantId: w.b.tenantUuid, deliveryId: ref(target, 'emailDelivery') }, url);
      return fetch(`${w.env.kontor.url}/hooks/click/${token}?u=${encodeURIComponent(url)}`, { redirect: 'manual' });
    },
    status: 302,
  },
  {
    name: "B's own click link with A's delivery put in (its MAC then fails): no redirect",
    async send(target, w) {
      const url = 'https://shop.example/isolation';
      const own = Buffer.from(signLink(await key(w), 'c', { tenantId: w.b.tenantUuid, deliveryId: ref(w.seedB, 'emailDelivery') }, url), 'base64url');
      Buffer.from(ref(target, 'emailDelivery').replace(/-/g, ''), 'hex').copy(own, 16);
      return fetch(`${w.env.kontor.url}/hooks/click/${own.toString('base64url')}?u=${encodeURIComponent(url)}`, { redirect: 'manual' });
    },
    status: 404,
  },
  {
    name: "a Twilio status callback with A's message SID, posted to and signed for B's address",
    send: (target, w) => statusCallback(w.env.kontor, statusUrl(w.env.kontor, w.b), statusUrl(w.env.kontor, w.b), ref(target, 'sid')),
    status: 204,
    async control(response, w) {
      // Aimed at B's own text: it is delivered.
      const stats = ok(await w.env.kontor.gql(`query($id: ID!) { campaign(id: $id) { stats { delivered } } }`, { id: ref(w.seedB, 'smsCampaignId') }, w.b.owner.token));
      if (response.status !== 204 || at(stats, 'campaign', 'stats', 'delivered') !== 1) throw new Error(`B's own status callback was not applied: ${response.status} ${JSON.stringify(stats)}`);
    },
  },
  {
    name: "a Twilio status callback for A's address signed for B's address",
    send: (target, w) => statusCallback(w.env.kontor, statusUrl(w.env.kontor, w.a), statusUrl(w.env.kontor, w.b), ref(target, 'sid')),
    status: 403,
  },
  {
    name: "a bounce naming A's delivery, posted to B's inbound address",
    send: (target, w) => postReportToB(w, target, 'delivery-status'),
    status: 200,
    async control(response) {
      const body = (await response.json()) as unknown;
      if (JSON.stringify(body) !== JSON.stringify({ status: 'report', about: 'other' })) throw new Error(`B's own bounce was not applied: ${JSON.stringify(body)}`);
    },
  },
  {
    name: "a complaint naming A's delivery, posted to B's inbound address",
    send: (target, w) => postReportToB(w, target, 'feedback-report'),
    status: 200,
  },
  // The same for automation messages: their links name an automation send (A's text unopened, A's email).
  {
    name: "an open pixel signed (with the key) for B's company naming A's automation text",
    async send(target, w) {
      return fetch(`${w.env.kontor.url}/hooks/open/${signLink(await key(w), 'o', { tenantId: w.b.tenantUuid, deliveryId: ref(target, 'smsSend') })}.gif`);
    },
    status: 200,
  },
  {
    name: "a click link signed (with the key) for B's company naming A's automation email: sent on, nothing of A recorded",
    async send(target, w) {
      const url = 'https://shop.example/isolation';
      const token = signLink(await key(w), 'c', { tenantId: w.b.tenantUuid, deliveryId: ref(target, 'emailSend') }, url);
      return fetch(`${w.env.kontor.url}/hooks/click/${token}?u=${encodeURIComponent(url)}`, { redirect: 'manual' });
    },
    status: 302,
  },
  {
    name: "a one-click unsubscribe signed (with the key) for B's company naming A's automation email",
    async send(target, w) {
      const token = signLink(await key(w), 'u', { tenantId: w.b.tenantUuid, deliveryId: ref(target, 'emailSend') });
      return fetch(`${w.env.kontor.url}/hooks/unsubscribe/${token}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    },
    status: 404,
    async control(response, w) {
      const stats = await automationStats(w);
      if (response.status !== 200 || at(stats, 'unsubscribed') !== 1) throw new Error(`B's own unsubscribe was not applied: ${response.status} ${JSON.stringify(stats)}`);
    },
  },
  {
    name: "a Twilio status callback with A's automation text SID, posted to and signed for B's address",
    send: (target, w) => statusCallback(w.env.kontor, statusUrl(w.env.kontor, w.b), statusUrl(w.env.kontor, w.b), ref(target, 'automationSid')),
    status: 204,
    async control(response, w) {
      const stats = await automationStats(w);
      if (response.status !== 204 || at(stats, 'delivered') !== 1) throw new Error(`B's own status callback was not applied: ${response.status} ${JSON.stringify(stats)}`);
    },
  },
  {
    name: "a bounce naming A's automation email, posted to B's inbound address",
    send: (target, w) => postReportToB(w, target, 'delivery-status', true),
    status: 200,
    async control(response, w) {
      const body = (await response.json()) as unknown;
      const stats = await automationStats(w);
      if (JSON.stringify(body) !== JSON.stringify({ status: 'report', about: 'other' }) || at(stats, 'bounced') !== 1) throw new Error(`B's own bounce was not applied: ${JSON.stringify(body)} ${JSON.stringify(stats)}`);
    },
  },
];

const STATS = 'name status stats { recipients sent delivered bounced failed opened clicked unsubscribed } revenue { attributedDeals wonAmounts { amount currency } cost { amount currency } roi }';

export const trackingCase: IsolationCase = {
  entity: 'CampaignDeliveryEvent',
  modules: ['CRM', 'MARKETING'],
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const address = `${marker}@example.test`;
    const phone = phoneFor();
    const customerId = await created(kontor, token, 'createCustomer', { name: `Buyer ${marker}` });
    const contactId = await created(kontor, token, 'createContact', {
      firstName: 'Reader',
      lastName: marker,
      customerId,
      email: address,
      phone,
      tags: [marker],
      emailConsent: 'GRANTED',
      smsConsent: 'GRANTED',
      consentSource: `form ${marker}`,
    });
    const segmentId = await created(kontor, token, 'createSegment', { name: `Readers ${marker}`, entity: 'CONTACT', contactFilter: { tags: [marker] } });
    const audience = { segmentIds: [segmentId], listIds: [] };
    const emailTemplate = await created(kontor, token, 'createCampaignTemplate', { name: `News ${marker}`, channel: 'EMAIL', subject: `News ${marker}`, html: '<p><a href="https://shop.example/">Shop</a></p>' });
    const smsTemplate = await created(kontor, token, 'createCampaignTemplate', { name: `Text ${marker}`, channel: 'SMS', text: `Sale ${marker}` });
    const emailCampaignId = await created(kontor, token, 'createCampaign', { name: `Mail ${marker}`, channel: 'EMAIL', templateId: emailTemplate, audience, cost: { amount: '50', currency: 'EUR' } });
    const smsCampaignId = await created(kontor, token, 'createCampaign', { name: `Texts ${marker}`, channel: 'SMS', templateId: smsTemplate, audience });
    for (const id of [emailCampaignId, smsCampaignId]) ok(await kontor.gql(`mutation($input: CampaignIdInput!) { sendCampaignNow(input: $input) { id } }`, { input: { id } }, token));
    // No campaign worker runs here: the messages "leave" as the dispatcher would record it.
    const sid = `SM${marker.replace(/\W/g, '').padEnd(32, '0').slice(0, 32)}`;
    const deliveries = await asOwner(async (db) => {
      const rows = (
        await db.query<{ id: string; channel: string }>(
          `update mkt_deliveries set status = 'SENT', sent_at = now(), claimed_at = now(),
             provider_message_id = case when channel = 'SMS' then $2 else '<' || id || '@kontor.campaign>' end
           where tenant_id = $1 returning id, channel`,
          [tenant.tenantUuid, sid],
        )
      ).rows;
      return { email: rows.find((row) => row.channel === 'EMAIL')?.id ?? '', sms: rows.find((row) => row.channel === 'SMS')?.id ?? '' };
    });
    // Opened and clicked through the real routes.
    const linkKeyBuffer = await linkKey(kontor.app.orm.em.fork({ useContext: false }));
    const subject = { tenantId: tenant.tenantUuid, deliveryId: deliveries.email };
    await (await fetch(`${kontor.url}/hooks/open/${signLink(linkKeyBuffer, 'o', subject)}.gif`)).arrayBuffer();
    const target = `https://shop.example/${marker}`;
    const click = await fetch(`${kontor.url}/hooks/click/${signLink(linkKeyBuffer, 'c', subject, target)}?u=${encodeURIComponent(target)}`, { redirect: 'manual' });
    if (click.status !== 302) throw new Error(`the click was answered ${click.status}`);
    // An automation's email and text "left" as its engine records them (no automation worker runs here either).
    const automation = ok(
      await kontor.gql(
        `mutation($input: CreateAutomationInput!) { createAutomation(input: $input) { id steps { id } } }`,
        { input: { name: `Flow ${marker}`, trigger: { kind: 'CONTACT_CREATED' }, steps: [{ kind: 'SEND_EMAIL', templateId: emailTemplate }, { kind: 'SEND_SMS', templateId: smsTemplate }] } },
        token,
      ),
    );
    const automationId = str(automation, 'createAutomation', 'id');
    const [emailStep, smsStep] = arr(automation, 'createAutomation', 'steps').map((step) => uuidOf(str(step, 'id')));
    const automationSid = `SM${`a${marker}`.replace(/\W/g, '').padEnd(32, '1').slice(0, 32)}`;
    const sends = await asOwner(async (db) => {
      const run = await db.query<{ id: string }>(
        `insert into mkt_automation_runs (tenant_id, id, created_at, updated_at, automation_id, contact_id, occurrence_key, status, step_position, context, finished_at)
         values ($1, gen_random_uuid(), now(), now(), $2, $3, 'created', 'DONE', 2, '{}', now()) returning id`,
        [tenant.tenantUuid, uuidOf(automationId), uuidOf(contactId)],
      );
      const rows = await db.query<{ id: string; channel: string }>(
        `insert into mkt_automation_sends (tenant_id, id, created_at, updated_at, automation_id, run_id, step_id, contact_id, template_id, channel, address, status, claimed_at, sent_at, provider_message_id)
         select $1, gen_random_uuid(), now(), now(), $2, $3, step, $4, template, channel::mkt_channel, address, 'SENT', now(), now(), sid
           from (values ($5::uuid, $6::uuid, 'EMAIL', $7, null), ($8::uuid, $9::uuid, 'SMS', $10, $11)) v(step, template, channel, address, sid)
         returning id, channel`,
        [tenant.tenantUuid, uuidOf(automationId), run.rows[0]?.id, uuidOf(contactId), emailStep, uuidOf(emailTemplate), address, smsStep, uuidOf(smsTemplate), phone, automationSid],
      );
      await db.query(`update mkt_automation_sends set provider_message_id = '<' || id || '@kontor.automation>' where tenant_id = $1 and channel = 'EMAIL'`, [tenant.tenantUuid]);
      return { email: rows.rows.find((row) => row.channel === 'EMAIL')?.id ?? '', sms: rows.rows.find((row) => row.channel === 'SMS')?.id ?? '' };
    });
    const sendSubject = { tenantId: tenant.tenantUuid, deliveryId: sends.email };
    await (await fetch(`${kontor.url}/hooks/open/${signLink(linkKeyBuffer, 'o', sendSubject)}.gif`)).arrayBuffer();
    const sendClick = await fetch(`${kontor.url}/hooks/click/${signLink(linkKeyBuffer, 'c', sendSubject, target)}?u=${encodeURIComponent(target)}`, { redirect: 'manual' });
    if (sendClick.status !== 302) throw new Error(`the automation email's click was answered ${sendClick.status}`);
    // A deal they won since: the campaigns' return.
    const dealId = await created(kontor, token, 'createDeal', { title: `Order ${marker}`, customerId, contactId, amount: { amount: '120', currency: 'EUR' } });
    ok(await kontor.gql(`mutation($input: CloseDealInput!) { closeDeal(input: $input) { id } }`, { input: { id: dealId, won: true } }, token));
    const eventId = await created(kontor, token, 'createMarketingEvent', { name: `Fair ${marker}`, kind: 'EXHIBITION', startsOn: new Date().toISOString().slice(0, 10), cost: { amount: '30', currency: 'EUR' } });
    ok(await kontor.gql(`mutation($input: AddEventAttendeesInput!) { addEventAttendees(input: $input) { registered } }`, { input: { eventId, contactIds: [contactId] } }, token));
    const events = campaignEvents(ok(await kontor.gql(TIMELINE, { id: contactId }, token))).ids;
    // The campaign email's open and click; the automation email's sending, open and click, and its text's sending.
    if (events.length !== 6) throw new Error(`expected the opens, clicks and automation sends on the timeline, got ${JSON.stringify(events)}`);
    return {
      id: emailCampaignId,
      marker,
      listed: [emailCampaignId, smsCampaignId],
      refs: {
        contactId,
        segmentId,
        smsCampaignId,
        eventId,
        dealId,
        eventIds: events.join(','),
        emailDelivery: deliveries.email,
        smsDelivery: deliveries.sms,
        sid,
        address,
        automationId,
        emailSend: sends.email,
        smsSend: sends.sms,
        automationSid,
      },
      traces: tracesOf(
        [marker, deliveries.email, deliveries.sms, sid, sends.email, sends.sms, automationSid],
        [emailCampaignId, smsCampaignId, contactId, customerId, segmentId, eventId, dealId, automationId, ...events],
      ),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    return ok(
      await kontor.gql(
        `query($email: ID!, $sms: ID!, $contact: ID!, $event: ID!, $segment: ID!, $automation: ID!) {
          email: campaign(id: $email) { ${STATS} }
          sms: campaign(id: $sms) { ${STATS} }
          automation(id: $automation) { stats { messages { sent delivered bounced failed opened clicked unsubscribed } } }
          contact(id: $contact) { emailConsent smsConsent }
          timeline(subject: { type: CONTACT, id: $contact }, first: 50) { totalCount edges { node { kind
            campaignEvent { id kind detail channel address campaignName } automationEvent { id kind occurredAt detail channel address automationName } } } }
          marketingEvent(id: $event) { revenue { attributedDeals wonAmounts { amount currency } roi } }
          emailAudience: campaignAudienceCount(channel: EMAIL, audience: { segmentIds: [$segment], listIds: [] })
          smsAudience: campaignAudienceCount(channel: SMS, audience: { segmentIds: [$segment], listIds: [] })
          messages { totalCount }
        }`,
        { email: seed.id, sms: ref(seed, 'smsCampaignId'), contact: ref(seed, 'contactId'), event: ref(seed, 'eventId'), segment: ref(seed, 'segmentId'), automation: ref(seed, 'automationId') },
        token,
      ),
    );
  },
  fetch: {
    needs: 'MARKETING:read',
    query: `query($id: ID!) { campaign(id: $id) { id ${STATS} } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'MARKETING:read',
    query: `{ campaigns(first: 100) { edges { node { id name stats { opened clicked } revenue { attributedDeals } } } } }`,
    variables: () => ({}),
    searchable: false,
    read: campaigns,
  },
  probes: [
    {
      name: "reads the campaign events on A's person's timeline (timeline(subject: CONTACT))",
      needs: 'CRM:read',
      query: TIMELINE,
      variables: (target) => ({ id: ref(target, 'contactId') }),
      expect: { kind: 'LIST', read: campaignEvents, own: (seedB) => ref(seedB, 'eventIds').split(',') },
    },
    {
      name: "reads the return of A's marketing event (marketingEvent(id) { revenue })",
      needs: 'MARKETING:read',
      query: `query($id: ID!) { marketingEvent(id: $id) { id revenue { attributedDeals wonAmounts { amount currency } roi } } }`,
      variables: (target) => ({ id: ref(target, 'eventId') }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "reads the return of A's SMS campaign over a wider window (campaign(id) { revenue(days: 365) })",
      needs: 'MARKETING:read',
      query: `query($id: ID!) { campaign(id: $id) { id revenue(days: 365) { attributedDeals wonAmounts { amount currency } } } }`,
      variables: (target) => ({ id: ref(target, 'smsCampaignId') }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
  http: httpProbes,
};
