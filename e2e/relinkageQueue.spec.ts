import { expect, type Page, test } from '@playwright/test';
import { catalogue } from './catalogue';
import { LAPTOP, postAs, signInWith } from './onboardingSession';
import { expectNoSidewaysScroll } from './pageChecks';
import { giveAccountThaiBack } from './thaiSession';

/**
 * Issue 16, batch re-linkage: after an administrator re-checks the register, the caseworker finds
 * the two records she made of one woman among the possible duplicates, with the likelihood and the
 * reasons in words (in Thai), and marks them as two people, which takes the pair out of the queue.
 */
async function finishedRuns(page: Page): Promise<number> {
  const response = await page.request.get('/api/admin/relinkage/runs');
  expect(response.status()).toBe(200);
  return ((await response.json()).items as { finishedAt: string | null }[]).filter((run) => run.finishedAt).length;
}

test('a caseworker decides a pair the re-check of the register found, reading the reasons in Thai', async ({ browser }) => {
  const t = catalogue('th');
  const worker = await signInWith(browser, 'th.socialworker', 'th', LAPTOP);
  const person = { gender: 'Feminine', birthDate: '1997-08-21', citizenship: ['MM'] };
  await postAs(worker, '/api/cases', {
    person: { ...person, givenName: 'Nandar', familyName: 'Hlaing Oo' },
    intake: { channel: 'walk_in' },
  });
  await postAs(worker, '/api/cases', {
    person: { ...person, givenName: 'Nandar', familyName: 'Hline Oo' },
    intake: { channel: 'walk_in' },
  });

  const admin = await signInWith(browser, 'admin', 'en', LAPTOP);
  const before = await finishedRuns(admin);
  await postAs(admin, '/api/admin/relinkage/runs', {});
  await expect.poll(() => finishedRuns(admin), { timeout: 60_000 }).toBeGreaterThan(before);
  await admin.context().close();

  await worker.goto('/merge-requests');
  const queue = worker.getByRole('region', { name: t.mergeRequests.relinkage.title });
  const pair = queue.getByRole('article').filter({ hasText: 'Nandar Hlaing Oo' }).filter({ hasText: 'Nandar Hline Oo' });
  await expect(pair).toBeVisible();
  await expect(pair.getByRole('listitem').filter({ hasText: t.matching.reason.birth_date_same })).toBeVisible();
  await expect(pair.getByRole('listitem').filter({ hasText: t.matching.reason.citizenship_same })).toBeVisible();
  await expectNoSidewaysScroll(worker);

  await pair.getByRole('button', { name: t.mergeRequests.relinkage.notSame }).click();
  await worker.getByRole('dialog').getByRole('button', { name: t.mergeRequests.relinkage.confirmNotSame.action }).click();
  await expect(pair).toHaveCount(0);
  await queue.getByText(t.mergeRequests.relinkage.status.not_same_person, { exact: true }).click();
  await expect(queue.getByRole('article').filter({ hasText: 'Nandar Hline Oo' })).toBeVisible();
  await giveAccountThaiBack(worker);
});
