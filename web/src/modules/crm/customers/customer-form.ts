import type { TFunction } from 'i18next';
import type { CreateCustomerInput, CustomerDetailQuery, CustomerKind, CustomerSourceInput, LifecycleStage, SourceChannel, UpdateCustomerInput } from '../../../gql/graphql';
import { email, normalisePhone, optional, optionalText, phone, required, type Check } from '../../../lib/validators';
import { changedCustomFieldInputs, createCustomFieldInputs, customFormValues, validateCustomValues, type CustomFieldDef, type CustomValues } from '../fields/custom-values';
import { addressErrors, addressInput, addressValues, EMPTY_ADDRESS, sameAddress, type AddressValues } from '../shared/address';
import { cleanTags, sameTags, tagsError } from '../shared/tags';

/** Customers' names may be longer than people's names. */
export const CUSTOMER_NAME_MAX = 300;
const UTM_MAX = 200;

/** The owner field's value for "Nobody". */
export const NO_OWNER = 'nobody';

export interface SourceValues {
  channel: SourceChannel | null;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
  referredById: string | null;
}

/** What the customer form edits; field names match the API's input, so its errors land on the right field. */
export interface CustomerFormValues {
  kind: CustomerKind;
  name: string;
  lifecycleStage: LifecycleStage;
  /** A member's id, or NO_OWNER. */
  ownerId: string;
  domain: string;
  email: string;
  phone: string;
  address: AddressValues;
  source: SourceValues;
  tags: string[];
  /** The company's own fields, by key (see CustomFieldInputs). */
  customFields: CustomValues;
}

const EMPTY_SOURCE: SourceValues = { channel: null, utmSource: '', utmMedium: '', utmCampaign: '', referredById: null };

/** A new customer: an organization, a lead, owned by whoever adds it. */
export function emptyCustomer(meId: string | null, fields: CustomFieldDef[] = []): CustomerFormValues {
  return {
    kind: 'ORGANIZATION',
    name: '',
    lifecycleStage: 'LEAD',
    ownerId: meId ?? NO_OWNER,
    domain: '',
    email: '',
    phone: '',
    address: EMPTY_ADDRESS,
    source: EMPTY_SOURCE,
    tags: [],
    customFields: customFormValues(fields),
  };
}

export function customerFormValues(customer: CustomerDetailQuery['customer'], fields: CustomFieldDef[] = []): CustomerFormValues {
  return {
    kind: customer.kind,
    name: customer.name,
    lifecycleStage: customer.lifecycleStage,
    ownerId: customer.owner?.id ?? NO_OWNER,
    domain: customer.domain ?? '',
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    address: addressValues(customer.address),
    source: {
      channel: customer.source.channel ?? null,
      utmSource: customer.source.utmSource ?? '',
      utmMedium: customer.source.utmMedium ?? '',
      utmCampaign: customer.source.utmCampaign ?? '',
      referredById: customer.source.referredBy?.id ?? null,
    },
    tags: customer.tags,
    customFields: customFormValues(fields, customer.customFields ?? []),
  };
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A pasted web address becomes its domain: "https://www.acme.com/about" → "www.acme.com". */
export function normaliseDomain(value: string): string | null {
  const domain = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
  return domain === '' ? null : domain;
}

/** The same check as the API's: a domain name such as example.com, or nothing. */
export function domainCheck(t: TFunction): Check {
  return (value) => {
    const domain = normaliseDomain(value);
    return domain === null || DOMAIN.test(domain) ? null : t('errors.reason.INVALID_DOMAIN');
  };
}

/** The API's checks, before a round trip, in the user's language; keys are form paths. */
export function validateCustomer(t: TFunction, values: CustomerFormValues, custom: { creating: boolean; fields: CustomFieldDef[]; initial?: CustomerFormValues } = { creating: true, fields: [] }): Record<string, string | null> {
  return {
    name: required(t, CUSTOMER_NAME_MAX)(values.name),
    domain: values.kind === 'ORGANIZATION' ? domainCheck(t)(values.domain) : null,
    email: email(t, true)(values.email),
    phone: phone(t)(values.phone),
    ...addressErrors(t, values.address, 'address'),
    'source.utmSource': optionalText(t, UTM_MAX)(values.source.utmSource),
    'source.utmMedium': optionalText(t, UTM_MAX)(values.source.utmMedium),
    'source.utmCampaign': optionalText(t, UTM_MAX)(values.source.utmCampaign),
    tags: tagsError(t, values.tags),
    ...validateCustomValues(t, custom.fields, values.customFields, { creating: custom.creating, initial: custom.initial?.customFields }),
  };
}

interface Cleaned {
  kind: CustomerKind;
  name: string;
  lifecycleStage: LifecycleStage;
  ownerId: string | null;
  domain: string | null;
  email: string | null;
  phone: string | null;
  source: CustomerSourceInput | null;
  tags: string[];
}

/** Where the customer came from, as the API wants it; null when nothing is known. */
function sourceInput(source: SourceValues): CustomerSourceInput | null {
  const input: CustomerSourceInput = {};
  if (source.channel) input.channel = source.channel;
  const utmSource = optional(source.utmSource);
  const utmMedium = optional(source.utmMedium);
  const utmCampaign = optional(source.utmCampaign);
  if (utmSource) input.utmSource = utmSource;
  if (utmMedium) input.utmMedium = utmMedium;
  if (utmCampaign) input.utmCampaign = utmCampaign;
  if (source.referredById) input.referredById = source.referredById;
  return Object.keys(input).length > 0 ? input : null;
}

/** The values as the API wants them: trimmed, empty means null; a private person has no website domain. */
function cleaned(values: CustomerFormValues): Cleaned {
  return {
    kind: values.kind,
    name: values.name.trim(),
    lifecycleStage: values.lifecycleStage,
    ownerId: values.ownerId === NO_OWNER ? null : values.ownerId,
    domain: values.kind === 'ORGANIZATION' ? normaliseDomain(values.domain) : null,
    email: optional(values.email),
    phone: normalisePhone(values.phone.trim()),
    source: sourceInput(values.source),
    tags: cleanTags(values.tags),
  };
}

export function createCustomerInput(values: CustomerFormValues, fields: CustomFieldDef[] = []): CreateCustomerInput {
  const { kind, name, lifecycleStage, ownerId, domain, email: mail, phone: number, source, tags } = cleaned(values);
  // An explicit null owns nobody (omitting it would make the creator the owner).
  const input: CreateCustomerInput = { kind, name, lifecycleStage, ownerId };
  if (domain) input.domain = domain;
  if (mail) input.email = mail;
  if (number) input.phone = number;
  const address = addressInput(values.address);
  if (address) input.address = address;
  if (source) input.source = source;
  if (tags.length > 0) input.tags = tags;
  const customFields = createCustomFieldInputs(fields, values.customFields);
  if (customFields.length > 0) input.customFields = customFields;
  return input;
}

/** Only what changed (null clears an optional field; the address and source go whole); null when nothing did. */
export function changedCustomerInput(id: string, initial: CustomerFormValues, values: CustomerFormValues, fields: CustomFieldDef[] = []): UpdateCustomerInput | null {
  const before = cleaned(initial);
  const after = cleaned(values);
  const input: UpdateCustomerInput = { id };
  let changed = false;
  const scalar = ['kind', 'name', 'lifecycleStage', 'ownerId', 'domain', 'email', 'phone'] as const;
  for (const key of scalar) {
    if (after[key] !== before[key]) {
      Object.assign(input, { [key]: after[key] });
      changed = true;
    }
  }
  if (!sameAddress(initial.address, values.address)) {
    input.address = addressInput(values.address);
    changed = true;
  }
  if (JSON.stringify(after.source) !== JSON.stringify(before.source)) {
    input.source = after.source;
    changed = true;
  }
  if (!sameTags(initial.tags, values.tags)) {
    input.tags = after.tags;
    changed = true;
  }
  // Only the custom fields that changed: the others stay as they are.
  const customFields = changedCustomFieldInputs(fields, initial.customFields, values.customFields);
  if (customFields.length > 0) {
    input.customFields = customFields;
    changed = true;
  }
  return changed ? input : null;
}
