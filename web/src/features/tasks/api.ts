import type { CaseTask, CaseTaskKind, TaskBoard, TaskScope } from '@seamless/contracts';
import { api } from '../../api/client';

export type TaskBoardFilters = { scope: TaskScope; overdue: boolean; kind: CaseTaskKind | null; cases: number };

export const taskApi = {
  /** `mine`: tasks assigned to me, or on cases I own; `team`: my agency's. One card per case. */
  board: ({ scope, overdue, kind, cases }: TaskBoardFilters) =>
    api.get<TaskBoard>('/api/tasks/board', { query: { scope, overdue: overdue ? 'true' : undefined, kind, cases } }),
  setDone: (id: string, done: boolean) => api.patch<CaseTask>(`/api/tasks/${encodeURIComponent(id)}`, { done }),
};
