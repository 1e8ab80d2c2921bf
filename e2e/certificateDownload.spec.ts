import { mkdirSync, readFileSync } from 'node:fs';
import { type Browser, expect, type Page, test } from '@playwright/test';
import { readPdf } from '../server/test/pdf';
import { catalogue } from './catalogue';
import { expectNoSidewaysScroll } from './pageChecks';
import { escapeRegExp, label, signIn } from './thaiSession';

/**
 * The certificate of a presumed victim at a phone's width and a laptop's, in Thai and Burmese (issue 14): a language
 * chosen at download, by default the person's; on a phone the decisions are cards and nothing
 * scrolls sideways. Screenshots go to test-results/ to be looked at.
 */
const my = catalogue('my');

/**
 * A presumed victim from Myanmar who speaks Burmese, in the social worker's own caseload, with her
 * certificate number: recorded over the API as the worker's browser session would.
 */
async function presumedCase(page: Page): Promise<{ id: string; certificateNumber: string }> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  const post = async (path: string, data: unknown) => {
    const response = await page.request.post(path, { data, headers: { 'x-csrf-token': csrf } });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  };
  const agencies = (await (await page.request.get('/api/agencies')).json()).items as { id: string; acronym: string | null }[];
  const chiangrai = agencies.find((agency) => agency.acronym === 'PSDHS Chiang Rai')!.id;
  const police = agencies.find((agency) => agency.acronym === 'ATPD')!.id;
  const kase = await post('/api/cases', {
    person: {
      givenName: 'Khin Myanmar',
      familyName: 'Aye Phyu Sin',
      nameAsWritten: 'ခင်မြန်မာအေး',
      gender: 'Feminine',
      birthDate: '2003-04-12',
      citizenship: ['MM'],
      languages: ['my'],
    },
    intake: { channel: 'border_screening', urgency: 'routine' },
    locale: 'th',
  });
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  await post(`/api/cases/${kase.id}/interviews`, {
    // Interview and decision on the day the case is opened: nothing is recorded before its intake.
    conductedOn: day(0),
    place: 'Mae Sai',
    language: 'my',
    participantAgencyIds: [police],
    stepsCompleted: ['pre_screening'],
    indicators: { act: ['recruitment'], means: ['deception'], purpose: ['forced_labour'] },
    status: 'completed',
  });
  await post(`/api/cases/${kase.id}/trafficking-status`, {
    toStatus: 'Presumed',
    decidingAgencyId: chiangrai,
    decidedOn: day(0),
    decidedByName: 'ทีมสหวิชาชีพจังหวัดเชียงราย',
    reasons: 'ถูกหลอกว่าจะได้ทำงานในโรงงาน และถูกยึดหนังสือเดินทางที่ชายแดน',
    caseVersion: kase.version,
  });
  const record = await (await page.request.get(`/api/cases/${kase.id}/identification`)).json();
  return { id: kase.id, certificateNumber: record.decisions[0].certificateNumber };
}

async function inBurmese(page: Page) {
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'my'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'my');
}

async function openDecisions(browser: Browser, width: number, language: 'th' | 'my') {
  const page = await signIn(browser, 'th.socialworker');
  await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
  const kase = await presumedCase(page);
  await page.goto(`/cases/${kase.id}`);
  if (language === 'my') await inBurmese(page);
  const text = (key: string) => (language === 'my' ? key.split('.').reduce<any>((node, part) => node?.[part], my) : label(key));
  await page.getByRole('tab', { name: text('caseRecord.tabs.identification') }).click();
  const select = page.getByRole('combobox', { name: text('documents.certificate.language'), exact: true });
  await select.scrollIntoViewIfNeeded();
  return { page, kase, select, text };
}

for (const language of ['th', 'my'] as const) {
  test(`certificate language and decisions at 360 px and 1366 px in ${language}`, async ({ browser }) => {
    test.setTimeout(120_000);
    mkdirSync('test-results', { recursive: true });
    for (const width of [360, 1366]) {
      const { page, kase, select, text } = await openDecisions(browser, width, language);
      await expect(select).toBeVisible();
      const number = page.getByText(kase.certificateNumber, { exact: true }).filter({ visible: true });
      await expect(number).toHaveCount(1);
      // Nothing wider than the screen: the decisions are cards on a phone, a table on a laptop.
      await expectNoSidewaysScroll(page);
      await expect(page.getByRole('table').filter({ hasText: kase.certificateNumber })).toBeVisible({ visible: width > 1000 });
      if (width < 600) {
        // Inside each card too: no badge or button runs past its edge.
        const card = page.getByRole('article').filter({ hasText: kase.certificateNumber });
        const spill = await card.evaluate((element) => {
          const edge = element.getBoundingClientRect().right;
          return Math.max(...[...element.querySelectorAll('*')].map((child) => child.getBoundingClientRect().right - edge));
        });
        expect(spill, `${language}: something runs out of the card`).toBeLessThanOrEqual(1);
      }
      await page.screenshot({ path: `test-results/certificate-download-${language}-${width}.png`, fullPage: false });

      if (width === 360) {
        // Chosen at download: Burmese, whatever the screen's language.
        await select.click();
        await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(text('language.my'))}$`) }).click();
        const downloading = page.waitForEvent('download');
        await page
          .getByRole('button', { name: text('caseRecord.decision.downloadCertificate') })
          .filter({ visible: true })
          .click();
        const download = await downloading;
        const path = `test-results/certificate-download-${language}.pdf`;
        await download.saveAs(path);
        const reading = await readPdf(readFileSync(path));
        expect(String(reading.info.Title)).toContain(kase.certificateNumber);
        expect(reading.text).toMatch(/[\u1000-\u109f]{4}/);
      }
      await page.context().close();
    }
  });
}
