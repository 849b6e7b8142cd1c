import { CustomFieldEntity, type CustomField } from '../../../schema/crm/custom-field.entity.js';
import { ImportEntity, type ImportColumnMapping } from '../../../schema/crm/import.entity.js';

/** What a column of an imported file fills in. */
export enum ImportField {
  // People
  FIRST_NAME = 'FIRST_NAME',
  LAST_NAME = 'LAST_NAME',
  /** Split at the last space: "Ana Maria Pop" is Ana Maria, Pop. */
  FULL_NAME = 'FULL_NAME',
  EMAIL_2 = 'EMAIL_2',
  PHONE_2 = 'PHONE_2',
  /** By name; a new position joins the directory. */
  POSITION = 'POSITION',
  /** By name, ignoring case; a new organization customer when there is none. */
  CUSTOMER = 'CUSTOMER',
  EMAIL_CONSENT = 'EMAIL_CONSENT',
  SMS_CONSENT = 'SMS_CONSENT',
  // Customers
  NAME = 'NAME',
  KIND = 'KIND',
  LIFECYCLE_STAGE = 'LIFECYCLE_STAGE',
  DOMAIN = 'DOMAIN',
  SOURCE_CHANNEL = 'SOURCE_CHANNEL',
  UTM_SOURCE = 'UTM_SOURCE',
  UTM_MEDIUM = 'UTM_MEDIUM',
  UTM_CAMPAIGN = 'UTM_CAMPAIGN',
  /** The four below make the customer's counterparty. */
  LEGAL_NAME = 'LEGAL_NAME',
  TAX_ID = 'TAX_ID',
  REGISTRATION_NUMBER = 'REGISTRATION_NUMBER',
  IBAN = 'IBAN',
  // Both
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  TAGS = 'TAGS',
  ADDRESS_COUNTRY = 'ADDRESS_COUNTRY',
  ADDRESS_REGION = 'ADDRESS_REGION',
  ADDRESS_CITY = 'ADDRESS_CITY',
  ADDRESS_POSTAL_CODE = 'ADDRESS_POSTAL_CODE',
  ADDRESS_LINE1 = 'ADDRESS_LINE1',
  ADDRESS_LINE2 = 'ADDRESS_LINE2',
  /** The custom field named by `customFieldKey`. */
  CUSTOM_FIELD = 'CUSTOM_FIELD',
}

/** How a row finds the record it repeats. */
export enum ImportDedupeKey {
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  /** Customers only: the tax id of one of its counterparties. */
  TAX_ID = 'TAX_ID',
}

export enum ImportDuplicateAction {
  /** The row is counted as skipped; the record stays as it is. */
  SKIP = 'SKIP',
  /** The record takes the row's non-empty values. */
  UPDATE = 'UPDATE',
}

const ADDRESS_FIELDS = [
  ImportField.ADDRESS_COUNTRY,
  ImportField.ADDRESS_REGION,
  ImportField.ADDRESS_CITY,
  ImportField.ADDRESS_POSTAL_CODE,
  ImportField.ADDRESS_LINE1,
  ImportField.ADDRESS_LINE2,
];

export const COUNTERPARTY_FIELDS = [ImportField.LEGAL_NAME, ImportField.TAX_ID, ImportField.REGISTRATION_NUMBER, ImportField.IBAN];

/** The fields of each entity, in the order an export writes them. */
export const ENTITY_FIELDS: Record<ImportEntity, ImportField[]> = {
  [ImportEntity.CONTACT]: [
    ImportField.FIRST_NAME,
    ImportField.LAST_NAME,
    ImportField.FULL_NAME,
    ImportField.EMAIL,
    ImportField.EMAIL_2,
    ImportField.PHONE,
    ImportField.PHONE_2,
    ImportField.POSITION,
    ImportField.CUSTOMER,
    ImportField.TAGS,
    ...ADDRESS_FIELDS,
    ImportField.EMAIL_CONSENT,
    ImportField.SMS_CONSENT,
    ImportField.CUSTOM_FIELD,
  ],
  [ImportEntity.CUSTOMER]: [
    ImportField.NAME,
    ImportField.KIND,
    ImportField.LIFECYCLE_STAGE,
    ImportField.DOMAIN,
    ImportField.EMAIL,
    ImportField.PHONE,
    ImportField.TAGS,
    ...ADDRESS_FIELDS,
    ImportField.SOURCE_CHANNEL,
    ImportField.UTM_SOURCE,
    ImportField.UTM_MEDIUM,
    ImportField.UTM_CAMPAIGN,
    ...COUNTERPARTY_FIELDS,
    ImportField.CUSTOM_FIELD,
  ],
};

export const CUSTOM_FIELD_ENTITY: Record<ImportEntity, CustomFieldEntity> = {
  [ImportEntity.CONTACT]: CustomFieldEntity.CONTACT,
  [ImportEntity.CUSTOMER]: CustomFieldEntity.CUSTOMER,
};

/**
 * English column names each field answers to. The first is the header an export writes, so an
 * exported file maps itself when it comes back.
 */
const HEADERS: Record<ImportEntity, Partial<Record<ImportField, string[]>>> = {
  [ImportEntity.CONTACT]: {
    [ImportField.FIRST_NAME]: ['First name', 'Firstname', 'Given name', 'Forename', 'First'],
    [ImportField.LAST_NAME]: ['Last name', 'Lastname', 'Surname', 'Family name', 'Last'],
    [ImportField.FULL_NAME]: ['Full name', 'Name', 'Contact name', 'Person', 'Contact'],
    [ImportField.EMAIL]: ['Email', 'E-mail', 'Email address', 'E-mail address', 'Mail', 'Email 1', 'Primary email', 'Work email'],
    [ImportField.EMAIL_2]: ['Email 2', 'E-mail 2', 'Second email', 'Secondary email', 'Other email', 'Personal email', 'Home email'],
    [ImportField.PHONE]: ['Phone', 'Phone number', 'Telephone', 'Tel', 'Mobile', 'Mobile phone', 'Cell', 'Cell phone', 'Phone 1', 'Work phone'],
    [ImportField.PHONE_2]: ['Phone 2', 'Second phone', 'Secondary phone', 'Other phone', 'Home phone', 'Telephone 2'],
    [ImportField.POSITION]: ['Position', 'Job title', 'Title', 'Role', 'Job', 'Function'],
    [ImportField.CUSTOMER]: ['Customer', 'Company', 'Company name', 'Organization', 'Organisation', 'Account', 'Employer'],
    [ImportField.TAGS]: ['Tags', 'Tag', 'Labels', 'Label'],
    [ImportField.EMAIL_CONSENT]: ['Email consent', 'E-mail consent', 'Email opt-in', 'Email opt in', 'Newsletter', 'Accepts email', 'Marketing emails'],
    [ImportField.SMS_CONSENT]: ['SMS consent', 'SMS opt-in', 'SMS opt in', 'Accepts SMS', 'Text messages'],
  },
  [ImportEntity.CUSTOMER]: {
    [ImportField.NAME]: ['Name', 'Customer', 'Customer name', 'Company', 'Company name', 'Organization', 'Organisation', 'Account', 'Account name'],
    [ImportField.KIND]: ['Kind', 'Type', 'Customer type', 'Customer kind'],
    [ImportField.LIFECYCLE_STAGE]: ['Lifecycle stage', 'Lifecycle', 'Stage'],
    [ImportField.DOMAIN]: ['Domain', 'Website', 'Web site', 'Web', 'URL'],
    [ImportField.EMAIL]: ['Email', 'E-mail', 'Email address', 'E-mail address', 'Mail'],
    [ImportField.PHONE]: ['Phone', 'Phone number', 'Telephone', 'Tel'],
    [ImportField.TAGS]: ['Tags', 'Tag', 'Labels', 'Label'],
    [ImportField.SOURCE_CHANNEL]: ['Source channel', 'Source', 'Channel', 'Lead source'],
    [ImportField.UTM_SOURCE]: ['UTM source', 'utm_source'],
    [ImportField.UTM_MEDIUM]: ['UTM medium', 'utm_medium'],
    [ImportField.UTM_CAMPAIGN]: ['UTM campaign', 'utm_campaign', 'Campaign'],
    [ImportField.LEGAL_NAME]: ['Legal name', 'Registered name', 'Company legal name'],
    [ImportField.TAX_ID]: ['Tax ID', 'Tax number', 'VAT', 'VAT number', 'VAT ID', 'VAT no', 'Tax code', 'CUI', 'CIF', 'Org nr', 'Organisation number'],
    [ImportField.REGISTRATION_NUMBER]: ['Registration number', 'Registration no', 'Reg no', 'Company number', 'Trade register number'],
    [ImportField.IBAN]: ['IBAN', 'Bank account', 'Account number'],
  },
};

const ADDRESS_HEADERS: Partial<Record<ImportField, string[]>> = {
  [ImportField.ADDRESS_COUNTRY]: ['Country', 'Country code'],
  [ImportField.ADDRESS_REGION]: ['Region', 'State', 'County', 'Province'],
  [ImportField.ADDRESS_CITY]: ['City', 'Town', 'Locality'],
  [ImportField.ADDRESS_POSTAL_CODE]: ['Postal code', 'Postcode', 'Post code', 'ZIP', 'ZIP code'],
  [ImportField.ADDRESS_LINE1]: ['Address line 1', 'Address', 'Street', 'Street address', 'Address 1'],
  [ImportField.ADDRESS_LINE2]: ['Address line 2', 'Address 2', 'Apartment', 'Suite'],
};

function headersOf(entity: ImportEntity, field: ImportField): string[] {
  return HEADERS[entity][field] ?? ADDRESS_HEADERS[field] ?? [];
}

/** The column header an export writes for a field. */
export function exportHeader(entity: ImportEntity, field: ImportField): string {
  return headersOf(entity, field)[0] ?? field;
}

/** A header as compared: lower case, accents and punctuation gone, single spaces ("E-Mail  Adresă" is "e mail adresa"). */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The mapping a file's headers suggest: each column whose header names a field (in English) or a
 * custom field (by key or label), case, accents and punctuation ignored; no field twice. The headers
 * an export writes come first, then the other names, so an exported file maps itself exactly.
 */
export function suggestMapping(entity: ImportEntity, headers: string[], customFields: CustomField[]): ImportColumnMapping[] {
  const fields = ENTITY_FIELDS[entity].filter((f) => f !== ImportField.CUSTOM_FIELD);
  const taken = new Set<string>();
  const byColumn = new Map<number, ImportColumnMapping>();
  const normalised = headers.map(normaliseHeader);
  const claim = (column: number, field: ImportField, customFieldKey: string | null): void => {
    const id = customFieldKey ? `${field}:${customFieldKey}` : field;
    if (taken.has(id) || byColumn.has(column)) return;
    taken.add(id);
    byColumn.set(column, { column, field, customFieldKey });
  };
  const passes: ((header: string) => { field: ImportField; key: string | null } | null)[] = [
    (header) => {
      const field = fields.find((f) => normaliseHeader(exportHeader(entity, f)) === header && !taken.has(f));
      return field ? { field, key: null } : null;
    },
    (header) => {
      const custom = customFields.find((c) => (normaliseHeader(c.label) === header || normaliseHeader(c.key) === header) && !taken.has(`${ImportField.CUSTOM_FIELD}:${c.key}`));
      return custom ? { field: ImportField.CUSTOM_FIELD, key: custom.key } : null;
    },
    (header) => {
      const field = fields.find((f) => headersOf(entity, f).some((name) => normaliseHeader(name) === header) && !taken.has(f));
      return field ? { field, key: null } : null;
    },
  ];
  for (const pass of passes) {
    normalised.forEach((header, column) => {
      if (header === '' || byColumn.has(column)) return;
      const found = pass(header);
      if (found) claim(column, found.field, found.key);
    });
  }
  const suggested = [...byColumn.values()].sort((a, b) => a.column - b.column);
  // A full name is split into first and last: beside a first or last name column it is left out.
  const split = suggested.some((m) => m.field === ImportField.FIRST_NAME || m.field === ImportField.LAST_NAME);
  return split ? suggested.filter((m) => m.field !== ImportField.FULL_NAME) : suggested;
}

/** The feature options a mapping needs switched on. */
export function featuresOf(mapping: ImportColumnMapping[]): string[] {
  const features = new Set<string>();
  for (const entry of mapping) {
    if (entry.field === ImportField.CUSTOM_FIELD) features.add('CRM.customFields');
    if ((COUNTERPARTY_FIELDS as string[]).includes(entry.field)) features.add('CRM.counterparties');
  }
  return [...features];
}
