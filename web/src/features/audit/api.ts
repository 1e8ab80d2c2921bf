import type { AuditEvent, auditVerifySchema, Page } from '@seamless/contracts';
import { api } from '../../api/client';
import type { ResponseBody } from '../../api/types';
import type { AuditSearch } from './auditSearch';

export type AuditVerification = ResponseBody<typeof auditVerifySchema>;

export const AUDIT_PAGE_SIZE = 50;

/** The first instant of a calendar day in the reader's time zone, as the server's ISO instant. */
function startOfDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(year ?? 0, (month ?? 1) - 1, day ?? 1).toISOString();
}

/** The last instant of a calendar day, so that "to" includes the whole day the reader picked. */
function endOfDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Date(new Date(year ?? 0, (month ?? 1) - 1, (day ?? 1) + 1).getTime() - 1).toISOString();
}

export const auditApi = {
  list: ({ page, action, outcome, resourceType, from, to }: AuditSearch) =>
    api.get<Page<AuditEvent>>('/api/admin/audit', {
      query: {
        page,
        pageSize: AUDIT_PAGE_SIZE,
        action,
        outcome,
        resourceType,
        from: from && startOfDay(from),
        to: to && endOfDay(to),
      },
    }),
  verify: () => api.get<AuditVerification>('/api/admin/audit/verify'),
};
