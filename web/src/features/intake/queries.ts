import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type CaseCreate, caseApi } from '../cases/api';
import { caseKeys } from '../cases/queries';
import { matchKeys } from '../matching/queries';
import { taskKeys } from '../tasks/queries';

/** Opens a case from an intake; the caseload, the tasks and the possible matches all change with it. */
export function useCreateCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseCreate) => caseApi.create(body),
    onSuccess: (detail) => {
      queryClient.setQueryData(caseKeys.detail(detail.id), detail);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.removeQueries({ queryKey: matchKeys.all }),
      ]);
    },
  });
}
