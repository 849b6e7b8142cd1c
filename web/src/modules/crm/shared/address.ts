import type { TFunction } from 'i18next';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import type { AddressInput } from '../../../gql/graphql';
import { optionalText } from '../../../lib/validators';

export const ADDRESS_PARTS = ['line1', 'line2', 'city', 'postalCode', 'region', 'country'] as const;

export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** An address as the API gives it: any part may be missing. */
export type AddressData = Partial<Record<AddressPart, string | null>>;

/** An address as the form edits it: every part a string, '' for none. */
export type AddressValues = Record<AddressPart, string>;

/** The API's limits on each part. */
const MAX: Record<Exclude<AddressPart, 'country'>, number> = { line1: 300, line2: 300, city: 200, postalCode: 20, region: 200 };

export const EMPTY_ADDRESS: AddressValues = { line1: '', line2: '', city: '', postalCode: '', region: '', country: '' };

export function addressValues(address: AddressData | null | undefined): AddressValues {
  return {
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    postalCode: address?.postalCode ?? '',
    region: address?.region ?? '',
    country: address?.country ?? '',
  };
}

/** The address as the API wants it (trimmed, the country in capitals); null when every part is empty. */
export function addressInput(values: AddressValues): AddressInput | null {
  const input: AddressInput = {};
  let any = false;
  for (const part of ADDRESS_PARTS) {
    const text = values[part].trim();
    if (text === '') continue;
    input[part] = part === 'country' ? text.toUpperCase() : text;
    any = true;
  }
  return any ? input : null;
}

/** Whether two addresses say the same once cleaned (an update sends the address only when it changed). */
export function sameAddress(a: AddressValues, b: AddressValues): boolean {
  return JSON.stringify(addressInput(a)) === JSON.stringify(addressInput(b));
}

/** Whether an address from the API has anything in it. */
export function hasAddress(address: AddressData | null | undefined): boolean {
  return addressInput(addressValues(address)) !== null;
}

/**
 * The API's checks, before a round trip: lengths, a country once any other part is given, and a
 * postal code in the country's format (the same rules, from the same library, as the API's).
 * Keys are form paths under `prefix` ("address.postalCode").
 */
export function addressErrors(t: TFunction, values: AddressValues, prefix: string): Record<string, string | null> {
  const errors: Record<string, string | null> = {};
  for (const part of ADDRESS_PARTS) {
    if (part !== 'country') errors[`${prefix}.${part}`] = optionalText(t, MAX[part])(values[part]);
  }
  const country = values.country.trim().toUpperCase();
  const others = ADDRESS_PARTS.some((part) => part !== 'country' && values[part].trim() !== '');
  errors[`${prefix}.country`] = country === '' && others ? t('crm.address.countryRequired') : null;
  const postal = values.postalCode.trim().toUpperCase();
  if (country !== '' && postal !== '' && !errors[`${prefix}.postalCode`] && postcodeValidatorExistsForCountry(country) && !postcodeValidator(postal, country)) {
    errors[`${prefix}.postalCode`] = t('errors.reason.INVALID_POSTAL_CODE');
  }
  return errors;
}
