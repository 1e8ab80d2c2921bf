import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi } from '../auth/api';
import { meQueryKey } from '../auth/meQuery';

const sessionsKey = ['auth', 'sessions'] as const;

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: authApi.sessions });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: authApi.changePassword,
    // The server may end the other sessions when a password changes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Second-factor changes alter what /me reports, so it is read again afterwards. */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: meQueryKey });
}

export function useDisableSecondFactor() {
  const refreshMe = useRefreshMe();
  return useMutation({ mutationFn: authApi.disableSecondFactor, onSuccess: refreshMe });
}
