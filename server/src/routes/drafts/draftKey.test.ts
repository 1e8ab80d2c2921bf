import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, DEMO_PASSWORD, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('GET /api/auth/draft-key', () => {
  it('gives a signed-in user the same 32-byte key in every session, never cached, and audits the hand-out', async () => {
    const first = await t.login('th.socialworker');
    const second = await t.login('th.socialworker');
    const answer = await first.get('/api/auth/draft-key');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(answer.body.key, 'base64url')).toHaveLength(32);
    // A draft typed before a sign-out and a new sign-in still opens.
    expect((await second.get('/api/auth/draft-key')).body.key).toBe(answer.body.key);

    const me = (await first.get('/api/auth/me')).body;
    const admin = await t.login('admin');
    const audit = await admin.get(`/api/admin/audit?action=auth.draft_key_issued&resourceId=${me.id}`);
    expect(audit.body.items.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit.body.items)).not.toContain(answer.body.key);
  });

  it("gives another user — an administrator of the same agency too — a different key, never the first user's", async () => {
    const socialworker = (await (await t.login('th.socialworker')).get('/api/auth/draft-key')).body.key;
    for (const username of ['th.hotline', 'th.agencyadmin', 'admin']) {
      const other = await (await t.login(username)).get('/api/auth/draft-key');
      expect(other.status).toBe(200);
      expect(other.body.key).not.toBe(socialworker);
    }
  });

  it('refuses a caller without a session, and one with a session no longer valid after sign-out', async () => {
    expectProblem(await t.client().get('/api/auth/draft-key'), 401, 'unauthenticated');
    const client = await t.login('th.hotline');
    expect((await client.post('/api/auth/logout', {})).status).toBe(204);
    expectProblem(await client.get('/api/auth/draft-key'), 401, 'unauthenticated');
  });

  it('is not a key of another instance: a different key ring derives a different key for the same user', async () => {
    const other = await startTestApp();
    try {
      const here = await (await t.login('th.police')).get('/api/auth/draft-key');
      const there = await (await other.login('th.police')).get('/api/auth/draft-key');
      expect(there.body.key).not.toBe(here.body.key);
    } finally {
      await other.close();
    }
  });

  describe('rotation: drafts left on a device in other hands stop opening', () => {
    const keyOf = async (client: ApiClient) => {
      const answer = await client.get('/api/auth/draft-key');
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      return answer.body.key as string;
    };
    const accountOf = async (admin: ApiClient, username: string) =>
      (await admin.get(`/api/admin/users?q=${username}`)).body.items.find((user: { username: string }) => user.username === username);

    it('changes when an administrator resets the password, and stays the same in every session after it', async () => {
      const admin = await t.login('admin');
      const before = await keyOf(await t.login('th.police'));
      const bystander = await keyOf(await t.login('th.hotline'));
      const account = await accountOf(admin, 'th.police');
      const reset = await admin.patch(`/api/admin/users/${account.id}`, { version: account.version, newPassword: 'Lantern-river-2027x' });
      expect(reset.status, JSON.stringify(reset.body)).toBe(200);

      const after = await keyOf(await t.login('th.police', 'Lantern-river-2027x'));
      expect(after).not.toBe(before);
      expect(await keyOf(await t.login('th.police', 'Lantern-river-2027x'))).toBe(after);
      // Nobody else's key moved, and nobody else is handed hers.
      expect(await keyOf(await t.login('th.hotline'))).toBe(bystander);
      expect(bystander).not.toBe(after);
      const issued = await admin.get(`/api/admin/audit?action=auth.draft_key_issued&resourceId=${account.id}`);
      expect(issued.body.items.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(issued.body.items)).not.toContain(after);
    });

    it('changes when she changes her own password', async () => {
      const client = await t.login('th.director');
      const before = await keyOf(client);
      const changed = await client.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'Harbour-light-2027q' });
      expect(changed.status, JSON.stringify(changed.body)).toBe(204);
      expect(await keyOf(client)).not.toBe(before);
    });

    it('changes when the account is disabled, not when other details are edited', async () => {
      const admin = await t.login('admin');
      const before = await keyOf(await t.login('th.officehead'));
      let account = await accountOf(admin, 'th.officehead');
      const renamed = await admin.patch(`/api/admin/users/${account.id}`, { version: account.version, displayName: 'Somchai K.' });
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      expect(await keyOf(await t.login('th.officehead'))).toBe(before);

      account = await accountOf(admin, 'th.officehead');
      const disabled = await admin.patch(`/api/admin/users/${account.id}`, { version: account.version, active: false });
      expect(disabled.status, JSON.stringify(disabled.body)).toBe(200);
      const enabled = await admin.patch(`/api/admin/users/${account.id}`, { version: disabled.body.version, active: true });
      expect(enabled.status, JSON.stringify(enabled.body)).toBe(200);
      expect(await keyOf(await t.login('th.officehead'))).not.toBe(before);
    });
  });
});
