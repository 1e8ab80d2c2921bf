import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { auditApi } from './api';
import type { AuditSearch } from './auditSearch';

export function useAuditEvents(search: AuditSearch) {
  return useQuery({
    queryKey: ['audit', 'events', search] as const,
    queryFn: () => auditApi.list(search),
    placeholderData: keepPreviousData,
  });
}

/** Verification walks the whole hash chain, so it runs only when an administrator asks. */
export function useVerifyAuditChain() {
  return useMutation({ mutationFn: auditApi.verify });
}
