import type { ImportDedupeKey, ImportField } from '../../../gql/graphql';
import type { ImportEntity } from './import-http';

/** The fields a file of each kind may fill in, in the order the mapping lists them. */
export const FIELDS: Record<ImportEntity, ImportField[]> = {
  CONTACT: [
    'FIRST_NAME', 'LAST_NAME', 'FULL_NAME', 'EMAIL', 'EMAIL_2', 'PHONE', 'PHONE_2', 'POSITION', 'CUSTOMER', 'TAGS',
    'ADDRESS_COUNTRY', 'ADDRESS_REGION', 'ADDRESS_CITY', 'ADDRESS_POSTAL_CODE', 'ADDRESS_LINE1', 'ADDRESS_LINE2',
    'EMAIL_CONSENT', 'SMS_CONSENT',
  ],
  CUSTOMER: [
    'NAME', 'KIND', 'LIFECYCLE_STAGE', 'DOMAIN', 'EMAIL', 'PHONE', 'TAGS',
    'ADDRESS_COUNTRY', 'ADDRESS_REGION', 'ADDRESS_CITY', 'ADDRESS_POSTAL_CODE', 'ADDRESS_LINE1', 'ADDRESS_LINE2',
    'SOURCE_CHANNEL', 'UTM_SOURCE', 'UTM_MEDIUM', 'UTM_CAMPAIGN', 'LEGAL_NAME', 'TAX_ID', 'REGISTRATION_NUMBER', 'IBAN',
  ],
};

/** Fields of the counterparty feature: offered only while it is on. */
export const COUNTERPARTY_FIELDS: ImportField[] = ['LEGAL_NAME', 'TAX_ID', 'REGISTRATION_NUMBER', 'IBAN'];

/** The fields a duplicate key reads. */
export const DEDUPE_FIELDS: Record<ImportDedupeKey, ImportField[]> = {
  EMAIL: ['EMAIL', 'EMAIL_2'],
  PHONE: ['PHONE', 'PHONE_2'],
  TAX_ID: ['TAX_ID'],
};

export const DEDUPE_KEYS: Record<ImportEntity, ImportDedupeKey[]> = {
  CONTACT: ['EMAIL', 'PHONE'],
  CUSTOMER: ['TAX_ID', 'EMAIL', 'PHONE'],
};

/** A column's choice in the mapping form: '' (not imported), a field, or `CUSTOM_FIELD:<key>`. */
export type ColumnChoice = string;

export function choiceOf(field: ImportField, customFieldKey: string | null | undefined): ColumnChoice {
  return field === 'CUSTOM_FIELD' ? `CUSTOM_FIELD:${customFieldKey ?? ''}` : field;
}

export interface ColumnMapping {
  column: number;
  field: ImportField;
  customFieldKey: string | null;
}

/** The mapping of the form's choices, as runImport takes it. */
export function mappingOf(choices: ColumnChoice[]): ColumnMapping[] {
  return choices.flatMap((choice, column): ColumnMapping[] => {
    if (choice === '') return [];
    if (choice.startsWith('CUSTOM_FIELD:')) return [{ column, field: 'CUSTOM_FIELD' as ImportField, customFieldKey: choice.slice('CUSTOM_FIELD:'.length) }];
    return [{ column, field: choice as ImportField, customFieldKey: null }];
  });
}
