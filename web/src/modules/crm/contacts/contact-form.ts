import type { TFunction } from 'i18next';
import type { ConsentStatus, ContactDetailQuery, ContactEmailInput, ContactPhoneInput, ContactPointType, CreateContactInput, UpdateContactInput } from '../../../gql/graphql';
import { email, normalisePhone, optional, optionalText, phone, required } from '../../../lib/validators';
import { NO_OWNER } from '../customers/customer-form';
import { changedCustomFieldInputs, createCustomFieldInputs, customFormValues, validateCustomValues, type CustomFieldDef, type CustomValues } from '../fields/custom-values';
import { addressErrors, addressInput, addressValues, EMPTY_ADDRESS, sameAddress, type AddressValues } from '../shared/address';
import { cleanTags, sameTags, tagsError } from '../shared/tags';

/** The API keeps at most this many addresses, and as many numbers, per person. */
export const MAX_POINTS = 10;
export const CONSENT_SOURCE_MAX = 200;
export const POINT_TYPES: ContactPointType[] = ['WORK', 'HOME', 'MOBILE', 'OTHER'];
export const CONSENT_STATUSES: ConsentStatus[] = ['UNKNOWN', 'GRANTED', 'DENIED'];

export function isPointType(value: string | null): value is ContactPointType {
  return POINT_TYPES.some((type) => type === value);
}

export function isConsentStatus(value: string | null): value is ConsentStatus {
  return CONSENT_STATUSES.some((status) => status === value);
}

export interface EmailRow {
  /** Identifies the row while it is edited (rows move and go). */
  key: string;
  address: string;
  type: ContactPointType;
}

export interface PhoneRow {
  key: string;
  number: string;
  type: ContactPointType;
}

/** What the person form edits; field names match the API's input, so its errors land on the right field. */
export interface ContactFormValues {
  firstName: string;
  lastName: string;
  /** The first is the main address; empty rows are left out. */
  emails: EmailRow[];
  phones: PhoneRow[];
  customerId: string | null;
  positionId: string | null;
  /** A member's id, or NO_OWNER. */
  ownerId: string;
  address: AddressValues;
  tags: string[];
  /** The company's own fields, by key (see CustomFieldInputs). */
  customFields: CustomValues;
  /** Only when adding a person: consent as they gave it, and how. */
  emailConsent: ConsentStatus;
  smsConsent: ConsentStatus;
  consentSource: string;
}

let rows = 0;
function rowKey(): string {
  rows += 1;
  return `point-${rows}`;
}

export function emailRow(address = '', type: ContactPointType = 'WORK'): EmailRow {
  return { key: rowKey(), address, type };
}

export function phoneRow(number = '', type: ContactPointType = 'MOBILE'): PhoneRow {
  return { key: rowKey(), number, type };
}

/** A new person: owned by whoever adds them (`ownerId`), custom fields empty (a required yes/no field at no). */
export function emptyContact(customerId: string | null = null, ownerId: string = NO_OWNER, fields: CustomFieldDef[] = []): ContactFormValues {
  return {
    firstName: '',
    lastName: '',
    emails: [emailRow()],
    phones: [phoneRow()],
    customerId,
    positionId: null,
    ownerId,
    address: EMPTY_ADDRESS,
    tags: [],
    customFields: customFormValues(fields),
    emailConsent: 'UNKNOWN',
    smsConsent: 'UNKNOWN',
    consentSource: '',
  };
}

export function contactFormValues(contact: ContactDetailQuery['contact'], fields: CustomFieldDef[] = []): ContactFormValues {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName ?? '',
    emails: contact.emails.length > 0 ? contact.emails.map((entry) => emailRow(entry.address, entry.type)) : [emailRow()],
    phones: contact.phones.length > 0 ? contact.phones.map((entry) => phoneRow(entry.number, entry.type)) : [phoneRow()],
    customerId: contact.customer?.id ?? null,
    positionId: contact.position?.id ?? null,
    ownerId: contact.owner?.id ?? NO_OWNER,
    address: addressValues(contact.address),
    tags: contact.tags,
    customFields: customFormValues(fields, contact.customFields ?? []),
    emailConsent: contact.emailConsent,
    smsConsent: contact.smsConsent,
    consentSource: '',
  };
}

/** The API's checks, before a round trip, in the user's language; keys are form paths. */
export function validateContact(t: TFunction, values: ContactFormValues, creating: boolean, fields: CustomFieldDef[] = [], initial?: ContactFormValues): Record<string, string | null> {
  const errors: Record<string, string | null> = {
    firstName: required(t)(values.firstName),
    lastName: optionalText(t)(values.lastName),
    emails: values.emails.filter((row) => row.address.trim() !== '').length > MAX_POINTS ? t('errors.reason.TOO_MANY', { max: MAX_POINTS }) : null,
    phones: values.phones.filter((row) => row.number.trim() !== '').length > MAX_POINTS ? t('errors.reason.TOO_MANY', { max: MAX_POINTS }) : null,
    ...addressErrors(t, values.address, 'address'),
    tags: tagsError(t, values.tags),
    ...validateCustomValues(t, fields, values.customFields, { creating, initial: initial?.customFields }),
  };
  values.emails.forEach((row, index) => {
    errors[`emails.${index}.address`] = email(t, true)(row.address);
  });
  values.phones.forEach((row, index) => {
    errors[`phones.${index}.number`] = phone(t)(row.number);
  });
  if (creating) {
    const wantsConsent = values.emailConsent !== 'UNKNOWN' || values.smsConsent !== 'UNKNOWN';
    errors.consentSource = wantsConsent ? required(t, CONSENT_SOURCE_MAX)(values.consentSource) : optionalText(t, CONSENT_SOURCE_MAX)(values.consentSource);
  }
  return errors;
}

/** The addresses as the API wants them: empty rows left out, lower case, repeats dropped (the first wins). */
function emailsInput(rowsIn: EmailRow[]): ContactEmailInput[] {
  const seen = new Set<string>();
  return rowsIn.flatMap((row) => {
    const address = row.address.trim().toLowerCase();
    if (address === '' || seen.has(address)) return [];
    seen.add(address);
    return [{ address, type: row.type }];
  });
}

function phonesInput(rowsIn: PhoneRow[]): ContactPhoneInput[] {
  const seen = new Set<string>();
  return rowsIn.flatMap((row) => {
    const number = normalisePhone(row.number.trim());
    if (number === null || seen.has(number)) return [];
    seen.add(number);
    return [{ number, type: row.type }];
  });
}

/**
 * Where the API's `emails.N…` and `phones.N…` land in the form, whose empty rows it never saw:
 * `{ 'emails.1': 'emails.2' }` when the form's second row was left empty.
 */
export function pointFields(values: ContactFormValues): Record<string, string> {
  const fields: Record<string, string> = {};
  const map = (name: 'emails' | 'phones', filled: boolean[]) => {
    let sent = 0;
    filled.forEach((isFilled, index) => {
      if (!isFilled) return;
      fields[`${name}.${sent}`] = `${name}.${index}`;
      sent += 1;
    });
  };
  map('emails', values.emails.map((row) => row.address.trim() !== ''));
  map('phones', values.phones.map((row) => normalisePhone(row.number.trim()) !== null));
  return fields;
}

interface Cleaned {
  firstName: string;
  lastName: string | null;
  customerId: string | null;
  positionId: string | null;
  ownerId: string | null;
}

function cleaned(values: ContactFormValues): Cleaned {
  return { firstName: values.firstName.trim(), lastName: optional(values.lastName), customerId: values.customerId, positionId: values.positionId, ownerId: values.ownerId === NO_OWNER ? null : values.ownerId };
}

export function createContactInput(values: ContactFormValues, fields: CustomFieldDef[] = []): CreateContactInput {
  const { firstName, lastName, customerId, positionId, ownerId } = cleaned(values);
  // An explicit null owns nobody (omitting it would make the creator the owner).
  const input: CreateContactInput = { firstName, ownerId };
  if (lastName) input.lastName = lastName;
  if (customerId) input.customerId = customerId;
  if (positionId) input.positionId = positionId;
  const emails = emailsInput(values.emails);
  if (emails.length > 0) input.emails = emails;
  const phones = phonesInput(values.phones);
  if (phones.length > 0) input.phones = phones;
  const address = addressInput(values.address);
  if (address) input.address = address;
  const tags = cleanTags(values.tags);
  if (tags.length > 0) input.tags = tags;
  const customFields = createCustomFieldInputs(fields, values.customFields);
  if (customFields.length > 0) input.customFields = customFields;
  if (values.emailConsent !== 'UNKNOWN' || values.smsConsent !== 'UNKNOWN') {
    if (values.emailConsent !== 'UNKNOWN') input.emailConsent = values.emailConsent;
    if (values.smsConsent !== 'UNKNOWN') input.smsConsent = values.smsConsent;
    input.consentSource = values.consentSource.trim();
  }
  return input;
}

/** Only what changed (null clears; emails, phones, address and tags go whole); null when nothing did. */
export function changedContactInput(id: string, initial: ContactFormValues, values: ContactFormValues, fields: CustomFieldDef[] = []): UpdateContactInput | null {
  const before = cleaned(initial);
  const after = cleaned(values);
  const input: UpdateContactInput = { id };
  let changed = false;
  for (const key of ['firstName', 'lastName', 'customerId', 'positionId', 'ownerId'] as const) {
    if (after[key] !== before[key]) {
      Object.assign(input, { [key]: after[key] });
      changed = true;
    }
  }
  const emails = emailsInput(values.emails);
  if (JSON.stringify(emails) !== JSON.stringify(emailsInput(initial.emails))) {
    input.emails = emails;
    changed = true;
  }
  const phones = phonesInput(values.phones);
  if (JSON.stringify(phones) !== JSON.stringify(phonesInput(initial.phones))) {
    input.phones = phones;
    changed = true;
  }
  if (!sameAddress(initial.address, values.address)) {
    input.address = addressInput(values.address);
    changed = true;
  }
  if (!sameTags(initial.tags, values.tags)) {
    input.tags = cleanTags(values.tags);
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
