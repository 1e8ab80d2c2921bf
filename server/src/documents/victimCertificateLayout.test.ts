/**
 * The certificate's layout as rendered, in all eight languages, at its most crowded: long names in two
 * scripts, the longer protection paragraph, reasons long enough to fill the page. Lines are read back
 * from the PDF (test/pdfLayout.ts), not from the renderer's arithmetic; PNGs of every page go to
 * test-results/certificate-layout-<lng>-<page>.png to be looked at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Locale, SUPPORTED_LOCALES } from '@seamless/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { CERTIFICATE_FIXTURES } from '../../test/certificateFixtures.js';
import { readPdf, renderPdfPage } from '../../test/pdf.js';
import { type Box, inside, overlaps, type PageLayout, readPdfLayout } from '../../test/pdfLayout.js';
import { CERTIFICATE_MESSAGES, renderVictimCertificate, type VictimCertificate } from './victimCertificate.js';

const OUTPUT_DIR = fileURLToPath(new URL('../../../test-results', import.meta.url));
/** The inner rule of the certificate's double frame: every line stays inside it. */
const FRAME_INSET = 22.5;
/** Taller than any ruled line or bullet: only a box to sign or stamp in. */
const SIGNING_ROOM = 50;

const squash = (text: string) => text.normalize('NFC').replace(/\s+/g, '');

/** The status whose protection paragraph is the longer one in this language. */
function longestStatus(locale: Locale): 'Presumed' | 'Identified' {
  const { protection } = CERTIFICATE_MESSAGES[locale];
  return protection.Identified.length >= protection.Presumed.length ? 'Identified' : 'Presumed';
}

function crowded(locale: Locale, reasonsRepeat: number, indicatorsRepeat = 1): VictimCertificate {
  const fixture = CERTIFICATE_FIXTURES[locale];
  const many = (items: string[]) => Array.from({ length: indicatorsRepeat }, () => items).flat();
  return {
    ...fixture,
    indicators: { act: many(fixture.indicators.act), means: many(fixture.indicators.means), purpose: many(fixture.indicators.purpose) },
    issuingAgency: {
      name: `${fixture.issuingAgency.name} — Provincial Office for Anti-Trafficking in Persons Coordination`,
      localName: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์ สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงราย',
    },
    person: {
      ...fixture.person,
      name: `${fixture.person.name} Phongsavanh Keomanivong Siriwattanakul`,
      nameAsWritten: `${fixture.person.nameAsWritten} ${fixture.person.nameAsWritten}`,
      citizenship: ['MM', 'LA', 'KH'],
    },
    decision: {
      ...fixture.decision,
      status: longestStatus(locale),
      decidedBy: `${fixture.decision.decidedBy}, ${fixture.decision.decidingOrganisation}`,
      reasons: Array.from({ length: reasonsRepeat }, () => fixture.decision.reasons).join(' '),
    },
  };
}

/**
 * Everything that must hold of any certificate page. The signature and stamp boxes are the stroked
 * boxes inside the frame tall enough to sign in; side by side they make one band across the page that
 * only their own labels may enter. Returns how many pages carry them.
 */
function checkLayout(pages: PageLayout[], locale: Locale): number {
  let signed = 0;
  pages.forEach((page, index) => {
    const where = `${locale} p${index + 1}`;
    const frame: Box = { x0: FRAME_INSET, y0: FRAME_INSET, x1: page.width - FRAME_INSET, y1: page.height - FRAME_INSET };
    for (const line of page.lines) expect(inside(line, frame), `${where}: "${line.text}" outside the frame`).toBe(true);
    for (const [i, a] of page.lines.entries()) {
      for (const b of page.lines.slice(i + 1)) expect(overlaps(a, b, 0.5), `${where}: "${a.text}" overlaps "${b.text}"`).toBe(false);
    }
    const boxes = page.shapes.filter(
      (shape) => shape.paint === 'stroke' && shape.x0 > FRAME_INSET + 1 && shape.y1 - shape.y0 > SIGNING_ROOM,
    );
    if (boxes.length === 0) return;
    signed++;
    const band: Box = {
      x0: FRAME_INSET,
      x1: page.width - FRAME_INSET,
      y0: Math.min(...boxes.map((box) => box.y0)),
      y1: Math.max(...boxes.map((box) => box.y1)),
    };
    for (const line of page.lines) {
      if (overlaps(line, band)) expect(inside(line, band), `${where}: "${line.text}" runs under the signature box`).toBe(true);
    }
    for (const panel of page.shapes.filter((shape) => shape.paint === 'fill')) {
      expect(overlaps(panel, band), `${where}: a panel reaches into the signature box`).toBe(false);
    }
    // Never a signature alone on a page: at least the protection statement's heading and two lines above it.
    expect(page.lines.filter((line) => line.y1 <= band.y0).length, `${where}: text above the signature`).toBeGreaterThanOrEqual(3);
  });
  return signed;
}

beforeAll(() => {
  fs.mkdirSync(OUTPUT_DIR, { recursive: true });
});

describe('victim certificate layout as rendered', () => {
  it.each(SUPPORTED_LOCALES)('%s: no line overlaps another, leaves the frame or runs under the signature box', async (locale) => {
    for (const [repeat, indicators] of [
      [1, 1],
      [3, 1],
      [6, 1],
      [12, 1],
      [40, 1],
      [1, 4],
      [12, 4],
    ] as const) {
      const certificate = crowded(locale, repeat, indicators);
      const pdf = await renderVictimCertificate(certificate);
      const pages = await readPdfLayout(pdf);
      expect(checkLayout(pages, locale), `${locale} ×${repeat}/${indicators}: pages with the signature boxes`).toBe(1);
      // A second page names the certificate it continues.
      if (pages.length > 1) expect(squash(pages[1]!.lines[0]!.text)).toContain(squash(certificate.certificateNumber));
      // The whole protection paragraph is there to read.
      const protection = squash(CERTIFICATE_MESSAGES[locale].protection[certificate.decision.status]);
      expect(squash((await readPdf(pdf)).text), `${locale} ×${repeat}/${indicators}`).toContain(protection);
      if (repeat === 3 || indicators === 4) {
        for (const index of pages.keys()) {
          const { png } = await renderPdfPage(pdf, index + 1, 72);
          fs.writeFileSync(path.join(OUTPUT_DIR, `certificate-layout-${locale}-${repeat}x${indicators}-${index + 1}.png`), png);
        }
      }
    }
  });
});
