import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { addDays, addMonths, format, parseISO, subDays } from 'date-fns';
import { readPdf } from '../server/test/pdf';
import { fillDate } from './dateInput';
import { expectNoSidewaysScroll } from './pageChecks';
import { escapeRegExp, label, signIn } from './thaiSession';

/**
 * Issue 11's acceptance journey in the Thai interface: the Chiang Rai social worker identifies a
 * demo victim and places them in a shelter; the rest of the care journey builds on that case.
 */
async function pick(scope: Page | Locator, name: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name, exact: true }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page
    .getByRole('listbox')
    .getByRole('option', { name: typeof option === 'string' ? new RegExp(escapeRegExp(option)) : option })
    .first()
    .click();
}

/** Today in Thailand, the demo's country, whatever the hour in UTC (a browser's date field takes this form). */
const bangkokToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
/** A day counted from Thailand's today, as yyyy-MM-dd. */
const bangkokDay = (days: number) => format(addDays(parseISO(bangkokToday()), days), 'yyyy-MM-dd');

/** The main screens at desktop and phone width, for a look at the layout; on the phone the page must not scroll sideways. */
async function shoot(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: `/tmp/shots/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: `/tmp/shots/${name}-360.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('identified victim → consent share → shelter placement → care plan with three services → referral accepted by the NGO → two assessments and their trend → follow-up schedule in Thai dates → a case management meeting with an action item and its minutes', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const worker = await signIn(browser, 'th.socialworker');
  const list = await (await worker.request.get('/api/cases?scope=mine&status=Active&traffickingStatus=Potential')).json();
  const caseId: string = list.items[0].id;

  // 1. The inquiry officer's decision makes the person an identified victim.
  await worker.goto(`/cases/${caseId}#identification`);
  await worker.getByRole('button', { name: label('caseRecord.interview.new') }).click();
  const interview = worker.getByRole('dialog');
  for (const indicator of ['recruitment', 'deception', 'sexual_exploitation']) {
    await interview.getByRole('checkbox', { name: label(`identification.indicator.${indicator}`), exact: true }).check();
  }
  await interview.getByRole('textbox', { name: label('caseRecord.interview.place'), exact: true }).fill('Chiang Rai');
  await interview.getByRole('switch', { name: label('caseRecord.interview.completed') }).check();
  await interview.getByRole('button', { name: label('caseRecord.interview.save') }).click();
  await expect(interview).toBeHidden();
  for (const [status, reasons] of [
    ['Presumed', 'หลอกลวงเรื่องงาน ถูกยึดหนังสือเดินทาง'],
    ['Identified', 'พนักงานสอบสวนยืนยันครบทั้งสามองค์ประกอบ'],
  ] as const) {
    await worker.getByRole('radio', { name: label(`traffickingStatus.${status}`), exact: true }).check();
    await pick(worker, label('caseRecord.decision.decidingAgency'), /ATPD/);
    await worker.getByRole('textbox', { name: label('caseRecord.decision.decidedBy'), exact: true }).fill('พ.ต.ท. สมชาย พนักงานสอบสวน');
    await worker.getByRole('textbox', { name: label('caseRecord.decision.reasons'), exact: true }).fill(reasons);
    await worker.getByRole('button', { name: label('caseRecord.decision.save') }).click();
    await expect(
      worker
        .getByRole('status')
        .filter({ hasText: label(`traffickingStatus.${status}`) })
        .first(),
    ).toBeVisible();
  }
  expect((await (await worker.request.get(`/api/cases/${caseId}`)).json()).traffickingStatus).toBe('Identified');

  // 2. With the person's consent the shelter's agency gets the shelter section; then she is placed there.
  const shelterAgency = /Protection and Occupational|คุ้มครองและพัฒนาอาชีพ/;
  await worker.getByRole('tab', { name: label('caseRecord.tabs.consent') }).click();
  await worker.getByRole('button', { name: label('caseRecord.consent.new') }).click();
  const consent = worker.getByRole('dialog');
  await pick(consent, label('caseRecord.consent.purpose'), label('vocab.consentPurpose.services'));
  await consent.getByRole('checkbox', { name: label('caseRecord.section.shelter'), exact: true }).check();
  await consent.getByRole('checkbox', { name: label('caseRecord.section.care'), exact: true }).check();
  await pick(consent, label('caseRecord.consent.agencies'), shelterAgency);
  await pick(consent, label('caseRecord.consent.agencies'), /Mekong/);
  await consent.getByRole('button', { name: label('caseRecord.consent.save') }).click();
  await expect(consent).toBeHidden();
  await pick(worker, label('caseRecord.share.consent'), label('vocab.consentPurpose.services'));
  await pick(worker, label('caseRecord.share.agency'), shelterAgency);
  await worker.getByRole('checkbox', { name: label('caseRecord.section.shelter'), exact: true }).check();
  await worker.getByRole('button', { name: label('caseRecord.share.save'), exact: true }).click();
  await expect(worker.getByRole('status').first()).toBeVisible();

  await worker.getByRole('tab', { name: label('caseRecord.tabs.shelter') }).click();
  await worker.getByRole('button', { name: label('shelters.tab.admit') }).click();
  const admit = worker.getByRole('dialog');
  await pick(admit, label('shelters.form.facility'), /Protection and Occupational Development Centre for Women/);
  await admit.getByRole('combobox', { name: label('shelters.form.unit') }).click();
  await worker
    .getByRole('listbox', { name: label('shelters.form.unit') })
    .getByRole('option')
    .first()
    .click();
  await admit.getByRole('textbox', { name: label('shelters.form.bed'), exact: true }).fill('3');
  await admit.getByRole('button', { name: label('shelters.tab.admit') }).click();
  await expect(admit).toBeHidden();
  await expect(worker.getByText(label('shelters.tab.current'))).toBeVisible();
  await shoot(worker, 'shelter');

  // 3. A care plan: three services, two by the office itself and one by the NGO.
  await worker.getByRole('tab', { name: label('caseRecord.tabs.care') }).click();
  await worker.getByRole('button', { name: label('carePlan.create') }).click();
  const plan = worker.getByRole('dialog');
  await plan.getByRole('textbox', { name: label('carePlan.victimGoals'), exact: true }).fill('อยากมีงานทำและส่งเงินให้แม่');
  await plan.getByRole('button', { name: label('carePlan.form.addGoal') }).click();
  await pick(plan, label('carePlan.goal.serviceArea'), /./);
  await plan.getByRole('textbox', { name: label('carePlan.goal.goal'), exact: true }).fill('ฟื้นฟูสุขภาพและกลับสู่ครอบครัวอย่างปลอดภัย');
  const services = [
    ['ตรวจสุขภาพและรักษาพยาบาล', /Chiang Rai/],
    ['ประสานครอบครัวเพื่อกลับคืนสู่สังคม', /Chiang Rai/],
    ['ฝึกอาชีพตัดเย็บ', /Mekong Hope/],
  ] as const;
  for (const [index, [what, agency]] of services.entries()) {
    await plan.getByRole('button', { name: label('carePlan.form.addAction') }).click();
    await plan
      .getByRole('textbox', { name: label('carePlan.action.what'), exact: true })
      .nth(index)
      .fill(what);
    await plan
      .getByRole('combobox', { name: label('carePlan.action.responsibleAgency') })
      .nth(index)
      .click();
    await worker.getByRole('listbox').getByRole('option', { name: agency }).first().click();
  }
  await plan.getByRole('button', { name: label('carePlan.form.save') }).click();
  await expect(plan).toBeHidden();
  for (const [what] of services) await expect(worker.getByText(what)).toBeVisible();
  await shoot(worker, 'care');

  // 4. The NGO's service is referred to it, on the consent, with the care section.
  await worker
    .getByRole('button', { name: label('carePlan.action.refer') })
    .nth(2)
    .click();
  const referral = worker.getByRole('dialog');
  await pick(referral, label('referrals.dialog.consent'), /./);
  // The care section lets the NGO work on the plan and take on a meeting's action for this case (step 8).
  await referral.getByRole('checkbox', { name: label('caseRecord.section.care'), exact: true }).check();
  const reason = 'ฝึกอาชีพตัดเย็บตามแผนการดูแล';
  await referral.getByRole('textbox', { name: label('referrals.dialog.reason'), exact: true }).fill(reason);
  await referral.getByRole('button', { name: label('referrals.dialog.submit') }).click();
  await expect(referral).toBeHidden();
  const referralOf = async () => {
    const listed = await (await worker.request.get(`/api/cases/${caseId}/referrals`)).json();
    return (listed.items ?? listed).find((item: { reason: string }) => item.reason === reason);
  };
  expect(await referralOf()).toMatchObject({ status: 'pending', toAgency: { name: expect.stringMatching(/Mekong/) } });

  // 5. The NGO accepts it from its inbox.
  const ngo = await signIn(browser, 'th.ngo');
  await ngo.goto('/referrals');
  await ngo
    .getByRole('listitem')
    .filter({ hasText: reason })
    .getByRole('button', { name: label('referrals.action.accept') })
    .click();
  await ngo
    .getByRole('dialog')
    .getByRole('button', { name: label('referrals.step.accept.submit') })
    .click();
  await expect(ngo.getByRole('dialog')).toBeHidden();
  expect((await referralOf()).status).toBe('accepted');
  await shoot(ngo, 'referrals');

  // 6. Two reintegration assessments a month apart, and the trend chart of them.
  const monthAgo = format(subDays(parseISO(bangkokToday()), 30), 'yyyy-MM-dd');
  for (const [assessedOn, point] of [
    [monthAgo, 1],
    [null, 3],
  ] as const) {
    await worker.getByRole('button', { name: label('assessments.record') }).click();
    const form = worker.getByRole('dialog');
    if (assessedOn) await fillDate(form, label('assessments.form.assessedOn'), assessedOn, 'th');
    await form.getByRole('textbox', { name: label('assessments.form.assessor'), exact: true }).fill('Nok Wongsakul');
    const choices = form.getByRole('radio', { name: new RegExp(`^${point} · `) });
    for (let index = 0; index < (await choices.count()); index += 1)
      await choices.nth(index).evaluate((input: HTMLInputElement) => input.click());
    await form.getByRole('button', { name: label('assessments.form.save') }).click();
    await expect(form).toBeHidden();
  }
  await expect(worker.getByRole('img', { name: label('assessments.trend.chartLabel') })).toBeVisible();
  await shoot(worker, 'assessments');

  // 7. Follow-up under Thailand's policy: monthly for three months, then every three months to a year,
  // shown in Thai dates (Buddhist era).
  const startOn = bangkokToday();
  await worker.getByRole('tab', { name: label('caseRecord.tabs.followUp') }).click();
  await worker.getByRole('button', { name: label('followUp.start.action') }).click();
  const start = worker.getByRole('dialog');
  await fillDate(start, label('followUp.start.startOn'), startOn, 'th');
  await start.getByRole('button', { name: label('followUp.start.submit') }).click();
  await expect(start).toBeHidden();
  const thaiDate = new Intl.DateTimeFormat('th-TH', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  for (const [index, months] of [1, 2, 3, 6, 9, 12].entries()) {
    const due = addMonths(parseISO(startOn), months);
    const visit = worker.locator(`time[datetime="${format(due, 'yyyy-MM-dd')}"]`).first();
    await expect(visit).toHaveText(thaiDate.format(new Date(`${format(due, 'yyyy-MM-dd')}T00:00:00Z`)));
    await expect(
      worker.getByText(label('followUp.visit.number').replace('{{number}}', String(index + 1)), { exact: false }).first(),
    ).toBeVisible();
  }
  expect(thaiDate.format(new Date())).toMatch(/25\d\d/);
  await shoot(worker, 'followUp');

  // 8. A case management meeting with the NGO, held today: the case on the agenda, notes, a decision and
  // an action for the NGO, attendance, then the minutes as a PDF.
  const { reference } = await (await worker.request.get(`/api/cases/${caseId}`)).json();
  const title = 'ประชุมบริหารจัดการรายกรณี เชียงราย';
  await worker.goto('/meetings');
  await worker.getByRole('button', { name: label('caseMeetings.convene') }).click();
  const convene = worker.getByRole('dialog');
  await convene.getByRole('textbox', { name: label('caseMeetings.fields.title') }).fill(title);
  await fillDate(convene, label('caseMeetings.fields.date'), bangkokToday(), 'th');
  await convene.getByLabel(label('caseMeetings.fields.time')).fill('08:30');
  await convene.getByRole('textbox', { name: label('caseMeetings.fields.place') }).fill('ห้องประชุม พมจ.เชียงราย');
  await pick(convene, label('caseMeetings.fields.invitedAgencies'), /Mekong/);
  await convene.getByRole('button', { name: label('caseMeetings.convene') }).click();
  await expect(convene).toBeHidden();
  await expect(worker.getByRole('heading', { name: title })).toBeVisible();
  const meetingId = new URL(worker.url()).pathname.split('/').pop()!;

  await pick(worker, label('caseMeetings.agenda.case'), new RegExp(escapeRegExp(reference)));
  await pick(worker, label('caseMeetings.agenda.section'), label('caseRecord.section.care'));
  await worker.getByRole('textbox', { name: label('caseMeetings.agenda.purpose') }).fill('ทบทวนแผนการดูแลและการฝึกอาชีพ');
  await worker.getByRole('button', { name: label('caseMeetings.agenda.add') }).click();
  const item = worker.getByRole('article', { name: reference });
  await expect(item).toBeVisible();
  const decision = 'ส่งต่อมูลนิธิเพื่อฝึกอาชีพตัดเย็บ';
  await item.getByRole('textbox', { name: label('caseMeetings.decisions.text'), exact: true }).fill(decision);
  await item.getByRole('button', { name: label('caseMeetings.decisions.add') }).click();
  await expect(item.getByText(decision)).toBeVisible();
  const action = 'นัดเริ่มฝึกอาชีพ';
  const actionDue = bangkokDay(14);
  await item.getByRole('textbox', { name: label('caseMeetings.actions.text'), exact: true }).fill(action);
  await pick(item, label('caseMeetings.actions.owner'), /Mekong/);
  await fillDate(item, label('caseMeetings.actions.due'), actionDue, 'th');
  await item.getByRole('button', { name: label('caseMeetings.actions.add') }).click();
  await expect(item.getByText(action, { exact: true })).toBeVisible();
  const notes = 'ผู้เสียหายพร้อมเริ่มฝึกอาชีพ';
  await item.getByRole('textbox', { name: label('caseMeetings.agenda.notes') }).fill(notes);
  const notesSaved = worker.waitForResponse((response) => response.request().method() === 'PATCH' && response.ok());
  await item.getByRole('button', { name: label('caseMeetings.agenda.saveNotes') }).click();
  await notesSaved;

  await worker.getByRole('textbox', { name: label('caseMeetings.attendees.name') }).fill('นางสาวนก วงศ์สกุล');
  await worker.getByRole('textbox', { name: label('caseMeetings.attendees.organisation') }).fill('โรงพยาบาลเชียงรายประชานุเคราะห์');
  await worker.getByRole('button', { name: label('caseMeetings.attendees.add') }).click();
  await pick(worker, label('caseMeetings.attendees.attendance'), label('caseMeetings.attendance.present'));
  await worker.getByRole('button', { name: label('caseMeetings.markHeld') }).click();
  await expect(worker.getByText(label('caseMeetings.status.held'), { exact: true })).toBeVisible();
  await shoot(worker, 'meeting');

  const downloading = worker.waitForEvent('download');
  await worker.getByRole('button', { name: label('caseMeetings.minutes.download') }).click();
  const minutesPath = 'test-results/e2e-minutes.pdf';
  await (await downloading).saveAs(minutesPath);
  const minutes = readFileSync(minutesPath);
  expect(minutes.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const { text: minutesText } = await readPdf(minutes);
  expect(minutesText).toContain(reference);
  expect(minutesText).toContain(action);

  const held = await (await worker.request.get(`/api/meetings/${meetingId}`)).json();
  expect(held).toMatchObject({ status: 'held', attendees: [expect.objectContaining({ attendance: 'present' })] });
  const heldItem = held.agenda.find((entry: { caseId: string }) => entry.caseId === caseId);
  expect(heldItem).toMatchObject({ notes, decisions: [expect.objectContaining({ text: decision })] });
  expect(heldItem.actions).toEqual([
    expect.objectContaining({
      text: action,
      dueOn: actionDue,
      status: 'open',
      ownerAgency: expect.objectContaining({ name: expect.stringMatching(/Mekong/) }),
    }),
  ]);

  // The invited NGO finds the meeting among its own.
  await ngo.goto('/meetings');
  await expect(ngo.getByRole('link', { name: title })).toBeVisible();
});
