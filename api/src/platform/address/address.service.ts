import countries from 'i18n-iso-countries';
import { postcodeValidator, postcodeValidatorExistsForCountry } from 'postcode-validator';
import { Address } from '../../../../schema/shared/address.embeddable.js';
import { BadUserInputError } from '../../graphql/errors.js';
import type { Row } from '../../graphql/keyset.js';
import { rowText } from '../../graphql/keyset.js';
import { checkOptionalText } from '../auth/auth.service.js';
import type { AddressInput, AddressNode } from './address.types.js';

const PARTS = ['country', 'region', 'city', 'postalCode', 'line1', 'line2'] as const;
const MAX: Record<(typeof PARTS)[number], number> = { country: 2, region: 200, city: 200, postalCode: 20, line1: 300, line2: 300 };

/**
 * A checked address: parts trimmed and length-checked, the country a real ISO code (upper case),
 * the postal code in the country's format where one is known. Null input clears every part.
 */
export function checkAddress(input: AddressInput | null, path: string[]): Address {
  const address = new Address();
  if (input === null) return address;
  for (const part of PARTS) {
    if (part === 'country') continue;
    address[part] = checkOptionalText(input[part], [...path, part], MAX[part]);
  }
  const country = input.country?.trim().toUpperCase() || null;
  if (country !== null && !countries.isValid(country)) {
    throw BadUserInputError.field([...path, 'country'], 'is not an ISO 3166-1 alpha-2 country code such as RO', 'INVALID_COUNTRY');
  }
  const anyPart = PARTS.some((part) => part !== 'country' && address[part] !== null);
  if (country === null && anyPart) throw BadUserInputError.field([...path, 'country'], 'is required with the rest of the address', 'REQUIRED');
  address.country = country;
  if (country !== null && address.postalCode && postcodeValidatorExistsForCountry(country)) {
    const postal = address.postalCode.toUpperCase();
    if (!postcodeValidator(postal, country)) {
      throw BadUserInputError.field([...path, 'postalCode'], `is not a postal code of ${country}`, 'INVALID_POSTAL_CODE', { country });
    }
    address.postalCode = postal;
  }
  return address;
}

export function toAddressNode(address: Address | null | undefined): AddressNode {
  return {
    country: address?.country ?? null,
    region: address?.region ?? null,
    city: address?.city ?? null,
    postalCode: address?.postalCode ?? null,
    line1: address?.line1 ?? null,
    line2: address?.line2 ?? null,
  };
}

/** The address stored in `<prefix>country`, `<prefix>region`, … columns of a SQL row. */
export function addressFromRow(row: Row, prefix: string): AddressNode {
  return {
    country: rowText(row[`${prefix}country`]),
    region: rowText(row[`${prefix}region`]),
    city: rowText(row[`${prefix}city`]),
    postalCode: rowText(row[`${prefix}postal_code`]),
    line1: rowText(row[`${prefix}line1`]),
    line2: rowText(row[`${prefix}line2`]),
  };
}
