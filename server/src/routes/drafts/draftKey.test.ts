import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';

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
});
