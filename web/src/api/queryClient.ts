import { QueryClient } from '@tanstack/react-query';
import { retryDelay, retryMutation, retryQuery } from './retryPolicy';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: retryQuery, retryDelay, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: retryMutation, retryDelay },
    },
  });
}
