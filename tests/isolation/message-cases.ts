/**
 * Tenant isolation cases of the CRM's messages (emails and SMS sent to people, emails received), in
 * the shape of isolation-cases.ts: append `messageCases` to its table and entities.test.ts runs them.
 */
import { ok, type Kontor } from '../support/harness.js';
import { arr, at, num, ref, str, tracesOf, type IsolationCase, type ListView, type TenantFixture } from './isolation-cases.js';

const CREATE_CUSTOMER = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!) { createContact(input: $input) { id } }`;
const SEND_EMAIL = `mutation($input: SendEmailToContactInput!) { sendEmailToContact(input: $input) { id interactionId } }`;
const SEND_SMS = `mutation($input: SendSmsToContactInput!) { sendSmsToContact(input: $input) { id } }`;
const ATTACH = `mutation($input: AttachMessageToContactInput!) { attachMessageToContact(input: $input) { id contactId subject } }`;
// Status, sending time, sender and provider id change as the workers send: the snapshot leaves them out.
const STABLE_FIELDS = 'id channel direction contactId contactName customerId customerName to subject body segments inReplyTo threadKey interactionId createdAt sentBy { id email }';
const MESSAGES_NEWEST = `query($after: String) { messages(after: $after, first: 100) { edges { cursor node { id subject body } } } }`;

/** A connection's node ids and totalCount (when selected). */
function messages(data: unknown, withCount = true): ListView {
  const ids = arr(data, 'messages', 'edges').map((edge) => str(edge, 'node', 'id'));
  return withCount ? { ids, totalCount: num(data, 'messages', 'totalCount') } : { ids };
}

async function mutate(kontor: Kontor, token: string, query: string, input: Record<string, unknown>, field: string): Promise<unknown> {
  return at(ok(await kontor.gql(query, { input }, token)), field);
}

/** Posts a raw email to the tenant's inbound address; returns the message id and the address's token. */
async function receive(kontor: Kontor, tenant: TenantFixture, from: string, subject: string, text: string): Promise<{ id: string; token: string }> {
  const url = str(ok(await kontor.gql(`{ inboundEmailUrl }`, {}, tenant.owner.token)), 'inboundEmailUrl');
  const raw = [`From: ${from}`, 'To: sales@example.test', `Subject: ${subject}`, `Message-ID: <${subject.replace(/\W/g, '')}@example.test>`, 'Content-Type: text/plain; charset=utf-8', '', text, ''].join('\r\n');
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw });
  const body = (await response.json()) as unknown;
  if (response.status !== 202) throw new Error(`the inbound email was answered ${response.status}: ${JSON.stringify(body)}`);
  return { id: str(body, 'messageId'), token: url.slice(url.lastIndexOf('/') + 1) };
}

const messageCase: IsolationCase = {
  entity: 'Message',
  async create({ kontor }, tenant, marker) {
    const token = tenant.owner.token;
    const customerId = str(await mutate(kontor, token, CREATE_CUSTOMER, { name: `Customer ${marker}` }, 'createCustomer'), 'id');
    const contactId = str(
      await mutate(kontor, token, CREATE_CONTACT, { firstName: 'Written', lastName: marker, customerId, email: `${marker}@example.test`, phone: '+40721234567' }, 'createContact'),
      'id',
    );
    // Oldest first: an email, an SMS, then an email from a stranger nobody is found for (the newest).
    const email = await mutate(kontor, token, SEND_EMAIL, { contactId, subject: `Subject ${marker}`, body: `Email ${marker}` }, 'sendEmailToContact');
    const emailId = str(email, 'id');
    const smsId = str(await mutate(kontor, token, SEND_SMS, { contactId, body: `Text ${marker}` }, 'sendSmsToContact'), 'id');
    const inbound = await receive(kontor, tenant, `stranger-${marker}@example.test`, `Inbound ${marker}`, `Received ${marker}`);
    const newest = ok(await kontor.gql(MESSAGES_NEWEST, {}, token));
    if (str(newest, 'messages', 'edges', 0, 'node', 'id') !== inbound.id) throw new Error('the received email should come first');
    const interactionId = str(email, 'interactionId');
    return {
      id: emailId,
      marker,
      listed: [inbound.id, smsId, emailId],
      refs: { contactId, customerId, smsId, inboundId: inbound.id, interactionId, cursor: str(newest, 'messages', 'edges', 0, 'cursor') },
      traces: tracesOf([marker, inbound.token], [emailId, smsId, inbound.id, contactId, customerId, interactionId]),
    };
  },
  async snapshot({ kontor }, tenant, seed) {
    const token = tenant.owner.token;
    const all = ok(await kontor.gql(`{ messages(first: 100) { totalCount edges { cursor node { ${STABLE_FIELDS} } } } }`, {}, token));
    const each = [];
    for (const id of seed.listed) each.push(ok(await kontor.gql(`query($id: ID!) { message(id: $id) { ${STABLE_FIELDS} } }`, { id }, token)));
    const interaction = ok(await kontor.gql(`query($id: ID!) { interaction(id: $id) { id kind direction subject body contactId message { id subject body } } }`, { id: ref(seed, 'interactionId') }, token));
    const unmatched = ok(await kontor.gql(`{ messages(unmatched: true) { totalCount edges { node { id contactId } } } }`, {}, token));
    return { all, each, interaction, unmatched };
  },
  fetch: {
    needs: 'CRM:read',
    query: `query($id: ID!) { message(id: $id) { id subject body contactName customerName to } }`,
    variables: (target) => ({ id: target.id }),
  },
  list: {
    needs: 'CRM:read',
    query: `{ messages(first: 100) { totalCount edges { cursor node { id subject body contactName to } } } }`,
    variables: () => ({}),
    searchable: false,
    read: (data) => messages(data),
  },
  probes: [
    {
      name: "lists A's person's messages (messages(contactId))",
      needs: 'CRM:read',
      query: `query($id: ID!) { messages(contactId: $id, first: 100) { totalCount edges { node { id subject body } } } }`,
      variables: (target) => ({ id: ref(target, 'contactId') }),
      expect: { kind: 'LIST', read: (data) => messages(data), own: (seedB) => [ref(seedB, 'smsId'), seedB.id] },
    },
    {
      name: "lists A's customer's messages (messages(customerId))",
      needs: 'CRM:read',
      query: `query($id: ID!) { messages(customerId: $id, first: 100) { totalCount edges { node { id subject body } } } }`,
      variables: (target) => ({ id: ref(target, 'customerId') }),
      expect: { kind: 'LIST', read: (data) => messages(data), own: (seedB) => [ref(seedB, 'smsId'), seedB.id] },
    },
    {
      name: "passes A's cursor to messages(after:)",
      needs: 'CRM:read',
      query: MESSAGES_NEWEST,
      variables: (target) => ({ after: ref(target, 'cursor') }),
      // After the newest (the received email): the SMS, then the email.
      expect: { kind: 'LIST', read: (data) => messages(data, false), own: (seedB) => [ref(seedB, 'smsId'), seedB.id] },
    },
    {
      name: "messages(unmatched: true) counts none of A's received emails",
      needs: 'CRM:read',
      query: `{ messages(unmatched: true) { totalCount } }`,
      variables: () => ({}),
      expect: { kind: 'COUNT', read: (data) => num(data, 'messages', 'totalCount'), theirs: () => 1, own: () => 1 },
    },
    {
      name: "reads the message of A's interaction (Interaction.message)",
      needs: 'CRM:read',
      query: `query($id: ID!) { interaction(id: $id) { id message { id subject body status } } }`,
      variables: (target) => ({ id: ref(target, 'interactionId') }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "emails A's person (sendEmailToContact contactId)",
      needs: 'CRM:write',
      query: `mutation($input: SendEmailToContactInput!) { sendEmailToContact(input: $input) { id to contactName } }`,
      variables: (target) => ({ input: { contactId: ref(target, 'contactId'), subject: 'Probe', body: 'Probe' } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "texts A's person (sendSmsToContact contactId)",
      needs: 'CRM:write',
      query: `mutation($input: SendSmsToContactInput!) { sendSmsToContact(input: $input) { id to contactName } }`,
      variables: (target) => ({ input: { contactId: ref(target, 'contactId'), body: 'Probe' } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "answers A's email from its own person (sendEmailToContact inReplyToMessageId)",
      needs: 'CRM:write',
      query: `mutation($input: SendEmailToContactInput!) { sendEmailToContact(input: $input) { id inReplyTo threadKey } }`,
      variables: (target, w) => ({ input: { contactId: ref(w.seedB, 'contactId'), subject: 'Re: probe', body: 'Probe', inReplyToMessageId: target.id } }),
      expect: { kind: 'NOT_FOUND' },
    },
    {
      name: "attaches its own received email to A's person (attachMessageToContact contactId)",
      needs: 'CRM:write',
      query: ATTACH,
      variables: (target, w) => ({ input: { messageId: ref(w.seedB, 'inboundId'), contactId: ref(target, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
      // Aimed at B's own person it is the next probe's control, which attaches the email.
      control: false,
    },
    // Last: its control attaches B's received email.
    {
      name: "attaches A's received email to its own person (attachMessageToContact messageId)",
      needs: 'CRM:write',
      query: ATTACH,
      variables: (target, w) => ({ input: { messageId: ref(target, 'inboundId'), contactId: ref(w.seedB, 'contactId') } }),
      expect: { kind: 'NOT_FOUND' },
    },
  ],
};

/** The messaging rows of the isolation table. */
export const messageCases: IsolationCase[] = [messageCase];
