import type { BreakGlassGrant, Page } from '@seamless/contracts';
import { api } from '../../api/client';
import type { BreakGlassSearch } from './breakGlassSearch';

export const BREAK_GLASS_PAGE_SIZE = 25;

export const breakGlassApi = {
  list: ({ page, status }: BreakGlassSearch) =>
    api.get<Page<BreakGlassGrant>>('/api/admin/break-glass', {
      query: { page, pageSize: BREAK_GLASS_PAGE_SIZE, active: status === undefined ? undefined : status === 'active' },
    }),
};
