import type { RecordSection, SpokenLanguage } from '@seamless/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type BreakGlassBody,
  type CaseUpdateBody,
  type CommentBody,
  type ConsentBody,
  type ConsentWithdrawBody,
  caseRecordApi,
  type InterpreterUpdateBody,
  type InterviewBody,
  type InterviewUpdateBody,
  type PerpetratorBody,
  type PersonUpdateBody,
  type PrescreeningBody,
  type ShareBody,
  type StatusDecisionBody,
  type TraffickingEventBody,
  type VictimContextBody,
} from './api';

/**
 * Everything about one case sits under the caseload's `['cases']` root, so a change here also
 * refreshes the lists (status, owner, updated time) and a list refresh never shows a stale case.
 */
export const caseRecordKeys = {
  all: ['cases'] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
  part: (caseId: string, part: string, ...rest: unknown[]) => ['cases', 'detail', caseId, part, ...rest] as const,
};

const AGENCY_DIRECTORY_KEY = ['agencies', 'directory'] as const;

export function useCaseDetail(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.detail(caseId), queryFn: () => caseRecordApi.detail(caseId) });
}

export function useAgencyDirectory() {
  return useQuery({ queryKey: AGENCY_DIRECTORY_KEY, queryFn: caseRecordApi.agencies, staleTime: 10 * 60 * 1000 });
}

export function useTraffickingEvents(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'events'), queryFn: () => caseRecordApi.events(caseId) });
}

export function usePerpetrators(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'perpetrators'), queryFn: () => caseRecordApi.perpetrators(caseId) });
}

export function useIdentification(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'identification'), queryFn: () => caseRecordApi.identification(caseId) });
}

export function useConsents(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'consents'), queryFn: () => caseRecordApi.consents(caseId) });
}

export function useShares(caseId: string, enabled: boolean) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'shares'), queryFn: () => caseRecordApi.shares(caseId), enabled });
}

export function useComments(caseId: string, page: number) {
  return useQuery({
    queryKey: caseRecordKeys.part(caseId, 'comments', page),
    queryFn: () => caseRecordApi.comments(caseId, page),
    placeholderData: keepPreviousData,
  });
}

export function useAttachments(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'attachments'), queryFn: () => caseRecordApi.attachments(caseId) });
}

export function useTimeline(caseId: string, page: number) {
  return useQuery({
    queryKey: caseRecordKeys.part(caseId, 'timeline', page),
    queryFn: () => caseRecordApi.timeline(caseId, page),
    placeholderData: keepPreviousData,
  });
}

/**
 * A mutation on the case: afterwards the whole case (detail, its parts, its timeline) and the
 * caseload lists are read again, since most changes touch the version, the status or the timeline.
 */
function useCaseMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseRecordKeys.all }),
  });
}

export const useUpdateCase = (caseId: string) => useCaseMutation((body: CaseUpdateBody) => caseRecordApi.update(caseId, body));
export const useUpdatePerson = (caseId: string) => useCaseMutation((body: PersonUpdateBody) => caseRecordApi.updatePerson(caseId, body));
export const useSaveVictimContext = (caseId: string) =>
  useCaseMutation((body: VictimContextBody) => caseRecordApi.saveVictimContext(caseId, body));
export const useAddEvent = (caseId: string) => useCaseMutation((body: TraffickingEventBody) => caseRecordApi.addEvent(caseId, body));
export const useRemoveEvent = (caseId: string) => useCaseMutation((eventId: string) => caseRecordApi.removeEvent(caseId, eventId));
export const useAddPerpetrator = (caseId: string) => useCaseMutation((body: PerpetratorBody) => caseRecordApi.addPerpetrator(caseId, body));
export const useRemovePerpetrator = (caseId: string) =>
  useCaseMutation((perpetratorId: string) => caseRecordApi.removePerpetrator(caseId, perpetratorId));
export const useAddPrescreening = (caseId: string) =>
  useCaseMutation((body: PrescreeningBody) => caseRecordApi.addPrescreening(caseId, body));

/**
 * A new interview, and the interpreter it needs asked for in the same step. The interview is
 * kept even when the interpreter request fails; that failure is returned for the page to show,
 * so a retry asks for the interpreter again rather than recording the interview twice.
 */
export const useAddInterview = (caseId: string) =>
  useCaseMutation(async ({ body, interpreterLanguage }: { body: InterviewBody; interpreterLanguage: SpokenLanguage | null }) => {
    const interview = await caseRecordApi.addInterview(caseId, body);
    let interpreterError: unknown = null;
    if (interpreterLanguage) {
      try {
        await caseRecordApi.requestInterpreter(caseId, interview.id, { language: interpreterLanguage });
      } catch (error) {
        interpreterError = error;
      }
    }
    return { interview, interpreterError };
  });

export const useUpdateInterview = (caseId: string) =>
  useCaseMutation(({ interviewId, body }: { interviewId: string; body: InterviewUpdateBody }) =>
    caseRecordApi.updateInterview(caseId, interviewId, body),
  );
export const useRequestInterpreter = (caseId: string) =>
  useCaseMutation(({ interviewId, language }: { interviewId: string; language: SpokenLanguage }) =>
    caseRecordApi.requestInterpreter(caseId, interviewId, { language }),
  );
export const useUpdateInterpreterRequest = (caseId: string) =>
  useCaseMutation(({ requestId, body }: { requestId: string; body: InterpreterUpdateBody }) =>
    caseRecordApi.updateInterpreterRequest(caseId, requestId, body),
  );
export const useDecideStatus = (caseId: string) => useCaseMutation((body: StatusDecisionBody) => caseRecordApi.decideStatus(caseId, body));
export const useAddConsent = (caseId: string) => useCaseMutation((body: ConsentBody) => caseRecordApi.addConsent(caseId, body));
export const useWithdrawConsent = (caseId: string) =>
  useCaseMutation(({ consentId, body }: { consentId: string; body: ConsentWithdrawBody }) =>
    caseRecordApi.withdrawConsent(caseId, consentId, body),
  );
export const useShareCase = (caseId: string) => useCaseMutation((body: ShareBody) => caseRecordApi.share(caseId, body));
export const useUnshareCase = (caseId: string) => useCaseMutation((agencyId: string) => caseRecordApi.unshare(caseId, agencyId));
export const useBreakGlass = (caseId: string) => useCaseMutation((body: BreakGlassBody) => caseRecordApi.breakGlass(caseId, body));
export const useAddComment = (caseId: string) => useCaseMutation((body: CommentBody) => caseRecordApi.addComment(caseId, body));
export const useUploadAttachment = (caseId: string) =>
  useCaseMutation(({ file, section }: { file: File; section: RecordSection }) => caseRecordApi.upload(caseId, file, section));

export const useMergePerson = (personId: string) =>
  useCaseMutation((mergedPersonId: string) => caseRecordApi.mergePerson(personId, mergedPersonId));

/** Downloads are not cached data, only a pending state and an error to show. */
export function useDownload<Variables>(download: (variables: Variables) => Promise<void>) {
  return useMutation({ mutationFn: download });
}
