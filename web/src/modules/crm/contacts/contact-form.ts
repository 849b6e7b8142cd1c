import type { ContactDetailQuery, CreateContactInput, UpdateContactInput } from '../../../gql/graphql';
import { normalisePhone, optional } from '../../../lib/validators';

/** What the person form edits; field names match the API's input, so its errors land on the right field. */
export interface ContactFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  jobTitle: string;
  companyId: string | null;
}

export function emptyContact(companyId: string | null = null): ContactFormValues {
  return { firstName: '', lastName: '', email: '', phone: '', jobTitle: '', companyId };
}

export function contactFormValues(contact: ContactDetailQuery['contact']): ContactFormValues {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
    jobTitle: contact.jobTitle ?? '',
    companyId: contact.company?.id ?? null,
  };
}

interface Cleaned {
  firstName: string;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  companyId: string | null;
}

/** The values as the API wants them: trimmed, an empty optional field is null, the phone in E.164. */
function cleaned(values: ContactFormValues): Cleaned {
  return {
    firstName: values.firstName.trim(),
    lastName: optional(values.lastName),
    email: optional(values.email),
    phone: normalisePhone(values.phone.trim()),
    jobTitle: optional(values.jobTitle),
    companyId: values.companyId,
  };
}

export function createContactInput(values: ContactFormValues, companiesOn: boolean): CreateContactInput {
  const { companyId, ...rest } = cleaned(values);
  // With companies switched off the API refuses any companyId, even null.
  return companiesOn && companyId ? { ...rest, companyId } : rest;
}

/** Only what changed (null clears an optional field); null when nothing did. */
export function changedContactInput(id: string, initial: ContactFormValues, values: ContactFormValues, companiesOn: boolean): UpdateContactInput | null {
  const before = cleaned(initial);
  const after = cleaned(values);
  const input: UpdateContactInput = { id };
  let changed = false;
  if (after.firstName !== before.firstName) {
    input.firstName = after.firstName;
    changed = true;
  }
  if (after.lastName !== before.lastName) {
    input.lastName = after.lastName;
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
  if (after.jobTitle !== before.jobTitle) {
    input.jobTitle = after.jobTitle;
    changed = true;
  }
  if (companiesOn && after.companyId !== before.companyId) {
    input.companyId = after.companyId;
    changed = true;
  }
  return changed ? input : null;
}
