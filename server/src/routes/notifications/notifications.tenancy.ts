import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { asSystem } from '../../db/actorContext.js';
import { notify } from '../../notifications/notify.js';

/** Notices are their recipient's own: no other user, of any agency, reads or marks them. */
export function notificationsMatrix(c: TenancyContext): RouteMatrix {
  const noticeForSocialworker = () =>
    asSystem(c.t.database.db, (tx) =>
      notify(tx, { kind: 'task_due', agencyId: c.agency.chiangrai, userId: c.userIds['th.socialworker'], caseId: c.caseOf[0] }),
    );
  const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
  return {
    'GET /api/notifications': {
      why: "lists the caller's own notices only; they hold kinds, ids and dates, never a name",
      anonymous: { path: '/api/notifications' },
      probe: async () => {
        await noticeForSocialworker();
        const mine = idsOf(await ok(c.socialworker.get('/api/notifications?pageSize=100')));
        expect(mine.length).toBeGreaterThan(0);
        for (const other of [c.ngo, c.agencyadmin, c.shelter, c.admin]) {
          const theirs = idsOf(await ok(other.get('/api/notifications?pageSize=100')));
          expect(theirs.filter((id) => mine.includes(id))).toEqual([]);
        }
      },
    },
    'GET /api/notifications/unread-count': {
      why: "counts the caller's own unread notices only",
      anonymous: { path: '/api/notifications/unread-count' },
      probe: async () => {
        const before = (await ok(c.ngo.get('/api/notifications/unread-count'))).unread;
        await noticeForSocialworker();
        expect((await ok(c.ngo.get('/api/notifications/unread-count'))).unread).toBe(before);
      },
    },
    'POST /api/notifications/:id/read': {
      why: "another user's notice answers 404 and stays unread",
      anonymous: { path: `/api/notifications/${UNKNOWN_ID}/read` },
      probe: async () => {
        await noticeForSocialworker();
        const [notice] = (await ok(c.socialworker.get('/api/notifications?unread=true'))).items;
        expectStatus(await c.ngo.post(`/api/notifications/${notice.id}/read`), 404, 'not_found');
        expectStatus(await c.agencyadmin.post(`/api/notifications/${notice.id}/read`), 404, 'not_found');
        const unread = idsOf(await ok(c.socialworker.get('/api/notifications?unread=true&pageSize=100')));
        expect(unread).toContain(notice.id);
      },
    },
    'POST /api/notifications/read-all': {
      why: "marks the caller's own notices only",
      anonymous: { path: '/api/notifications/read-all' },
      probe: async () => {
        await noticeForSocialworker();
        const before = (await ok(c.socialworker.get('/api/notifications/unread-count'))).unread;
        await ok(c.agencyadmin.post('/api/notifications/read-all'));
        await ok(c.ngo.post('/api/notifications/read-all'));
        expect((await ok(c.socialworker.get('/api/notifications/unread-count'))).unread).toBe(before);
      },
    },
    'GET /api/notifications/preferences': {
      why: "the caller's own digest choice, a yes or no",
      anonymous: { path: '/api/notifications/preferences' },
      probe: async () => {
        expect(Object.keys(await ok(c.ngo.get('/api/notifications/preferences')))).toEqual(['dailyDigest']);
      },
    },
    'PUT /api/notifications/preferences': {
      why: "writes the caller's own digest choice only",
      anonymous: { path: '/api/notifications/preferences', body: { dailyDigest: true } },
      probe: async () => {
        const before = await ok(c.socialworker.get('/api/notifications/preferences'));
        await ok(c.ngo.put('/api/notifications/preferences', { dailyDigest: !before.dailyDigest }));
        expect(await ok(c.socialworker.get('/api/notifications/preferences'))).toEqual(before);
      },
    },
    'GET /api/tasks/board': {
      why: "groups the caller's own agency's open tasks by case; another agency's cases never appear",
      anonymous: { path: '/api/tasks/board' },
      probe: async () => {
        expectStatus(await c.socialworker.post(`/api/cases/${c.caseOf[0]}/tasks`, { title: 'Call back', dueOn: '2026-01-01' }), 201);
        const chiangRai = await ok(c.socialworker.get('/api/tasks/board?scope=team'));
        expect(chiangRai.groups.map((group: { caseId: string }) => group.caseId)).toContain(c.caseOf[0]);
        const foreign = new Set(CHIANGRAI_ONLY.map((i) => c.caseOf[i]));
        for (const other of [c.ngo, c.shelter]) {
          const board = await ok(other.get('/api/tasks/board?scope=team'));
          expect(board.groups.filter((group: { caseId: string }) => foreign.has(group.caseId) && group.caseId !== c.caseOf[0])).toEqual([]);
          const tasks = board.groups.flatMap((group: { tasks: { title: string | null }[] }) => group.tasks);
          expect(tasks.some((task: { title: string | null }) => task.title === 'Call back')).toBe(false);
        }
        expectStatus(await c.data.get('/api/tasks/board'), 403, 'forbidden');
      },
    },
    'GET /api/admin/mail': {
      why: 'the demo mail catcher is for system administrators; the digests it keeps hold no victim data',
      anonymous: { path: '/api/admin/mail' },
      probe: async () => {
        await ok(c.admin.get('/api/admin/mail'));
        for (const other of [c.agencyadmin, c.socialworker, c.ngo, c.data])
          expectStatus(await other.get('/api/admin/mail'), 403, 'forbidden');
      },
    },
  };
}
