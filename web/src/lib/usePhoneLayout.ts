import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em, 768 px) tables give way to cards and filters fold away. */
export const PHONE_QUERY = '(max-width: 47.99em)';

/** Read on the first render, not after it, so a phone never flashes the desktop table first. */
export function usePhoneLayout(): boolean {
  return useMediaQuery(PHONE_QUERY, undefined, { getInitialValueInEffect: false }) ?? false;
}
