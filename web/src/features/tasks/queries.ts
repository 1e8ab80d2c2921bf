import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../cases/queries';
import { type TaskScope, taskApi } from './api';

export const taskKeys = {
  all: ['tasks'] as const,
  list: (scope: TaskScope) => [...taskKeys.all, scope] as const,
};

export function useTasks(scope: TaskScope) {
  return useQuery({ queryKey: taskKeys.list(scope), queryFn: () => taskApi.list(scope) });
}

/** Done tasks leave the worklist, and a case is no longer overdue once its last late task is done. */
export function useSetTaskDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => taskApi.setDone(id, done),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: taskKeys.all }), queryClient.invalidateQueries({ queryKey: caseKeys.lists })]),
  });
}
