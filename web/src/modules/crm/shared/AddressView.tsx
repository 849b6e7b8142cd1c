import { Stack, Text } from '@mantine/core';
import type { AddressData } from './address';
import { useCountryName } from './countries';

/** An address as it is written on an envelope: street, building, postal code and city, region, country. */
export function AddressView({ address }: { address: AddressData }) {
  const countryName = useCountryName();
  const lines = [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, countryName(address.country)].filter(
    (line): line is string => typeof line === 'string' && line.trim() !== '',
  );
  return (
    <Stack gap={0} component="address" style={{ fontStyle: 'normal' }}>
      {lines.map((line, index) => (
        <Text key={index} fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** "Bucharest, Romania": where a customer is, in one short line; null when nothing is known. */
export function usePlace(): (address: AddressData | null | undefined) => string | null {
  const countryName = useCountryName();
  return (address) => {
    const parts = [address?.city, countryName(address?.country)].filter((part): part is string => typeof part === 'string' && part.trim() !== '');
    return parts.length > 0 ? parts.join(', ') : null;
  };
}
