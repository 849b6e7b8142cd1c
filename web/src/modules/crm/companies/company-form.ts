import type { TFunction } from 'i18next';
import type { CompanyDetailQuery, CreateCompanyInput, UpdateCompanyInput } from '../../../gql/graphql';
import { normalisePhone, optional, type Check } from '../../../lib/validators';

/** Company names may be longer than people's names. */
export const COMPANY_NAME_MAX = 300;

export interface CompanyFormValues {
  name: string;
  domain: string;
  email: string;
  phone: string;
}

export const EMPTY_COMPANY: CompanyFormValues = { name: '', domain: '', email: '', phone: '' };

export function companyFormValues(company: CompanyDetailQuery['company']): CompanyFormValues {
  return { name: company.name, domain: company.domain ?? '', email: company.email ?? '', phone: company.phone ?? '' };
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

interface Cleaned {
  name: string;
  domain: string | null;
  email: string | null;
  phone: string | null;
}

function cleaned(values: CompanyFormValues): Cleaned {
  return { name: values.name.trim(), domain: normaliseDomain(values.domain), email: optional(values.email), phone: normalisePhone(values.phone.trim()) };
}

export function createCompanyInput(values: CompanyFormValues): CreateCompanyInput {
  return cleaned(values);
}

/** Only what changed (null clears an optional field); null when nothing did. */
export function changedCompanyInput(id: string, initial: CompanyFormValues, values: CompanyFormValues): UpdateCompanyInput | null {
  const before = cleaned(initial);
  const after = cleaned(values);
  const input: UpdateCompanyInput = { id };
  let changed = false;
  if (after.name !== before.name) {
    input.name = after.name;
    changed = true;
  }
  if (after.domain !== before.domain) {
    input.domain = after.domain;
    changed = true;
  }
  if (after.email !== before.email) {
    input.email = after.email;
    changed = true;
  }
  if (after.phone !== before.phone) {
    input.phone = after.phone;
    changed = true;
  }
  return changed ? input : null;
}
