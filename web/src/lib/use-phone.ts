import { useMediaQuery } from '@mantine/hooks';

/**
 * Phone-sized screens: below Mantine's `sm` breakpoint (48em), exactly where the shell folds its
 * navigation behind the menu button; lists become cards. Known from the first render, so a phone
 * never flashes a table.
 */
export const PHONE_QUERY = '(max-width: 47.99em)';

export function usePhone(): boolean {
  return useMediaQuery(PHONE_QUERY, window.matchMedia(PHONE_QUERY).matches, { getInitialValueInEffect: false });
}
