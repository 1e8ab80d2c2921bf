import type { Notification, NotificationKind, NotificationPage } from '@seamless/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { notificationKeys } from '../notifications/queries';

/** Enough unread notices for one screen; the bell holds the rest. */
const ARRIVALS = 50;

/**
 * What arrived since the reader last looked: the notices she has not read yet. The server keeps
 * them per user with their read time, so "since the last visit" survives devices and sign-outs.
 */
export function useArrivals() {
  return useQuery({
    queryKey: [...notificationKeys.all, 'arrivals'],
    queryFn: () => api.get<NotificationPage>('/api/notifications', { query: { unread: 'true', pageSize: ARRIVALS } }),
  });
}

export interface ArrivedCase {
  id: string;
  caseId: string;
  caseReference: string;
}

/**
 * The notices by kind, in the order of each kind's newest notice (the server sends newest first),
 * with the cases they concern where the reader may open them.
 */
export function arrivalsByKind(notices: readonly Notification[]): { kind: NotificationKind; count: number; cases: ArrivedCase[] }[] {
  const byKind = new Map<NotificationKind, { count: number; cases: ArrivedCase[] }>();
  for (const { id, kind, caseId, caseReference } of notices) {
    const entry = byKind.get(kind) ?? { count: 0, cases: [] };
    entry.count++;
    if (caseId && caseReference) entry.cases.push({ id, caseId, caseReference });
    byKind.set(kind, entry);
  }
  return [...byKind.entries()].map(([kind, entry]) => ({ kind, ...entry }));
}
