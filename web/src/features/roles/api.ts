import type { Role, roleCreateSchema, roleUpdateSchema } from '@seamless/contracts';
import { api } from '../../api/client';
import type { RequestBody } from '../../api/types';

export type RoleCreate = RequestBody<typeof roleCreateSchema>;
export type RoleUpdate = RequestBody<typeof roleUpdateSchema>;

export const roleApi = {
  list: () => api.get<{ items: Role[] }>('/api/admin/roles'),
  create: (body: RoleCreate) => api.post<Role>('/api/admin/roles', body),
  update: (id: string, body: RoleUpdate) => api.patch<Role>(`/api/admin/roles/${encodeURIComponent(id)}`, body),
};
