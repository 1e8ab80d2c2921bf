import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseRecordKeys } from '../caseRecord/queries';
import { type CareActionUpdateBody, type CarePlanBody, type CareServiceBody, carePlanApi } from './api';

export function useCarePlan(caseId: string, version: number | undefined, enabled: boolean) {
  return useQuery({
    queryKey: caseRecordKeys.part(caseId, 'carePlan', version ?? 'current'),
    queryFn: () => carePlanApi.get(caseId, version),
    enabled,
  });
}

/** A plan change can add or close tasks on the case, so the whole case is read again. */
function useCareMutation<Variables>(mutationFn: (variables: Variables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: caseRecordKeys.all }) });
}

export const useReviseCarePlan = (caseId: string) => useCareMutation((body: CarePlanBody) => carePlanApi.revise(caseId, body));
export const useUpdateCareAction = (caseId: string) =>
  useCareMutation(({ actionId, body }: { actionId: string; body: CareActionUpdateBody }) =>
    carePlanApi.updateAction(caseId, actionId, body),
  );
export const useRecordCareService = (caseId: string) => useCareMutation((body: CareServiceBody) => carePlanApi.recordService(caseId, body));
