import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseRecordKeys } from '../caseRecord/queries';
import { type AssessmentBody, assessmentsApi, type InstrumentBody, type InstrumentUpdateBody } from './api';

const INSTRUMENTS_KEY = ['assessment-instruments'] as const;

export function useInstruments() {
  return useQuery({ queryKey: INSTRUMENTS_KEY, queryFn: assessmentsApi.instruments, staleTime: 10 * 60 * 1000 });
}

export function useAssessments(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'assessments'), queryFn: () => assessmentsApi.list(caseId) });
}

export function useAssessmentTrend(caseId: string) {
  return useQuery({ queryKey: caseRecordKeys.part(caseId, 'assessments', 'trend'), queryFn: () => assessmentsApi.trend(caseId) });
}

export function useRecordAssessment(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentBody) => assessmentsApi.record(caseId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: caseRecordKeys.part(caseId, 'assessments') }),
  });
}

function useInstrumentMutation<Variables>(mutationFn: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: INSTRUMENTS_KEY }) });
}

export const useSaveInstrument = () => useInstrumentMutation((body: InstrumentBody) => assessmentsApi.saveInstrument(body));
export const useUpdateInstrument = () =>
  useInstrumentMutation(({ id, body }: { id: string; body: InstrumentUpdateBody }) => assessmentsApi.updateInstrument(id, body));
