import { coerceInputValue, isInputType, type GraphQLError, type GraphQLSchema } from 'graphql';
import { CustomFieldType, type CustomField } from '../../../schema/crm/custom-field.entity.js';
import { ImportEntity } from '../../../schema/crm/import.entity.js';
import { BadUserInputError, type ProblemReason } from '../graphql/errors.js';
import { MAX_PAGE_SIZE, type ConnectionResult } from '../graphql/pagination.js';
import type { RequestContext } from '../platform/context/request-context.js';
import { featureOn } from '../platform/modules/feature-switch.js';
import { contactPointsLoader } from './contact-point.service.js';
import { listContacts } from './contact.service.js';
import type { ContactFilter, ContactNode, ContactOrder } from './contact.types.js';
import { counterpartiesLoader } from './counterparty.service.js';
import { customerLoader, listCustomers } from './customer.service.js';
import type { CustomerFilter, CustomerNode, CustomerOrder } from './customer.types.js';
import { listDeals } from './deal.service.js';
import type { DealFilter, DealNode, DealOrder } from './deal.types.js';
import { customFieldDefinitions } from './custom-field.service.js';
import { CustomFieldEntity } from '../../../schema/crm/custom-field.entity.js';
import { requireFeature } from '../platform/modules/feature-switch.js';
import { contactLoader } from './contact.service.js';
import { exportHeader, ImportField } from './import-fields.js';
import { importableCustomFields } from './import.service.js';
import { positionLoader } from './position.service.js';

/** Pages of the list services (their largest), read one after the other along their keyset cursors. */
const PAGE = MAX_PAGE_SIZE;

/** A CSV export: its header, and its rows page by page (the first page is read before anything is sent). */
export interface CsvExport {
  fileName: string;
  header: string[];
  pages(): AsyncGenerator<string[][]>;
}

let schema: Promise<GraphQLSchema> | null = null;

const SCALAR_REASONS: Record<string, ProblemReason> = { EmailAddress: 'INVALID_EMAIL', PhoneNumber: 'INVALID_PHONE' };

/**
 * A `filter` or `orderBy` query parameter: JSON of the GraphQL input type `typeName`, coerced by
 * GraphQL itself (enums, scalars, nesting), so it is refused exactly as the list query's argument is,
 * with the path of the refused value.
 */
export async function jsonInput<T>(raw: string | null, name: string, typeName: string): Promise<T | null> {
  if (raw === null || raw.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw BadUserInputError.field([name], 'is not JSON', 'INVALID');
  }
  // Loaded when first needed: the schema is built from the manifests, this module is part of one.
  schema ??= import('../graphql/schema.js').then((module) => module.buildKontorSchema());
  const type = (await schema).getType(typeName);
  if (!type || !isInputType(type)) throw new Error(`${typeName} is not an input type`);
  let refused: BadUserInputError | null = null;
  const value = coerceInputValue(json, type, (path, _invalid, error: GraphQLError) => {
    const scalar = /Expected type "(\w+)"/.exec(error.message)?.[1] ?? '';
    refused ??= BadUserInputError.field([name, ...path.map(String)], error.message, SCALAR_REASONS[scalar] ?? 'INVALID');
  });
  if (refused) throw refused;
  return value as T;
}

/**
 * A cell a spreadsheet would run as a formula (=, @, or + and - before anything but a number) gets
 * a leading apostrophe; an import takes it off again.
 */
function safeCell(value: string): string {
  if (/^[=@\t\r]/.test(value) || (/^[+-]/.test(value) && !/^[+-][\d\s().]*$/.test(value))) return `'${value}`;
  return value;
}

function customText(field: CustomField, value: unknown): string {
  if (value === undefined || value === null) return '';
  const label = (key: unknown): string => field.options.find((o) => o.key === key)?.label ?? String(key);
  switch (field.type) {
    case CustomFieldType.BOOLEAN:
      return value === true ? 'yes' : 'no';
    case CustomFieldType.SELECT:
      return label(value);
    case CustomFieldType.MULTI_SELECT:
      return Array.isArray(value) ? value.map(label).join('; ') : '';
    default:
      return String(value);
  }
}

async function settled<V>(promise: Promise<(V | Error)[]>): Promise<(V | null)[]> {
  return (await promise).map((value) => (value instanceof Error ? null : value));
}

function datedName(list: string): string {
  return `${list}-${new Date().toISOString().slice(0, 10)}.csv`;
}

async function* pagesOf<N>(first: ConnectionResult<N>, next: (after: string) => Promise<ConnectionResult<N>>, rows: (nodes: N[]) => Promise<string[][]>): AsyncGenerator<string[][]> {
  let page = first;
  for (;;) {
    yield (await rows(page.edges.map((edge) => edge.node))).map((row) => row.map(safeCell));
    const after = page.pageInfo.endCursor;
    if (!page.pageInfo.hasNextPage || !after) return;
    page = await next(after);
  }
}

const ADDRESS_FIELDS = [ImportField.ADDRESS_COUNTRY, ImportField.ADDRESS_REGION, ImportField.ADDRESS_CITY, ImportField.ADDRESS_POSTAL_CODE, ImportField.ADDRESS_LINE1, ImportField.ADDRESS_LINE2];

function addressCells(address: ContactNode['address']): string[] {
  return [address.country, address.region, address.city, address.postalCode, address.line1, address.line2].map((part) => part ?? '');
}

/**
 * People matching the list's filter, in its order: every email and phone (the first two in their
 * own columns, as an import reads them), customer, position, tags, address, consent, each custom
 * field by label, and when they were added. The headers are the ones an import suggests.
 */
export async function contactExport(ctx: RequestContext, filter: ContactFilter | null, orderBy: ContactOrder | null): Promise<CsvExport> {
  const first = await listContacts(ctx, { first: PAGE, filter, orderBy });
  const custom = await importableCustomFields(ctx, ImportEntity.CONTACT);
  const h = (field: ImportField): string => exportHeader(ImportEntity.CONTACT, field);
  const header = [
    h(ImportField.FIRST_NAME),
    h(ImportField.LAST_NAME),
    h(ImportField.EMAIL),
    h(ImportField.EMAIL_2),
    'Other emails',
    h(ImportField.PHONE),
    h(ImportField.PHONE_2),
    'Other phones',
    h(ImportField.POSITION),
    h(ImportField.CUSTOMER),
    h(ImportField.TAGS),
    ...ADDRESS_FIELDS.map(h),
    h(ImportField.EMAIL_CONSENT),
    h(ImportField.SMS_CONSENT),
    ...custom.map((field) => field.label),
    'Created at',
  ];
  const rows = async (nodes: ContactNode[]): Promise<string[][]> => {
    const customerIds = [...new Set(nodes.flatMap((n) => (n.customerUuid ? [n.customerUuid] : [])))];
    const positionIds = [...new Set(nodes.flatMap((n) => (n.positionUuid ? [n.positionUuid] : [])))];
    const points = await settled(contactPointsLoader(ctx).loadMany(nodes.map((n) => n.uuid)));
    const customers = new Map((await settled(customerLoader(ctx).loadMany(customerIds))).map((c, i) => [customerIds[i] ?? '', c?.name ?? '']));
    const positions = new Map((await settled(positionLoader(ctx).loadMany(positionIds))).map((p, i) => [positionIds[i] ?? '', p?.name ?? '']));
    // Loaders cache per request: an export of many pages must not keep them all.
    contactPointsLoader(ctx).clearAll();
    customerLoader(ctx).clearAll();
    positionLoader(ctx).clearAll();
    return nodes.map((node, i) => {
      const emails = points[i]?.emails.map((e) => e.address) ?? [];
      const phones = points[i]?.phones.map((p) => p.number) ?? [];
      return [
        node.firstName,
        node.lastName ?? '',
        emails[0] ?? '',
        emails[1] ?? '',
        emails.slice(2).join('; '),
        phones[0] ?? '',
        phones[1] ?? '',
        phones.slice(2).join('; '),
        node.positionUuid ? (positions.get(node.positionUuid) ?? '') : '',
        node.customerUuid ? (customers.get(node.customerUuid) ?? '') : '',
        node.tags.join(', '),
        ...addressCells(node.address),
        node.emailConsent,
        node.smsConsent,
        ...custom.map((field) => customText(field, node.customValues[field.key])),
        node.createdAt.toISOString(),
      ];
    });
  };
  return {
    fileName: datedName('people'),
    header,
    pages: () => pagesOf(first, (after) => listContacts(ctx, { first: PAGE, after, filter, orderBy }), rows),
  };
}

/**
 * Customers matching the list's filter, in its order: what an import reads (the current
 * counterparty's legal name, tax id, registration number and first IBAN while counterparties are on),
 * each custom field by label, and when they were added.
 */
export async function customerExport(ctx: RequestContext, filter: CustomerFilter | null, orderBy: CustomerOrder | null): Promise<CsvExport> {
  const first = await listCustomers(ctx, { first: PAGE, filter, orderBy });
  const custom = await importableCustomFields(ctx, ImportEntity.CUSTOMER);
  const counterparties = featureOn(ctx, 'CRM.counterparties');
  const h = (field: ImportField): string => exportHeader(ImportEntity.CUSTOMER, field);
  const header = [
    h(ImportField.NAME),
    h(ImportField.KIND),
    h(ImportField.LIFECYCLE_STAGE),
    h(ImportField.DOMAIN),
    h(ImportField.EMAIL),
    h(ImportField.PHONE),
    h(ImportField.TAGS),
    ...ADDRESS_FIELDS.map(h),
    h(ImportField.SOURCE_CHANNEL),
    h(ImportField.UTM_SOURCE),
    h(ImportField.UTM_MEDIUM),
    h(ImportField.UTM_CAMPAIGN),
    ...(counterparties ? [h(ImportField.LEGAL_NAME), h(ImportField.TAX_ID), h(ImportField.REGISTRATION_NUMBER), h(ImportField.IBAN)] : []),
    ...custom.map((field) => field.label),
    'Created at',
  ];
  const rows = async (nodes: CustomerNode[]): Promise<string[][]> => {
    const legal = counterparties ? await settled(counterpartiesLoader(ctx).loadMany(nodes.map((n) => n.uuid))) : [];
    counterpartiesLoader(ctx).clearAll();
    return nodes.map((node, i) => {
      const current = legal[i]?.[0];
      return [
        node.name,
        node.kind,
        node.lifecycleStage,
        node.domain ?? '',
        node.email ?? '',
        node.phone ?? '',
        node.tags.join(', '),
        ...addressCells(node.address),
        node.source.channel ?? '',
        node.source.utmSource ?? '',
        node.source.utmMedium ?? '',
        node.source.utmCampaign ?? '',
        ...(counterparties ? [current?.legalName ?? '', current?.taxId ?? '', current?.registrationNumber ?? '', current?.bankAccounts[0]?.iban ?? ''] : []),
        ...custom.map((field) => customText(field, node.customValues[field.key])),
        node.createdAt.toISOString(),
      ];
    });
  };
  return {
    fileName: datedName('customers'),
    header,
    pages: () => pagesOf(first, (after) => listCustomers(ctx, { first: PAGE, after, filter, orderBy }), rows),
  };
}

/**
 * Deals matching the list's filter, in its order, for spreadsheets and analysis (deals are not
 * imported): pipeline, stage, status, amount, dates, owner, attribution and custom fields.
 */
export async function dealExport(ctx: RequestContext, filter: DealFilter | null, orderBy: DealOrder | null): Promise<CsvExport> {
  requireFeature(ctx, 'CRM.deals');
  const first = await listDeals(ctx, { first: PAGE, filter, orderBy });
  const custom = featureOn(ctx, 'CRM.customFields') ? await customFieldDefinitions(ctx, CustomFieldEntity.DEAL) : [];
  const header = [
    'Title',
    'Customer',
    'Person',
    'Pipeline',
    'Stage',
    'Status',
    'Amount',
    'Currency',
    'Probability',
    'Expected close',
    'Owner',
    'Source channel',
    'UTM source',
    'UTM medium',
    'UTM campaign',
    'Marketing event',
    'Close reason',
    'Closed at',
    ...custom.map((field) => field.label),
    'Created at',
  ];
  const rows = async (nodes: DealNode[]): Promise<string[][]> => {
    const customers = await settled(customerLoader(ctx).loadMany(nodes.map((n) => n.customerUuid)));
    const people = await settled(contactLoader(ctx).loadMany(nodes.map((n) => n.contactUuid ?? '').filter(Boolean)));
    const person = new Map(people.flatMap((p) => (p ? [[p.uuid, p.fullName] as const] : [])));
    customerLoader(ctx).clearAll();
    contactLoader(ctx).clearAll();
    return nodes.map((node, i) => [
      node.title,
      customers[i]?.name ?? '',
      node.contactUuid ? (person.get(node.contactUuid) ?? '') : '',
      node.pipeline.name,
      node.stage.name,
      node.status,
      node.amount?.amount.toFixed() ?? '',
      node.amount?.currency ?? '',
      String(node.probability),
      node.expectedCloseDate ?? '',
      node.owner?.email ?? '',
      node.source.channel ?? '',
      node.source.utmSource ?? '',
      node.source.utmMedium ?? '',
      node.source.utmCampaign ?? '',
      node.source.event?.name ?? '',
      node.closeReason ?? '',
      node.closedAt?.toISOString() ?? '',
      ...custom.map((field) => customText(field, node.customValues[field.key])),
      node.createdAt.toISOString(),
    ]);
  };
  return { fileName: datedName('deals'), header, pages: () => pagesOf(first, (after) => listDeals(ctx, { first: PAGE, after, filter, orderBy }), rows) };
}
