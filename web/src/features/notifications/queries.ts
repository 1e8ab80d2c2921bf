import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationApi } from './api';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (pageSize: number) => ['notifications', 'list', pageSize] as const,
  preferences: ['notifications', 'preferences'] as const,
  demoMail: ['notifications', 'demo-mail'] as const,
};

/** The header polls this: a count, once a minute and whenever the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: notificationApi.unreadCount,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useNotifications(pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: notificationKeys.list(pageSize),
    queryFn: () => notificationApi.list(1, pageSize),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => notificationApi.markRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: notificationApi.markAllRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useDigestPreference() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: notificationApi.preferences });
}

export function useSetDigestPreference() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (dailyDigest: boolean) => notificationApi.setPreferences({ dailyDigest }),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}

export function useDemoMail() {
  return useQuery({ queryKey: notificationKeys.demoMail, queryFn: notificationApi.demoMail, retry: false });
}
