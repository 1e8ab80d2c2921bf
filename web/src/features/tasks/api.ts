import type { CaseTask } from '@seamless/contracts';
import { api } from '../../api/client';

/** `mine`: tasks assigned to me, or on cases I own; `team`: my agency's. */
export type TaskScope = 'mine' | 'team';

export const taskApi = {
  list: (scope: TaskScope) => api.get<{ items: CaseTask[] }>('/api/tasks', { query: { scope } }),
  setDone: (id: string, done: boolean) => api.patch<CaseTask>(`/api/tasks/${encodeURIComponent(id)}`, { done }),
};
