import type { MeetingDetail } from '@seamless/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MeetingWhen, meetingApi } from './api';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (when: MeetingWhen, caseId?: string) => [...meetingKeys.all, 'list', when, caseId ?? null] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
};

export function useMeetings(when: MeetingWhen, caseId?: string) {
  return useQuery({ queryKey: meetingKeys.list(when, caseId), queryFn: () => meetingApi.list(when, caseId) });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => meetingApi.detail(id) });
}

/**
 * Every change answers with the whole meeting as the reader may see it, which replaces the cached
 * one; lists and tasks are read again (actions become tasks).
 */
export function useMeetingChange<Variables>(change: (variables: Variables) => Promise<MeetingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: [...meetingKeys.all, 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
    },
  });
}
