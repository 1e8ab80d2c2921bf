import type { MeetingDetail } from '@seamless/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type MeetingWhen, meetingApi } from './api';

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (when: MeetingWhen, caseId?: string) => [...meetingKeys.all, 'list', when, caseId ?? null] as const,
  detail: (id: string) => [...meetingKeys.all, 'detail', id] as const,
  /** Keyed by the invited agencies too: inviting another agency brings its people. */
  people: (id: string, agencyIds: readonly string[]) => [...meetingKeys.all, 'people', id, ...agencyIds] as const,
};

export function useMeetings(when: MeetingWhen, caseId?: string) {
  return useQuery({ queryKey: meetingKeys.list(when, caseId), queryFn: () => meetingApi.list(when, caseId) });
}

export function useMeeting(id: string) {
  return useQuery({ queryKey: meetingKeys.detail(id), queryFn: () => meetingApi.detail(id) });
}

/** The active accounts of the meeting's agencies, to choose attendees and action owners from. */
export function useMeetingPeople(meeting: MeetingDetail, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.people(
      meeting.id,
      meeting.invitedAgencies.map((agency) => agency.id),
    ),
    queryFn: () => meetingApi.people(meeting.id),
    enabled,
    staleTime: 60_000,
  });
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
