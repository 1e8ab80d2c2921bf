import type { userGroupSchema } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../api/client';
import type { ResponseBody } from '../../api/types';

type UserGroup = ResponseBody<typeof userGroupSchema>;

/** The groups of one agency, as options for a user's group memberships. */
export function useGroupOptions(agencyId: string | null) {
  const { data } = useQuery({
    queryKey: ['groups', agencyId] as const,
    queryFn: () => api.get<{ items: UserGroup[] }>('/api/admin/groups', { query: { agencyId } }),
    enabled: agencyId !== null,
  });
  return useMemo(() => (data?.items ?? []).map((group) => ({ value: group.id, label: group.name })), [data]);
}
