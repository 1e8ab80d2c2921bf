/**
 * The victim certificate in all eight languages, read back with PDF.js (test/pdf.ts): the text a reader
 * or a screen reader gets back, the metadata, one page that draws, the size; PNGs go to
 * test-results/certificate-<lng>.png for a look at the shaping.
 *
 * The shaping cases pin fontkit's output (with the fixes in fonts.ts) to what HarfBuzz `hb-shape`
 * produces with the same Noto fonts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locale, SUPPORTED_LOCALES } from '@seamless/contracts';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_FIXTURES } from '../../test/certificateFixtures.js';
import { readPdf, renderPdfPage } from '../../test/pdf.js';
import { prepareRun, reorderMyanmar, splitRuns, useFont, wrapText } from './fonts.js';
import { CERTIFICATE_MESSAGES, formatCertificateDate, renderVictimCertificate } from './victimCertificate.js';

const OUTPUT_DIR = fileURLToPath(new URL('../../../test-results', import.meta.url));
/** Subsets only; Chinese and Japanese embed one small font per frequency slice of Noto Sans SC/JP they use. */
const SIZE_BUDGET: Record<Locale, number> = { en: 60, th: 60, km: 60, lo: 60, my: 60, vi: 60, zh: 200, ja: 200 };

/** Text as extracted, without the spaces and line breaks that wrapping puts in. */
const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

beforeAll(() => {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});

describe('victim certificate', () => {
  it('has every message in every language', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([key, v]) => (typeof v === 'object' && v ? keys(v, `${prefix}${key}.`) : [`${prefix}${key}`]));
    const reference = keys(CERTIFICATE_MESSAGES.en).sort();
    for (const locale of SUPPORTED_LOCALES) {
      expect(keys(CERTIFICATE_MESSAGES[locale]).sort(), locale).toEqual(reference);
      for (const key of reference) {
        const value = key.split('.').reduce<any>((node, part) => node[part], CERTIFICATE_MESSAGES[locale]);
        expect(typeof value === 'string' && value.trim().length > 0, `${locale}:${key}`).toBe(true);
      }
    }
  });

  it.each(SUPPORTED_LOCALES)('renders one A4 page in %s with its text extractable', async (locale) => {
    const certificate = CERTIFICATE_FIXTURES[locale];
    const pdf = await renderVictimCertificate(certificate);
    fs.writeFileSync(path.join(OUTPUT_DIR, `certificate-${locale}.pdf`), pdf);
    const page = await renderPdfPage(pdf, 1, 80);
    fs.writeFileSync(path.join(OUTPUT_DIR, `certificate-${locale}.png`), page.png);
    // A page that fails to draw (a broken font program, a bad content stream) comes out blank.
    expect(page.inkRatio).toBeGreaterThan(0.02);

    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeLessThan(SIZE_BUDGET[locale] * 1024);

    const reading = await readPdf(pdf);
    expect(reading.pages).toBe(1);
    expect(reading.pageSizes[0]).toEqual([595.28, 841.89]); // A4
    expect(reading.info.Producer).toBe('Seamless');
    const title = String(reading.info.Title ?? '');
    expect(title).toContain(certificate.certificateNumber);
    expect(title).toContain(CERTIFICATE_MESSAGES[locale].title[certificate.decision.status]);
    // No personal data in the metadata (the Info dictionary and its XMP copy).
    const metadata = JSON.stringify(reading.info) + reading.xmp;
    expect(reading.xmp).toContain(certificate.certificateNumber);
    for (const personal of [certificate.person.name, certificate.person.nameAsWritten!, certificate.decision.decidedBy]) {
      expect(metadata).not.toContain(personal);
    }

    const text = squash(reading.text);
    const messages = CERTIFICATE_MESSAGES[locale];
    expect(text).toContain(squash(certificate.certificateNumber));
    expect(text).toContain(squash(messages.title[certificate.decision.status]));
    expect(text).toContain(squash(certificate.person.name));
    expect(text).toContain(squash(certificate.person.nameAsWritten!));
    expect(text).toContain(squash(messages.protection[certificate.decision.status]));
    expect(text).toContain(squash(messages.footer.personalData));
    expect(text).toContain(squash(certificate.decision.reasons));
    for (const label of [...certificate.indicators.act, ...certificate.indicators.means, ...certificate.indicators.purpose]) {
      expect(text).toContain(squash(label));
    }
  });

  it('dates Thai certificates in the Buddhist era', async () => {
    expect(formatCertificateDate('2026-03-12', 'th')).toBe('12 มีนาคม 2569');
    const pdf = await renderVictimCertificate(CERTIFICATE_FIXTURES.th);
    const text = await extract(pdf);
    expect(text).toContain(squash('12 มีนาคม 2569')); // decided on
    expect(text).toContain(squash('14 มีนาคม 2569')); // issued
    expect(text).toContain(squash('พ.ศ. 2550 (โดยประมาณ)')); // estimated year of birth
    expect(text).not.toContain(squash('มีนาคม 2026'));
  });

  it('keeps the names of other scripts inside a certificate (Thai in Khmer, Lao in English)', async () => {
    expect(await extract(await renderVictimCertificate(CERTIFICATE_FIXTURES.km))).toContain(squash('พ.ต.ท. สมชาย ใจดี'));
    expect(await extract(await renderVictimCertificate(CERTIFICATE_FIXTURES.km))).toContain(squash('กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์'));
    expect(await extract(await renderVictimCertificate(CERTIFICATE_FIXTURES.en))).toContain(squash('ສົມພອນ ແກ້ວມະນີ'));
  });

  it('names the six region countries in every language and falls back to Intl for the rest', async () => {
    const text = await extract(
      await renderVictimCertificate({
        ...CERTIFICATE_FIXTURES.my,
        person: { ...CERTIFICATE_FIXTURES.my.person, citizenship: ['MM', 'PH'] },
      }),
    );
    expect(text).toContain(squash('ထိုင်း')); // issuing country, from the message file
    expect(text).toContain(squash('မြန်မာ၊ ဖိလစ်ပိုင်'));
  });

  it('stays on one page when the reasons are very long, pointing to the case file', async () => {
    const long = Array.from({ length: 40 }, () => CERTIFICATE_FIXTURES.en.decision.reasons).join(' ');
    const pdf = await renderVictimCertificate({
      ...CERTIFICATE_FIXTURES.en,
      decision: { ...CERTIFICATE_FIXTURES.en.decision, reasons: long },
    });
    fs.writeFileSync(path.join(OUTPUT_DIR, 'certificate-en-long-reasons.pdf'), pdf);
    expect((await readPdf(pdf)).pages).toBe(1);
    expect(await extract(pdf)).toContain(squash(CERTIFICATE_MESSAGES.en.decision.reasonsTruncated));
  });
});

async function extract(pdf: Buffer): Promise<string> {
  return squash((await readPdf(pdf)).text);
}

describe('fonts', () => {
  it('splits text into runs by script', () => {
    const runs = splitRuns('ឈ្មោះ: น้ำฝน ศรีสุข (Namfon) 山田 ခင်', 'km');
    expect(runs.map((run) => run.family)).toEqual(['khmer', 'sans', 'thai', 'sans', 'thai', 'sans', 'sc', 'sc', 'sans', 'myanmar']);
    expect(runs.map((run) => run.text).join('')).toBe('ឈ្មោះ: น้ำฝน ศรีสุข (Namfon) 山田 ခင်');
    expect(new Set(splitRuns('山田さん、（テスト）', 'ja').map((run) => run.family))).toEqual(new Set(['jp']));
  });

  it('breaks Thai, Khmer and Chinese lines between words, without spaces', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    const thai = 'ผู้ถือหนังสือรับรองฉบับนี้ได้รับการคัดแยกว่าเป็นผู้เสียหายจากการค้ามนุษย์';
    const lines = wrapText(doc, thai, { size: 10 }, 'th', 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((line) => line.text).join('')).toBe(thai);
    expect(lines[0]!.text).toMatch(/^ผู้ถือ/);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(120);
    const khmer = wrapText(doc, CERTIFICATE_MESSAGES.km.protection.Identified, { size: 10 }, 'km', 200);
    expect(khmer.length).toBeGreaterThan(3);
    const chinese = wrapText(doc, CERTIFICATE_MESSAGES.zh.protection.Identified, { size: 10 }, 'zh', 200);
    expect(chinese.every((line) => !/^[，。；、]/.test(line.text))).toBe(true);
  });

  it('puts Myanmar pre-base signs and kinzi where the font expects them', () => {
    expect(reorderMyanmar('မြန်မာ')).toBe('\u103c\u1019\u1014\u103a\u1019\u102c');
    expect(reorderMyanmar('ကြေး')).toBe('\u1031\u103c\u1000\u1038');
    expect(reorderMyanmar('သင်္ချိုင်း')).toBe('\u101e\u1001\u1004\u103a\u1039\u103b\u102d\u102f\u1004\u103a\u1038');
    expect(reorderMyanmar('ပြုံး')).toBe('\u103c\u1015\u1036\u102f\u1038');
  });

  // Glyph sequences from HarfBuzz 6 (`hb-shape --no-positions`) on the same @fontsource Noto fonts.
  const HARFBUZZ: [TextRunScript, string, string][] = [
    ['thai', 'น้ำฝน', 'uni0E19|uni0E4D|uni0E49.small|uni0E32|uni0E1D|uni0E19'],
    ['thai', 'ปั้ม', 'uni0E1B|uni0E31.narrow|uni0E49.small|uni0E21'],
    ['khmer', 'ស្រីមុំ', 'uni17D2179A|uni179F|uni17B8|uni1798|uni17BB|uni17C6'],
    ['khmer', 'ក្រសួង', 'uni17D2179A|uni1780|uni179F|uni17BD|uni1784'],
    ['khmer', 'ហើយ', 'uni17C1|uni17A0|uni17B8|uni1799'],
    ['khmer', 'ស្រី', 'uni17D2179A|uni179F|uni17B8'], // after "ហើយ": no stray vowel sign from the glyph cache
    ['lao', 'ສົມພອນ', 'uni0EAA|uni0EBB|uni0EA1|uni0E9E|uni0EAD|uni0E99'],
    ['lao', 'ນ້ຳ', 'uni0E99|niggahita_maiTholao.right|uni0EB2'],
    ['myanmar', 'မြန်မာ', 'medial_ra|ma|na|asat|ma|_aa'],
    ['myanmar', 'ကြိုး', 'medial_ra_tt.w2|ka|_i|_u_spacing|dummymarkmymr|visarga'],
    ['myanmar', 'ပြုံး', 'medial_ra|pa|anusvara|_u_spacing|dummymarkmymr|visarga'],
    ['myanmar', '၎င်းတို့တွင်', 'aforementioned|nga|asat|visarga|ta|_i|_u_dot|sp1|ta|medial_wa|nga|asat'],
    ['myanmar', 'သင်္ချိုင်း', 'sa|kha|kinzi|medial_ya|_i|_u_spacing|dummymarkmymr|nga|asat|visarga'],
  ];
  type TextRunScript = 'thai' | 'khmer' | 'lao' | 'myanmar';

  it('shapes Thai, Khmer, Lao and Myanmar as HarfBuzz does', () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const [script, word, expected] of HARFBUZZ) {
      const [run] = splitRuns(word, 'en');
      expect(run?.script).toBe(script);
      useFont(doc, run!);
      const prepared = prepareRun(run!);
      // pdfkit's fontkit font: the same object pdfkit lays text out with.
      const font = (doc as unknown as { _font: { font: { layout(t: string, f?: string[]): { glyphs: { name: string }[] } } } })._font.font;
      const glyphs = font.layout(prepared.text, prepared.features as string[] | undefined).glyphs.map((glyph) => glyph.name);
      expect(glyphs.join('|'), word).toBe(expected);
    }
  });
});
