import { queryOptions } from '@tanstack/react-query';
import { fetchMe } from './api';

export const meQueryKey = ['auth', 'me'] as const;

/**
 * The session is the server's to judge; the cached answer is reused by route guards and only
 * replaced when something changes it (sign-in, preferences, sign-out, a 401).
 */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: fetchMe,
  staleTime: Number.POSITIVE_INFINITY,
});
