import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { localToday } from '../../followUp/schedule.js';

const today = () => localToday('TH', new Date());

/** Worklists and saved filters: an agency's tasks stay its own; a user's filters stay theirs. */
export function caseWorkMatrix(c: TenancyContext): RouteMatrix {
  return {
    'GET /api/agencies': {
      why: 'the agency directory holds organisational names only, no person and no account',
      anonymous: { path: '/api/agencies' },
      probe: async () => {
        const directory = await ok(c.ngo.get('/api/agencies'));
        expect(directory.items.map((agency: { id: string }) => agency.id)).toEqual(expect.arrayContaining(Object.values(c.agency)));
        for (const entry of directory.items)
          expect(Object.keys(entry).sort()).toEqual(['acronym', 'agencyFunction', 'countryCode', 'id', 'localName', 'name', 'province']);
      },
    },
    'GET /api/tasks': {
      why: "lists the caller's own agency's tasks only, never another agency's deadlines",
      anonymous: { path: '/api/tasks' },
      probe: async () => {
        const chiangRai = await ok(c.socialworker.get('/api/tasks?scope=team&includeDone=true'));
        expect(chiangRai.items.length).toBeGreaterThan(0);
        const ngo = await ok(c.ngo.get('/api/tasks?scope=team&includeDone=true'));
        const foreign = new Set(CHIANGRAI_ONLY.map((i) => c.caseOf[i]));
        expect(ngo.items.filter((task: { caseId: string }) => foreign.has(task.caseId))).toEqual([]);
        expectStatus(await c.data.get('/api/tasks'), 403, 'forbidden');
      },
    },
    'POST /api/cases/:id/tasks': {
      why: 'only agencies working on the case add tasks to it, and only roles that do case work (case:update)',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/tasks`, body: { title: 'x', dueOn: '2030-01-01' } },
      probe: async () => {
        const body = { title: 'Call the family', dueOn: today() };
        expectStatus(await c.ngo.post(`/api/cases/${c.caseOf[0]}/tasks`, body), 404, 'not_found');
        expectStatus(await c.data.post(`/api/cases/${c.caseOf[0]}/tasks`, body), 403, 'forbidden');
        // The psychologist's agency (the shelter) works on the case, but her role only reads it.
        expectStatus(await c.psychologist.post(`/api/cases/${c.caseOf[0]}/tasks`, body), 403, 'forbidden');
        const planted = expectStatus(
          await c.socialworker.post(`/api/cases/${c.caseOf[0]}/tasks`, { ...body, assigneeUserId: c.userIds['th.ngo'] }),
          422,
          'invalid_reference',
        );
        expect(planted.errors[0].path).toBe('assigneeUserId');
      },
    },
    'PATCH /api/tasks/:id': {
      why: "another agency's task answers 404 and stays open",
      anonymous: { path: `/api/tasks/${UNKNOWN_ID}`, body: { done: true } },
      probe: async () => {
        const task = expectStatus(await c.socialworker.post(`/api/cases/${c.caseOf[0]}/tasks`, { title: 'Visit', dueOn: today() }), 201);
        // The shelter sees the case (shared) but the task is Chiang Rai's.
        expectStatus(await c.shelter.patch(`/api/tasks/${task.id}`, { done: true }), 404, 'not_found');
        expectStatus(await c.ngo.patch(`/api/tasks/${task.id}`, { done: true }), 404, 'not_found');
        const open = await ok(c.socialworker.get('/api/tasks?scope=team'));
        expect(open.items.find((item: { id: string }) => item.id === task.id)?.doneAt).toBeNull();
      },
    },
    'GET /api/saved-filters': {
      why: "returns the caller's own filters only",
      anonymous: { path: '/api/saved-filters' },
      probe: async () => {
        expectStatus(
          await c.socialworker.post('/api/saved-filters', { name: 'Children overdue', query: { ageGroup: 'child', overdue: 'true' } }),
          201,
        );
        expect((await ok(c.ngo.get('/api/saved-filters'))).items).toEqual([]);
      },
    },
    'POST /api/saved-filters': {
      why: 'a filter is always saved for the caller; another user cannot be named',
      anonymous: { path: '/api/saved-filters', body: { name: 'x', query: {} } },
      probe: async () => {
        const planted = expectStatus(
          await c.ngo.post('/api/saved-filters', { name: 'Planted', query: {}, userId: c.userIds['th.socialworker'] }),
          400,
          'validation_failed',
        );
        expect(planted.errors.map((error: { path: string }) => error.path)).toContain('userId');
        expectStatus(await c.data.post('/api/saved-filters', { name: 'Mine', query: {} }), 403, 'forbidden');
      },
    },
    'DELETE /api/saved-filters/:id': {
      why: "another user's filter answers 404 and survives",
      anonymous: { path: `/api/saved-filters/${UNKNOWN_ID}` },
      probe: async () => {
        const saved = expectStatus(await c.socialworker.post('/api/saved-filters', { name: 'Keep me', query: { status: 'Active' } }), 201);
        expectStatus(await c.ngo.delete(`/api/saved-filters/${saved.id}`), 404, 'not_found');
        expectStatus(await c.agencyadmin.delete(`/api/saved-filters/${saved.id}`), 404, 'not_found');
        expect((await ok(c.socialworker.get('/api/saved-filters'))).items.map((item: { id: string }) => item.id)).toContain(saved.id);
      },
    },
  };
}
