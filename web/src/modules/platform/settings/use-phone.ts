import { useMediaQuery } from '@mantine/hooks';

const PHONE = '(max-width: 48em)';

/** True on phone-sized screens, where lists become cards; known from the first render. */
export function usePhone(): boolean {
  return useMediaQuery(PHONE, window.matchMedia(PHONE).matches, { getInitialValueInEffect: false });
}
