import { NOTIFICATION_KINDS, type Notification, SUPPORTED_LOCALES } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { badgeCount, byUnreadThenNewest, noticeTarget } from './noticeView';

const catalogues = import.meta.glob<{ notifications: Record<string, unknown> }>('../../locales/*/notifications.json', {
  eager: true,
  import: 'default',
});

const notice = (over: Partial<Notification>): Notification => ({
  id: crypto.randomUUID(),
  kind: 'task_due',
  caseId: null,
  caseReference: null,
  subjectId: null,
  dueOn: null,
  createdAt: '2026-12-05T10:00:00.000Z',
  readAt: null,
  ...over,
});

describe('notices', () => {
  it('lead to their case only when the reader may open it', () => {
    const caseId = crypto.randomUUID();
    expect(noticeTarget(notice({ caseId, caseReference: 'TH-2026-0001' }))).toEqual({ page: 'case', caseId });
    expect(noticeTarget(notice({ caseId, caseReference: null }))).toBeNull();
    expect(noticeTarget(notice({}))).toBeNull();
  });

  it('about a repatriation lead to it, even before a case exists here; a rejected packet leads to the delivery monitor', () => {
    const repatriationId = crypto.randomUUID();
    expect(noticeTarget(notice({ kind: 'repatriation_received', subjectId: repatriationId }))).toEqual({
      page: 'repatriation',
      repatriationId,
    });
    expect(
      noticeTarget(notice({ kind: 'repatriation_updated', subjectId: repatriationId, caseId: crypto.randomUUID(), caseReference: 'TH-1' })),
    ).toEqual({ page: 'repatriation', repatriationId });
    expect(noticeTarget(notice({ kind: 'packet_rejected', subjectId: crypto.randomUUID() }))).toEqual({ page: 'deliveries' });
  });

  it('about a forgotten password lead to the people asking, on the users page', () => {
    expect(noticeTarget(notice({ kind: 'password_reset_requested', subjectId: crypto.randomUUID() }))).toEqual({ page: 'resetRequests' });
  });

  it('sort unread first, then newest', () => {
    const oldUnread = notice({ createdAt: '2026-12-01T00:00:00.000Z' });
    const newRead = notice({ createdAt: '2026-12-05T00:00:00.000Z', readAt: '2026-12-05T01:00:00.000Z' });
    const newUnread = notice({ createdAt: '2026-12-04T00:00:00.000Z' });
    expect([newRead, oldUnread, newUnread].sort(byUnreadThenNewest)).toEqual([newUnread, oldUnread, newRead]);
  });

  it('cap the badge at 99+', () => {
    expect(badgeCount(7, 'en')).toBe('7');
    expect(badgeCount(7, 'my')).toBe('၇');
    expect(badgeCount(120, 'en')).toBe('99+');
    expect(badgeCount(120, 'my')).toBe('၉၉+');
  });

  it.each(SUPPORTED_LOCALES)('are labelled for every kind in %s', (locale) => {
    const catalogue = catalogues[`../../locales/${locale}/notifications.json`]?.notifications;
    const kinds = (catalogue?.kind ?? {}) as Record<string, string>;
    expect(NOTIFICATION_KINDS.filter((kind) => !kinds[kind]?.trim())).toEqual([]);
    if (locale !== 'en') expect(kinds.task_due).not.toBe(catalogues['../../locales/en/notifications.json']?.notifications.kind);
  });
});
