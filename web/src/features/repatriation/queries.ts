import type { RepatriationRequestInput, RepatriationSide, RepatriationStatus } from '@seamless/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isConflict } from '../caseRecord/problems';
import { caseRecordKeys } from '../caseRecord/queries';
import { type MeetingNotesBody, type RepatriationStep, repatriationApi } from './api';

const REPATRIATIONS_KEY = ['repatriations'] as const;

const repatriationKeys = {
  all: REPATRIATIONS_KEY,
  list: (side: RepatriationSide, status: RepatriationStatus | null) => [...REPATRIATIONS_KEY, 'list', side, status] as const,
  detail: (id: string) => [...REPATRIATIONS_KEY, 'detail', id] as const,
};

/** Partners change when an administrator registers or suspends one, not while a form is open. */
export function usePartnerChoices(enabled = true) {
  return useQuery({ queryKey: ['federation', 'partners'], queryFn: repatriationApi.partners, staleTime: 5 * 60 * 1000, enabled });
}

export function useRepatriations(side: RepatriationSide, status: RepatriationStatus | null) {
  return useQuery({ queryKey: repatriationKeys.list(side, status), queryFn: () => repatriationApi.list(side, status) });
}

export function useRepatriation(id: string) {
  return useQuery({ queryKey: repatriationKeys.detail(id), queryFn: () => repatriationApi.detail(id) });
}

export function useCaseRepatriations(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'repatriations'), queryFn: () => repatriationApi.ofCase(caseId) });
}

/**
 * A step changes the repatriation, its lists, the case it belongs to (a new case when one is
 * opened here) and the notices: all are read again.
 */
function useRepatriationMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // A step refused as out of order means the page is behind: read the repatriation again.
    onError: (error) => (isConflict(error) ? queryClient.invalidateQueries({ queryKey: REPATRIATIONS_KEY }) : undefined),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: REPATRIATIONS_KEY }),
        queryClient.invalidateQueries({ queryKey: caseRecordKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]);
    },
  });
}

export const useRequestRepatriation = (caseId: string) =>
  useRepatriationMutation((body: RepatriationRequestInput) => repatriationApi.request(caseId, body));

export const useRepatriationStep = (id: string) => useRepatriationMutation((step: RepatriationStep) => repatriationApi.step(id, step));

export const useSaveMeetingNotes = (id: string) =>
  useRepatriationMutation(({ meetingId, body }: { meetingId: string; body: MeetingNotesBody }) =>
    repatriationApi.meetingNotes(id, meetingId, body),
  );

export const useDownloadRepatriationFile = (id: string) =>
  useMutation({ mutationFn: (file: { index: number; fileName: string }) => repatriationApi.downloadFile(id, file) });
