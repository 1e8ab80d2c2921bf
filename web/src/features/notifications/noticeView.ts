import type { Notification } from '@seamless/contracts';
import { formatNumber } from '../../lib/numbers';

export type NoticeTarget =
  | { page: 'case'; caseId: string }
  | { page: 'repatriation'; repatriationId: string }
  | { page: 'crossBorderReferral'; referralId: string }
  | { page: 'deliveries' }
  | { page: 'resetRequests' };

/**
 * Where a notice leads. A repatriation notice opens the repatriation (its subject), which an
 * incoming request has before any case exists here; a notice about a referral across a border
 * opens that referral, which the receiving side holds without any case; a rejected packet opens
 * the delivery monitor; any other notice opens its case when the reader may. A notice about a case not (yet) shared with
 * the reader's agency, or about no case (a directory contact), opens nothing.
 */
export function noticeTarget(notice: Pick<Notification, 'kind' | 'caseId' | 'caseReference' | 'subjectId'>): NoticeTarget | null {
  if ((notice.kind === 'repatriation_received' || notice.kind === 'repatriation_updated') && notice.subjectId) {
    return { page: 'repatriation', repatriationId: notice.subjectId };
  }
  if ((notice.kind === 'cross_border_referral_received' || notice.kind === 'cross_border_referral_updated') && notice.subjectId) {
    return { page: 'crossBorderReferral', referralId: notice.subjectId };
  }
  if (notice.kind === 'packet_rejected') return { page: 'deliveries' };
  // Who asked is shown on the users page, not in the notice: a notice names nobody.
  if (notice.kind === 'password_reset_requested') return { page: 'resetRequests' };
  return notice.caseId && notice.caseReference ? { page: 'case', caseId: notice.caseId } : null;
}

/** Unread first, then newest: the server's order, kept when a page is merged or marked locally. */
export function byUnreadThenNewest(a: Notification, b: Notification): number {
  if ((a.readAt === null) !== (b.readAt === null)) return a.readAt === null ? -1 : 1;
  return b.createdAt.localeCompare(a.createdAt);
}

/** The badge shows at most two digits, the reader's: "99+" says enough. */
export const badgeCount = (unread: number, locale: string) => (unread > 99 ? `${formatNumber(99, locale)}+` : formatNumber(unread, locale));
