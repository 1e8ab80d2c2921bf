import type { DraftKey } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import { DraftStore, importDraftKey } from './draftStore';

/**
 * This user's draft store, once her key has arrived (null before, and when the key cannot be had:
 * then forms work as before, without drafts). The key lives only in the query cache, in memory,
 * and goes with it on sign-out.
 */
export function useDraftStore(userId: string): DraftStore | null {
  const key = useQuery({
    queryKey: ['auth', 'draft-key', userId],
    queryFn: async () => importDraftKey((await api.get<DraftKey>('/api/auth/draft-key')).key),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
  });
  return useMemo(() => (key.data ? new DraftStore(window.localStorage, key.data) : null), [key.data]);
}
