import type { Page, User, userCreateSchema, userUpdateSchema } from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type UserCreate = RequestBody<typeof userCreateSchema>;
export type UserUpdate = RequestBody<typeof userUpdateSchema>;

export interface UserListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  agencyId?: string;
  resetRequested?: true;
}

export const userApi = {
  list: (query: UserListQuery) => api.get<Page<User>>('/api/admin/users', { query: { ...query } }),
  create: (body: UserCreate) => api.post<User>('/api/admin/users', body),
  update: (id: string, body: UserUpdate) => api.patch<User>(`/api/admin/users/${encodeURIComponent(id)}`, body),
};
