import { expect } from 'vitest';
import { ok, type RouteMatrix, type TenancyContext } from '../../../test/tenancy.js';

const displayNames = (help: { administrators: { displayName: string }[] }) => help.administrators.map((person) => person.displayName);

/** Help is public; what it adds for a signed-in user is her own agency's administrators only. */
export function helpMatrix(c: TenancyContext): RouteMatrix {
  return {
    'GET /api/help/contact': {
      why: "the instance's help contact, and the caller's own agency administrators once signed in",
      anonymous: 'public',
      probe: async () => {
        expect(displayNames(await ok(c.t.client().get('/api/help/contact')))).toEqual([]);
        expect(displayNames(await ok(c.socialworker.get('/api/help/contact')))).toEqual(['Chai Boonmee']);
        for (const other of [c.ngo, c.shelter, c.police, c.hotline]) {
          expect(displayNames(await ok(other.get('/api/help/contact')))).not.toContain('Chai Boonmee');
        }
      },
    },
    'POST /api/help/password-reset-requests': {
      why: 'records a request for a new password and tells her own account administrators; answers the same for any name',
      anonymous: 'public',
      probe: async () => {
        const asked = await c.t.client().post('/api/help/password-reset-requests', { username: 'th.police' });
        expect(asked.status).toBe(202);
        const notices = async (client: typeof c.ngo) =>
          (await ok(client.get('/api/notifications?pageSize=100'))).items.filter(
            (notice: { kind: string; subjectId: string }) =>
              notice.kind === 'password_reset_requested' && notice.subjectId === c.userIds['th.police'],
          );
        // The police officer's agency has no administrator of its own: only the system administrators hear of it.
        expect(await notices(c.admin)).toHaveLength(1);
        for (const other of [c.agencyadmin, c.ngo, c.socialworker, c.police]) expect(await notices(other)).toEqual([]);
      },
    },
  };
}
