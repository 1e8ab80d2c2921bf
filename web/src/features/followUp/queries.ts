import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseRecordKeys } from '../caseRecord/queries';
import {
  type FollowUpCloseBody,
  type FollowUpPolicyBody,
  type FollowUpPolicyUpdateBody,
  type FollowUpReopenBody,
  type FollowUpRescheduleBody,
  type FollowUpStartBody,
  type FollowUpVisitBody,
  followUpApi,
} from './api';

const POLICIES_KEY = ['admin', 'follow-up-policies'] as const;

export function useCaseFollowUp(caseId: string, enabled: boolean) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'followUp'), queryFn: () => followUpApi.get(caseId), enabled });
}

/** The dates a start would plan, as the server computes them (calendar months, the country's dates). */
export function useFollowUpPreview(caseId: string, startOn: string, policyId: string | null) {
  return useQuery({
    queryKey: caseRecordKeys.part(caseId, 'followUp', 'preview', startOn, policyId),
    queryFn: () => followUpApi.preview(caseId, startOn, policyId),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(startOn),
    retry: false,
  });
}

export function useCaseAssessments(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'followUp', 'assessments'), queryFn: () => followUpApi.assessments(caseId) });
}

/** Follow-up changes the case's status and tasks too, so the whole case is read again. */
function useFollowUpMutation<Variables>(mutationFn: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: caseRecordKeys.all }) });
}

export const useStartFollowUp = (caseId: string) => useFollowUpMutation((body: FollowUpStartBody) => followUpApi.start(caseId, body));
export const useRecordVisit = (caseId: string) => useFollowUpMutation((body: FollowUpVisitBody) => followUpApi.recordVisit(caseId, body));
export const useRescheduleVisit = (caseId: string) =>
  useFollowUpMutation(({ visitId, body }: { visitId: string; body: FollowUpRescheduleBody }) =>
    followUpApi.reschedule(caseId, visitId, body),
  );
export const useCloseFollowUp = (caseId: string) => useFollowUpMutation((body: FollowUpCloseBody) => followUpApi.close(caseId, body));
export const useReopenFollowUp = (caseId: string) => useFollowUpMutation((body: FollowUpReopenBody) => followUpApi.reopen(caseId, body));

export function useFollowUpPolicies() {
  return useQuery({ queryKey: POLICIES_KEY, queryFn: followUpApi.policies });
}

function usePolicyMutation<Variables>(mutationFn: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: POLICIES_KEY }) });
}

export const useAddPolicy = () => usePolicyMutation((body: FollowUpPolicyBody) => followUpApi.addPolicy(body));
export const useUpdatePolicy = () =>
  usePolicyMutation(({ id, body }: { id: string; body: FollowUpPolicyUpdateBody }) => followUpApi.updatePolicy(id, body));
