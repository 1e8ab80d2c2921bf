import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, shareWithConsent, startTestApp, type TestApp } from '../../../test/harness.js';
import { asActor } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';

/**
 * The caseload page chooses its cases and counts them in one pass, then loads only the page's
 * rows. Every page an account can reach, and the total on each, must be exactly the cases
 * row-level security lets the account read by id, in the list's order: no case another agency
 * keeps to itself in a row or in a count, and none of its own left out.
 */
let t: TestApp;
let owner: ApiClient;
const created: { kept: string[]; shared: string } = { kept: [], shared: '' };

const PAGE_SIZE = 3;

async function accountOf(username: string) {
  const [row] = rowsOf<{ userId: string; agencyId: string }>(
    await t.database.db.execute(sql`select id as "userId", agency_id as "agencyId" from users where username = ${username}`),
  );
  return row!;
}

/** The cases the account reads under row-level security, asked for directly, in the list's default order. */
async function casesReadBy(username: string, { burmeseActive = false } = {}): Promise<string[]> {
  const { userId, agencyId } = await accountOf(username);
  return asActor(t.database.db, { userId, agencyId, scopes: [] }, async (tx) =>
    rowsOf<{ id: string }>(
      await tx.execute(sql`select c.id from cases c join persons p on p.id = c.person_id
        where p.merged_into_id is null ${burmeseActive ? sql`and c.status = 'Active' and p.citizenship && '{MM}'` : sql``}
        order by c.updated_at desc, c.id`),
    ).map((row) => row.id),
  );
}

/** Every page of the caseload the account is shown, one past the end included, with the total each page gave. */
async function listedTo(client: ApiClient, filter: string) {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (let page = 1; ; page += 1) {
    const listed = await client.get(`/api/cases?pageSize=${PAGE_SIZE}&page=${page}${filter}`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    totals.add(listed.body.total);
    ids.push(...listed.body.items.map((item: { id: string }) => item.id));
    if (listed.body.items.length === 0) return { ids, totals: [...totals] };
  }
}

async function expectListedAsRead(username: string) {
  const client = await t.login(username);
  for (const burmeseActive of [false, true]) {
    const expected = await casesReadBy(username, { burmeseActive });
    const listed = await listedTo(client, burmeseActive ? '&status=Active&nationality=MM' : '');
    expect(listed.ids).toEqual(expected);
    expect(listed.totals).toEqual([expected.length]);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  owner = await t.login('th.socialworker');
  for (const givenName of ['Sunisa', 'Mya', 'Aye', 'Khin']) {
    const opened = await owner.post('/api/cases', {
      person: { givenName, familyName: 'Kaewmanee', gender: 'Feminine', birthDate: '2006-01-09', citizenship: ['MM'] },
      intake: { channel: 'hotline_call', urgency: 'urgent', location: 'Mae Sai' },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    created.kept.push(opened.body.id);
  }
  created.shared = created.kept.pop()!;
  const { agencyId: shelter } = await accountOf('th.shelter');
  await shareWithConsent(owner, created.shared, shelter, ['shelter']);
});
afterAll(() => t.close());

describe('the caseload page', () => {
  it('shows the owner agency every case it reads, page after page, with their total', async () => {
    await expectListedAsRead('th.socialworker');
    const listed = await listedTo(owner, '&status=Active&nationality=MM');
    for (const id of [...created.kept, created.shared]) expect(listed.ids).toContain(id);
  });

  it('shows another agency none of the cases kept from it, neither as rows nor in its total', async () => {
    for (const username of ['th.police', 'th.ngo']) {
      await expectListedAsRead(username);
      const listed = await listedTo(await t.login(username), '&status=Active&nationality=MM');
      for (const id of [...created.kept, created.shared]) expect(listed.ids).not.toContain(id);
    }
  });

  it('shows an agency the case shared with it and none of the others, to each of its roles', async () => {
    for (const username of ['th.shelter', 'th.psychologist']) {
      await expectListedAsRead(username);
      const listed = await listedTo(await t.login(username), '&status=Active&nationality=MM');
      expect(listed.ids).toContain(created.shared);
      for (const id of created.kept) expect(listed.ids).not.toContain(id);
    }
  });
});
