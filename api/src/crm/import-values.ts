import { Decimal } from 'decimal.js';
import countries, { type LocaleData } from 'i18n-iso-countries';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { createRequire } from 'node:module';
import { ConsentStatus } from '../../../schema/crm/consent-event.entity.js';
import { ContactPointType } from '../../../schema/crm/contact-point.entity.js';
import { CustomFieldType, type CustomField } from '../../../schema/crm/custom-field.entity.js';
import { CustomerKind, LifecycleStage, SourceChannel } from '../../../schema/crm/customer.entity.js';
import type { ProblemReason } from '../graphql/errors.js';
import { EmailAddressScalar, LocalDateScalar, PhoneNumberScalar } from '../graphql/scalars.js';
import type { CustomFieldValueInput } from './custom-field.types.js';
import { normaliseHeader } from './import-fields.js';

/**
 * Reading one cell of an imported file into what the API takes: the same checks the GraphQL scalars
 * make (email, E.164 phone, calendar date), after the forms spreadsheets use (a phone without +, a
 * date as 31.12.2026, a decimal comma, "yes"). A value that cannot be read is a `CellProblem`.
 */
export class CellProblem extends Error {
  constructor(
    readonly reason: ProblemReason,
    message: string,
  ) {
    super(message);
  }
}

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as LocaleData);

export function readEmail(text: string): string {
  try {
    return EmailAddressScalar.parseValue(text) as string;
  } catch {
    throw new CellProblem('INVALID_EMAIL', `${text} is not an email address`);
  }
}

/** A phone as typed in a sheet: with + (or 00) and its country code, or national in `defaultCountry`. */
export function readPhone(text: string, defaultCountry: string | null): { number: string; type: ContactPointType } {
  const international = text.replace(/^\s*00/, '+');
  const parsed = parsePhoneNumberFromString(international, (defaultCountry ?? undefined) as CountryCode | undefined);
  const hint = defaultCountry ? '' : ', or choose the country of numbers written without it';
  if (!parsed) throw new CellProblem('INVALID_PHONE', `${text} is not a phone number: write it with its country code, such as +40721234567${hint}`);
  try {
    PhoneNumberScalar.parseValue(parsed.number);
  } catch {
    throw new CellProblem('INVALID_PHONE', `${text} is not a valid phone number for its country`);
  }
  return { number: parsed.number, type: parsed.getType() === 'MOBILE' ? ContactPointType.MOBILE : ContactPointType.WORK };
}

const TRUE = new Set(['yes', 'y', 'true', '1', 'x', 'granted']);
const FALSE = new Set(['no', 'n', 'false', '0', 'denied']);

export function readBoolean(text: string): boolean {
  const value = text.trim().toLowerCase();
  if (TRUE.has(value)) return true;
  if (FALSE.has(value)) return false;
  throw new CellProblem('INVALID_BOOLEAN', `${text} is not yes or no (yes, no, true, false, 1, 0 or x)`);
}

/** Consent: yes-like is GRANTED, no-like DENIED; UNKNOWN (as an export writes it) says nothing. */
export function readConsent(text: string): ConsentStatus | null {
  if (text.trim().toUpperCase() === ConsentStatus.UNKNOWN) return null;
  return readBoolean(text) ? ConsentStatus.GRANTED : ConsentStatus.DENIED;
}

/** An ISO code (alpha-2 or alpha-3) or an English country name; anything else as typed (the address check refuses it). */
export function readCountry(text: string): string {
  const value = text.trim();
  if (/^[a-z]{2}$/i.test(value)) return value.toUpperCase();
  if (/^[a-z]{3}$/i.test(value)) return countries.alpha3ToAlpha2(value.toUpperCase()) ?? value;
  return countries.getSimpleAlpha2Code(value, 'en') ?? countries.getAlpha2Code(value, 'en') ?? value;
}

/** Tags (and multi-select options) are separated by commas or semicolons. */
export function splitList(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** "Ana Maria Pop" is Ana Maria, Pop: split at the last space. */
export function splitFullName(text: string): { firstName: string; lastName: string | null } {
  const name = text.trim().replace(/\s+/g, ' ');
  const at = name.lastIndexOf(' ');
  return at < 0 ? { firstName: name, lastName: null } : { firstName: name.slice(0, at), lastName: name.slice(at + 1) };
}

/** A number with a decimal point, or a lone decimal comma ("12,5"); spaces as thousands separators are allowed. */
export function readNumber(text: string): Decimal {
  let value = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/^[-+]?\d+,\d+$/.test(value)) value = value.replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(value)) throw new CellProblem('INVALID_NUMBER', `${text} is not a number (write a decimal with a point, or a single comma)`);
  return new Decimal(value);
}

/** YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY, as YYYY-MM-DD; it must be a day of the calendar. */
export function readDate(text: string): string {
  const value = text.trim();
  const european = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(value);
  const iso = european ? `${european[3]}-${(european[2] ?? '').padStart(2, '0')}-${(european[1] ?? '').padStart(2, '0')}` : value;
  try {
    return LocalDateScalar.parseValue(iso) as string;
  } catch {
    throw new CellProblem('INVALID_DATE', `${text} is not a date (YYYY-MM-DD, DD.MM.YYYY or DD/MM/YYYY)`);
  }
}

function optionKey(field: CustomField, text: string): string {
  const wanted = normaliseHeader(text);
  const option = field.options.find((o) => o.key === text.trim()) ?? field.options.find((o) => normaliseHeader(o.label) === wanted || normaliseHeader(o.key) === wanted);
  if (!option) throw new CellProblem('INVALID_OPTION', `${text} is not an option of ${field.label}`);
  return option.key;
}

/** A custom field's value as the API's input takes it, read by the field's type. */
export function readCustomValue(field: CustomField, text: string): CustomFieldValueInput {
  const value: CustomFieldValueInput = { key: field.key };
  switch (field.type) {
    case CustomFieldType.TEXT:
      value.text = text;
      break;
    case CustomFieldType.NUMBER:
    case CustomFieldType.DECIMAL:
      value.number = readNumber(text);
      break;
    case CustomFieldType.DATE:
      value.date = readDate(text);
      break;
    case CustomFieldType.BOOLEAN:
      value.boolean = readBoolean(text);
      break;
    case CustomFieldType.SELECT:
      value.options = [optionKey(field, text)];
      break;
    case CustomFieldType.MULTI_SELECT:
      value.options = splitList(text).map((part) => optionKey(field, part));
      break;
  }
  return value;
}

function readChoice<T extends string>(values: readonly T[], text: string, words: Record<string, T>, what: string): T {
  const normalised = normaliseHeader(text);
  const found = values.find((v) => normaliseHeader(v) === normalised) ?? words[normalised];
  if (!found) throw new CellProblem('INVALID_OPTION', `${text} is not a ${what} (${values.join(', ')})`);
  return found;
}

export function readKind(text: string): CustomerKind {
  const org = CustomerKind.ORGANIZATION;
  const person = CustomerKind.PERSON;
  return readChoice(Object.values(CustomerKind), text, { organisation: org, org: org, company: org, business: org, b2b: org, private: person, 'private person': person, individual: person, consumer: person, b2c: person }, 'kind of customer');
}

export function readLifecycleStage(text: string): LifecycleStage {
  return readChoice(Object.values(LifecycleStage), text, { client: LifecycleStage.CUSTOMER, former: LifecycleStage.FORMER, churned: LifecycleStage.FORMER }, 'lifecycle stage');
}

export function readSourceChannel(text: string): SourceChannel {
  return readChoice(Object.values(SourceChannel), text, {}, 'source channel');
}

/** A website as people copy it ("https://www.acme.ro/contact") is its domain; the customer check does the rest. */
export function readDomain(text: string): string {
  return text
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '');
}
