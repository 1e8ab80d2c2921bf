import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { textPattern } from './pageChecks';
import { label, signIn } from './thaiSession';

/**
 * Issue 14, "never lose typed work", in the care dialogs, in Thai: a care plan typed halfway
 * survives a reload; Escape on a referral with typed text asks first, keeping on editing keeps the
 * text and discarding leaves no draft, not even after a reload; a withdrawal asks first, and going
 * back leaves the referral as it was on the server. An administrator's unsaved picklist edits
 * are not thrown away in one click either.
 */

/** The referral the demo sends from Chiang Rai to the NGO and leaves waiting for an answer. */
const PENDING_REASON = 'Trauma counselling in Burmese';

type Referral = { id: string; reason: string; status: string; actions?: string[] };

async function referralsOf(request: APIRequestContext, caseId: string): Promise<Referral[]> {
  const listed = await (await request.get(`/api/cases/${caseId}/referrals`)).json();
  return listed.items ?? listed;
}

/** A case of the worker's with the demo's pending referral: it has a consent to refer on, and a care plan she may write. */
async function caseWithPendingReferral(request: APIRequestContext): Promise<{ caseId: string; referral: Referral }> {
  const list = await (await request.get('/api/cases?pageSize=100')).json();
  for (const item of list.items as { id: string }[]) {
    const referral = (await referralsOf(request, item.id)).find(
      (candidate) => candidate.reason.startsWith(PENDING_REASON) && candidate.status === 'pending',
    );
    if (referral) return { caseId: item.id, referral };
  }
  throw new Error('the demo has no pending referral the social worker can reach');
}

const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('seamless.draft.')));

/** Waits until typed input has been written as a draft (after a short pause in typing). */
async function draftWritten(page: Page, count = 1) {
  await expect.poll(async () => (await draftKeys(page)).length).toBe(count);
  await page.waitForTimeout(600);
}

test('Thai: a care plan survives a reload, Escape on a referral asks and Discard leaves no draft, a withdrawal asks and Back changes nothing', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await signIn(browser, 'th.socialworker');
  // Reloading a page with unsaved input asks the browser's own question: the test answers "leave".
  page.on('dialog', (dialog) => dialog.accept());
  const { caseId, referral } = await caseWithPendingReferral(page.request);
  const plan = await (await page.request.get(`/api/cases/${caseId}/care-plan`)).json();
  const versionsBefore = plan.versions.length;

  // 1. A care plan typed halfway, then the page is reloaded: reopened, the plan is back, with a notice.
  const goals = 'อยากเรียนตัดเย็บและส่งเงินให้แม่ที่บ้าน';
  const goalText = 'มีรายได้ของตัวเองภายในหกเดือน';
  await page.goto(`/cases/${caseId}#care`);
  const planButton = page.getByRole('button', { name: new RegExp(`^(${label('carePlan.create')}|${label('carePlan.revise')})$`) });
  await planButton.click();
  let dialog = page.getByRole('dialog');
  const goalsBox = () => dialog.getByRole('textbox', { name: label('carePlan.victimGoals'), exact: true });
  const goalBox = () => dialog.getByRole('textbox', { name: label('carePlan.goal.goal'), exact: true }).last();
  await goalsBox().fill(goals);
  await dialog.getByRole('button', { name: label('carePlan.form.addGoal') }).click();
  await goalBox().fill(goalText);
  await draftWritten(page);
  const stored = await page.evaluate(() => JSON.stringify(localStorage));
  expect(stored).not.toContain(goals);
  expect(stored).not.toContain(goalText);

  await page.reload();
  await planButton.click();
  dialog = page.getByRole('dialog');
  await expect(goalsBox()).toHaveValue(goals);
  await expect(goalBox()).toHaveValue(goalText);
  await expect(dialog.getByText(textPattern(label('drafts.restored')))).toBeVisible();
  await page.screenshot({ path: 'test-results/drafts-care-plan-restored-th.png' });

  // Cancel asks as Escape does; discarding closes the plan and takes its draft off the device.
  await dialog.getByRole('button', { name: label('common.cancel') }).click();
  let question = page.getByRole('alertdialog', { name: label('drafts.close.title') });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: label('drafts.close.confirm') }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => draftKeys(page)).toEqual([]);
  // Nothing was saved: the plan on the server is the one there was.
  const planAfter = await (await page.request.get(`/api/cases/${caseId}/care-plan`)).json();
  expect(planAfter.versions).toHaveLength(versionsBefore);

  // 2. A referral with a typed reason: Escape asks; keeping on editing keeps the reason.
  const reason = 'ขอรับคำปรึกษาด้านจิตใจเป็นภาษาพม่า';
  await page.getByRole('tab', { name: label('caseRecord.tabs.referrals'), exact: true }).click();
  await page.getByRole('button', { name: label('referrals.tab.refer'), exact: true }).click();
  dialog = page.getByRole('dialog', { name: label('referrals.dialog.title') });
  const reasonBox = () => dialog.getByRole('textbox', { name: label('referrals.dialog.reason'), exact: true });
  await reasonBox().fill(reason);
  await draftWritten(page);
  await reasonBox().press('Escape');
  question = page.getByRole('alertdialog', { name: label('drafts.close.title') });
  await expect(question).toBeVisible();
  await expect(reasonBox()).toBeHidden();
  await page.screenshot({ path: 'test-results/drafts-referral-escape-th.png' });
  await question.getByRole('button', { name: label('drafts.keepEditing') }).click();
  await expect(question).toBeHidden();
  await expect(reasonBox()).toHaveValue(reason);

  // Discarding closes the dialog and empties it: reopened, and after a reload, no reason and no draft.
  await reasonBox().press('Escape');
  await question.getByRole('button', { name: label('drafts.close.confirm') }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => draftKeys(page)).toEqual([]);
  await page.getByRole('button', { name: label('referrals.tab.refer'), exact: true }).click();
  await expect(reasonBox()).toHaveValue('');
  await reasonBox().press('Escape');
  await expect(dialog).toBeHidden();
  await page.reload();
  await page.getByRole('tab', { name: label('caseRecord.tabs.referrals'), exact: true }).click();
  await page.getByRole('button', { name: label('referrals.tab.refer'), exact: true }).click();
  await expect(reasonBox()).toHaveValue('');
  await expect(dialog.getByText(textPattern(label('drafts.restored')))).toBeHidden();
  expect(await draftKeys(page)).toEqual([]);
  await reasonBox().press('Escape');
  await expect(dialog).toBeHidden();

  // 3. Withdrawing the pending referral asks first; going back leaves it pending on the server.
  const card = page.getByRole('listitem').filter({ hasText: PENDING_REASON });
  await card.getByRole('button', { name: label('referrals.action.withdraw') }).click();
  const confirm = page.getByRole('dialog', { name: label('confirm.referralWithdraw.title') });
  await expect(confirm).toBeVisible();
  await page.waitForTimeout(500);
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: label('confirm.back') }).click();
  await expect(confirm).toBeHidden();
  const after = (await referralsOf(page.request, caseId)).find((candidate) => candidate.id === referral.id);
  expect(after).toMatchObject({ status: 'pending' });
  await page.context().close();
});

test('Thai: discarding a picklist edit asks first, and going back keeps the edit and changes nothing on the server', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signIn(browser, 'admin');
  page.on('dialog', (dialog) => dialog.accept());
  type StoredList = { id: string; version: number; labels: Record<string, string> };
  const storedList = async (id: string): Promise<StoredList> =>
    ((await (await page.request.get('/api/admin/lookups')).json()).items as StoredList[]).find((item) => item.id === id)!;
  const [list] = (await (await page.request.get('/api/admin/lookups')).json()).items as StoredList[];
  const name = `${list!.labels.en} (draft check)`;

  await page.goto(`/admin/picklists/${list!.id}`);
  await page.getByRole('button', { name: label('configuration.picklist.editName') }).click();
  const names = page.getByRole('dialog', { name: label('configuration.picklist.editName') });
  await names.getByRole('textbox', { name: label('language.en'), exact: true }).fill(name);
  await names.getByRole('button', { name: label('configuration.draft.apply') }).click();
  await expect(names).toBeHidden();
  await expect(page.getByText(label('configuration.draft.unsaved'))).toBeVisible();

  await page.getByRole('button', { name: label('configuration.draft.discard') }).click();
  const question = page.getByRole('dialog', { name: label('confirm.configurationDiscard.title') });
  await expect(question).toBeVisible();
  await page.screenshot({ path: 'test-results/drafts-picklist-discard-th.png' });
  await question.getByRole('button', { name: label('confirm.back') }).click();
  await expect(question).toBeHidden();
  await expect(page.getByText(label('configuration.draft.unsaved'))).toBeVisible();
  expect(await storedList(list!.id)).toMatchObject({ version: list!.version, labels: list!.labels });

  // Confirmed, the edit is gone and the saved list is still the one there was.
  await page.getByRole('button', { name: label('configuration.draft.discard') }).click();
  await question.getByRole('button', { name: label('confirm.configurationDiscard.action') }).click();
  await expect(page.getByText(label('configuration.draft.noChanges'))).toBeVisible();
  expect(await storedList(list!.id)).toMatchObject({ version: list!.version, labels: list!.labels });
  await page.context().close();
});
