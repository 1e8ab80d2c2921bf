import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../cases/queries';
import { notificationKeys } from '../notifications/queries';
import { type TaskBoardFilters, taskApi } from './api';

export const taskKeys = {
  all: ['tasks'] as const,
  board: (filters: TaskBoardFilters) => [...taskKeys.all, 'board', filters] as const,
};

export function useTaskBoard(filters: TaskBoardFilters) {
  return useQuery({ queryKey: taskKeys.board(filters), queryFn: () => taskApi.board(filters), placeholderData: keepPreviousData });
}

/** Done tasks leave the board, and a case is no longer overdue once its last late task is done. */
export function useSetTaskDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => taskApi.setDone(id, done),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: taskKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.lists }),
        queryClient.invalidateQueries({ queryKey: notificationKeys.unread }),
      ]),
  });
}
