import type { Notification } from '@seamless/contracts';

/**
 * Where a notice leads: its case when the reader may open it. A notice about a case not (yet)
 * shared with the reader's agency, or about no case (a directory contact), opens nothing.
 */
export function noticeTarget(notice: Pick<Notification, 'caseId' | 'caseReference'>): { caseId: string } | null {
  return notice.caseId && notice.caseReference ? { caseId: notice.caseId } : null;
}

/** Unread first, then newest: the server's order, kept when a page is merged or marked locally. */
export function byUnreadThenNewest(a: Notification, b: Notification): number {
  if ((a.readAt === null) !== (b.readAt === null)) return a.readAt === null ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}

/** The badge shows at most two digits: "99+" says enough. */
export const badgeCount = (unread: number) => (unread > 99 ? '99+' : String(unread));
