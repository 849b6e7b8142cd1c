import type { TFunction } from 'i18next';
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';
import type { BankAccountInput, CreateCounterpartyInput, CustomerCounterpartiesQuery, UpdateCounterpartyInput } from '../../../gql/graphql';
import { optional, optionalText, required } from '../../../lib/validators';
import { addressErrors, addressInput, addressValues, EMPTY_ADDRESS, sameAddress, type AddressValues } from '../shared/address';

export type CounterpartyNode = CustomerCounterpartiesQuery['customer']['counterparties'][number];

/** The API's limits. */
export const LEGAL_NAME_MAX = 300;
const ID_MAX = 50;
const BANK_NAME_MAX = 200;
export const MAX_BANK_ACCOUNTS = 20;

export interface BankAccountValues {
  /** Identifies the row while it is edited (rows move and go). */
  key: string;
  iban: string;
  bic: string;
  bankName: string;
  currency: string | null;
}

/** What the counterparty form edits; field names match the API's input, so its errors land on the right field. */
export interface CounterpartyFormValues {
  legalName: string;
  taxId: string;
  registrationNumber: string;
  /** `YYYY-MM-DD` (a date input), or ''. */
  validFrom: string;
  validTo: string;
  legalAddress: AddressValues;
  bankAccounts: BankAccountValues[];
}

let rows = 0;
function rowKey(): string {
  rows += 1;
  return `account-${rows}`;
}

export function emptyBankAccount(): BankAccountValues {
  return { key: rowKey(), iban: '', bic: '', bankName: '', currency: null };
}

export const EMPTY_COUNTERPARTY: CounterpartyFormValues = { legalName: '', taxId: '', registrationNumber: '', validFrom: '', validTo: '', legalAddress: EMPTY_ADDRESS, bankAccounts: [] };

export function counterpartyFormValues(counterparty: CounterpartyNode): CounterpartyFormValues {
  return {
    legalName: counterparty.legalName,
    taxId: counterparty.taxId ?? '',
    registrationNumber: counterparty.registrationNumber ?? '',
    validFrom: counterparty.validFrom ?? '',
    validTo: counterparty.validTo ?? '',
    legalAddress: addressValues(counterparty.legalAddress),
    bankAccounts: counterparty.bankAccounts.map((account) => ({ key: rowKey(), iban: account.iban, bic: account.bic ?? '', bankName: account.bankName ?? '', currency: account.currency ?? null })),
  };
}

/** An IBAN as typed ("RO49 AAAA 1B31…") in its electronic form, to check and to send. */
function ibanOf(value: string): string {
  return electronicFormatIBAN(value.trim()) ?? '';
}

/** The API's checks, before a round trip, in the user's language; keys are form paths. */
export function validateCounterparty(t: TFunction, values: CounterpartyFormValues): Record<string, string | null> {
  const errors: Record<string, string | null> = {
    legalName: required(t, LEGAL_NAME_MAX)(values.legalName),
    taxId: optionalText(t, ID_MAX)(values.taxId),
    registrationNumber: optionalText(t, ID_MAX)(values.registrationNumber),
    validTo: values.validFrom !== '' && values.validTo !== '' && values.validTo < values.validFrom ? t('errors.reason.INVALID_DATE_RANGE') : null,
    bankAccounts: values.bankAccounts.length > MAX_BANK_ACCOUNTS ? t('errors.reason.TOO_MANY', { max: MAX_BANK_ACCOUNTS }) : null,
    ...addressErrors(t, values.legalAddress, 'legalAddress'),
  };
  values.bankAccounts.forEach((account, index) => {
    const at = `bankAccounts.${index}`;
    errors[`${at}.iban`] = account.iban.trim() === '' ? t('errors.reason.REQUIRED') : isValidIBAN(ibanOf(account.iban)) ? null : t('errors.reason.INVALID_IBAN');
    const bic = account.bic.replace(/\s/g, '').toUpperCase();
    errors[`${at}.bic`] = bic !== '' && !isValidBIC(bic) ? t('errors.reason.INVALID_BIC') : null;
    errors[`${at}.bankName`] = optionalText(t, BANK_NAME_MAX)(account.bankName);
  });
  return errors;
}

function bankAccountsInput(accounts: BankAccountValues[]): BankAccountInput[] {
  return accounts.map((account) => {
    const input: BankAccountInput = { iban: ibanOf(account.iban) };
    const bic = account.bic.replace(/\s/g, '').toUpperCase();
    if (bic) input.bic = bic;
    const bankName = optional(account.bankName);
    if (bankName) input.bankName = bankName;
    if (account.currency) input.currency = account.currency;
    return input;
  });
}

interface Cleaned {
  legalName: string;
  taxId: string | null;
  registrationNumber: string | null;
  validFrom: string | null;
  validTo: string | null;
}

function cleaned(values: CounterpartyFormValues): Cleaned {
  return {
    legalName: values.legalName.trim(),
    taxId: optional(values.taxId),
    registrationNumber: optional(values.registrationNumber),
    validFrom: values.validFrom || null,
    validTo: values.validTo || null,
  };
}

export function createCounterpartyInput(customerId: string, values: CounterpartyFormValues): CreateCounterpartyInput {
  const { legalName, taxId, registrationNumber, validFrom, validTo } = cleaned(values);
  const input: CreateCounterpartyInput = { customerId, legalName };
  if (taxId) input.taxId = taxId;
  if (registrationNumber) input.registrationNumber = registrationNumber;
  if (validFrom) input.validFrom = validFrom;
  if (validTo) input.validTo = validTo;
  const address = addressInput(values.legalAddress);
  if (address) input.legalAddress = address;
  if (values.bankAccounts.length > 0) input.bankAccounts = bankAccountsInput(values.bankAccounts);
  return input;
}

/** Only what changed (null clears; the legal address and the bank accounts go whole); null when nothing did. */
export function changedCounterpartyInput(id: string, initial: CounterpartyFormValues, values: CounterpartyFormValues): UpdateCounterpartyInput | null {
  const before = cleaned(initial);
  const after = cleaned(values);
  const input: UpdateCounterpartyInput = { id };
  let changed = false;
  for (const key of ['legalName', 'taxId', 'registrationNumber', 'validFrom', 'validTo'] as const) {
    if (after[key] !== before[key]) {
      Object.assign(input, { [key]: after[key] });
      changed = true;
    }
  }
  if (!sameAddress(initial.legalAddress, values.legalAddress)) {
    input.legalAddress = addressInput(values.legalAddress);
    changed = true;
  }
  const accountsBefore = bankAccountsInput(initial.bankAccounts);
  const accountsAfter = bankAccountsInput(values.bankAccounts);
  if (JSON.stringify(accountsBefore) !== JSON.stringify(accountsAfter)) {
    input.bankAccounts = accountsAfter;
    changed = true;
  }
  return changed ? input : null;
}
