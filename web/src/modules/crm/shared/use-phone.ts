import { useMediaQuery } from '@mantine/hooks';

/** True on phone-sized screens (under 48em), where lists become cards. Read at once, so a phone never flashes a table. */
export function usePhone(): boolean {
  return useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
}
