import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { readPdf, renderPdfPage } from '../server/test/pdf';
import { fillDate } from './dateInput';
import { escapeRegExp, label, signIn } from './thaiSession';

/**
 * Issue 4's acceptance journey in the Thai interface: the hotline records an intake and hands it
 * to the Chiang Rai office; the social worker takes the case, interviews with an interpreter,
 * identifies the person and downloads the certificate; the NGO sees nothing until the person's
 * consent shares the case, and then only the section shared.
 */
/** Opens a Mantine select or multiselect by its label and picks the option whose name matches. */
async function pick(scope: Page | Locator, name: string, option: string | RegExp, typed?: string) {
  const box = scope.getByRole('combobox', { name, exact: true });
  await box.click();
  if (typed && (await box.isEditable())) await box.fill(typed);
  const page = 'page' in scope ? scope.page() : scope;
  await page
    .getByRole('listbox')
    .getByRole('option', { name: typeof option === 'string' ? new RegExp(escapeRegExp(option)) : option })
    .first()
    .click();
}

test('hotline intake → interview with interpreter → identification and certificate → consent-based sharing', async ({ browser }) => {
  test.setTimeout(180_000);

  // 1. The hotline records the intake and hands it to the Chiang Rai provincial office.
  const hotline = await signIn(browser, 'th.hotline');
  await hotline.goto('/cases/new');
  await pick(hotline, label('caseload.intake.channel'), label('vocab.intakeChannel.hotline_call'));
  await pick(hotline, label('caseload.intake.urgency'), label('vocab.urgency.urgent'));
  await hotline.getByRole('textbox', { name: label('caseload.intake.givenName'), exact: true }).fill('Mya');
  await hotline.getByRole('textbox', { name: label('caseload.intake.familyName'), exact: true }).fill('Thandar');
  await hotline.getByRole('textbox', { name: label('caseload.intake.nameAsWritten'), exact: true }).fill('မြသန္တာ');
  await pick(hotline, label('caseload.intake.gender'), label('gender.Feminine'));
  await fillDate(hotline, label('caseload.intake.birthDate'), '2003-04-12', 'th');
  // Typed as 2546 B.E., read back from the stored 2003-04-12.
  await expect(hotline.getByText(/12 เม\.ย\. 2546/)).toBeVisible();
  await pick(hotline, label('caseload.intake.citizenship'), /เมียนมา|พม่า|Myanmar/);
  await hotline.getByRole('checkbox', { name: label('vocab.exploitationType.SexualExploitation'), exact: true }).check();
  await pick(hotline, label('caseload.intake.assignTo'), /เชียงราย/, 'เชียงราย');
  await hotline.getByRole('button', { name: label('caseload.intake.submit') }).click();
  await hotline.waitForURL(/\/cases\/[0-9a-f-]{36}/);
  const caseId = hotline.url().match(/\/cases\/([0-9a-f-]{36})/)![1]!;
  const recorded = await (await hotline.request.get(`/api/cases/${caseId}`)).json();
  expect(recorded).toMatchObject({
    involvement: 'intake',
    ownerUserId: null,
    urgency: 'urgent',
    exploitationTypes: ['SexualExploitation'],
  });

  // 2. Before any consent the NGO cannot reach the case at all.
  const ngo = await signIn(browser, 'th.ngo');
  expect((await ngo.request.get(`/api/cases/${caseId}`)).status()).toBe(404);
  await ngo.goto(`/cases/${caseId}`);
  await expect(ngo.getByText(label('caseRecord.breakGlass.notInvolved'))).toBeVisible();

  // 3. The social worker takes the case and runs the MDT interview with a Burmese interpreter.
  const worker = await signIn(browser, 'th.socialworker');
  await worker.goto(`/cases/${caseId}`);
  await worker.getByRole('button', { name: label('caseRecord.header.take') }).click();
  await expect(worker.getByText('Nok Wongsakul').first()).toBeVisible();
  await worker.getByRole('tab', { name: label('caseRecord.tabs.identification') }).click();
  await worker.getByRole('button', { name: label('caseRecord.interview.new') }).click();
  const interview = worker.getByRole('dialog');
  for (const indicator of ['recruitment', 'deception', 'sexual_exploitation']) {
    await interview.getByRole('checkbox', { name: label(`identification.indicator.${indicator}`), exact: true }).check();
  }
  await interview.getByRole('checkbox', { name: label('identification.procedure.th_mdt.step.mdt_interview_with_interpreter') }).check();
  await interview.getByRole('textbox', { name: label('caseRecord.interview.place'), exact: true }).fill('Chiang Rai');
  await pick(interview, label('caseRecord.interview.interpreterLanguage'), label('vocab.spokenLanguage.my'));
  // With an interpreter only requested the interview stays a draft, and the form says so.
  await expect(interview.getByRole('switch', { name: label('caseRecord.interview.completed') })).toBeDisabled();
  await expect(interview.getByText(label('fieldChecks.interview.interpreterFirst'))).toBeVisible();
  await interview.getByRole('button', { name: label('caseRecord.interview.save') }).click();
  await expect(interview).toBeHidden();
  await worker.getByRole('button', { name: label('caseRecord.interpreter.markProvided') }).click();
  await worker.getByRole('textbox', { name: label('caseRecord.interpreter.name'), exact: true }).fill('Ma Thandar Win');
  await worker.getByRole('button', { name: label('caseRecord.interpreter.confirmProvided') }).click();
  await expect(worker.getByText(label('caseRecord.interpreter.status.provided')).first()).toBeVisible();
  await worker.getByRole('button', { name: label('caseRecord.interview.edit') }).click();
  const editing = worker.getByRole('dialog');
  await editing.getByRole('switch', { name: label('caseRecord.interview.completed') }).check();
  await editing.getByRole('button', { name: label('common.save') }).click();
  await expect(editing).toBeHidden();

  // 4. Presumed, then identified on the inquiry officer's decision (no skipping).
  for (const [status, reasons] of [
    ['Presumed', 'หลอกลวงเรื่องงาน ถูกยึดหนังสือเดินทาง'],
    ['Identified', 'พนักงานสอบสวนยืนยันครบทั้งสามองค์ประกอบ'],
  ] as const) {
    await worker.getByRole('radio', { name: label(`traffickingStatus.${status}`), exact: true }).check();
    await pick(worker, label('caseRecord.decision.decidingAgency'), /ATPD/, 'ATPD');
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
  const identified = await (await worker.request.get(`/api/cases/${caseId}`)).json();
  expect(identified.traffickingStatus).toBe('Identified');
  const record = await (await worker.request.get(`/api/cases/${caseId}/identification`)).json();
  expect(record.interviews[0].interpreterRequests[0]).toMatchObject({ language: 'my', status: 'provided' });
  const certificateNumber: string = record.decisions.find(
    (decision: { toStatus: string }) => decision.toStatus === 'Identified',
  ).certificateNumber;

  // 5. The certificate is offered in her language (she is from Myanmar); in Thai when chosen, it
  // carries the number and her name in her script.
  const certificateLanguage = worker.getByRole('combobox', { name: label('documents.certificate.language'), exact: true });
  await expect(certificateLanguage).toHaveValue(label('language.my'));
  await expect(
    worker.getByText(label('documents.certificate.suggested.citizenship').replace('{{language}}', label('language.my'))),
  ).toBeVisible();
  await pick(worker, label('documents.certificate.language'), label('language.th'));
  const downloading = worker.waitForEvent('download');
  await worker.getByRole('button', { name: label('caseRecord.decision.downloadCertificate') }).click();
  const download = await downloading;
  mkdirSync('test-results', { recursive: true });
  const pdf = 'test-results/e2e-certificate.pdf';
  await download.saveAs(pdf);
  const bytes = readFileSync(pdf);
  const { text } = await readPdf(bytes);
  expect(text).toContain(certificateNumber);
  expect(text).toContain('Mya Thandar');
  expect(text).toContain('မြသန္တာ');
  expect(text).toMatch(/[\u0E00-\u0E7F]{4}/);
  const drawn = await renderPdfPage(bytes, 1, 80);
  writeFileSync('test-results/e2e-certificate.png', drawn.png);
  expect(drawn.inkRatio).toBeGreaterThan(0.02);

  // 6. Her consent covers the NGO and the identity section only; the case is shared on it.
  await worker.getByRole('tab', { name: label('caseRecord.tabs.consent') }).click();
  await worker.getByRole('button', { name: label('caseRecord.consent.new') }).click();
  const consent = worker.getByRole('dialog');
  await pick(consent, label('caseRecord.consent.purpose'), label('vocab.consentPurpose.services'));
  await consent.getByRole('checkbox', { name: label('caseRecord.section.identity'), exact: true }).check();
  await pick(consent, label('caseRecord.consent.agencies'), /Mekong|แม่โขง/, 'Mekong');
  await consent.getByRole('button', { name: label('caseRecord.consent.save') }).click();
  await expect(consent).toBeHidden();
  await pick(worker, label('caseRecord.share.consent'), label('vocab.consentPurpose.services'));
  await pick(worker, label('caseRecord.share.agency'), /Mekong|แม่โขง/, 'Mekong');
  // Choosing the consent ticks nothing: the worker shares the identity section on purpose.
  const sharedSection = worker.getByRole('checkbox', { name: label('caseRecord.section.identity'), exact: true });
  await expect(sharedSection).not.toBeChecked();
  await sharedSection.check();
  await worker.getByRole('button', { name: label('caseRecord.share.save'), exact: true }).click();
  await expect(worker.getByRole('status').first()).toBeVisible();

  // 7. Now the NGO sees the case, with her identity and no other section.
  const shared = await (await ngo.request.get(`/api/cases/${caseId}`)).json();
  expect(shared).toMatchObject({ involvement: 'shared', displayName: 'Mya Thandar' });
  expect(shared.abilities.sections).toEqual(['identity']);
  await ngo.goto(`/cases/${caseId}`);
  await expect(ngo.getByText('မြသန္တာ').first()).toBeVisible();
  await ngo.screenshot({ path: 'test-results/e2e-ngo-shared.png', fullPage: true });
});
