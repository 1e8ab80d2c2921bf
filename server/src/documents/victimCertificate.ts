/**
 * The victim identification certificate (DESIGN.md §2, step 2): one A4 page (two when names,
 * reasons and indicators cannot fit one) in the language chosen at download, for the countries that
 * issue one. Every label comes from `locales/<lng>.json`; dates follow the
 * locale (Thai in the Buddhist era); each script is set in its Noto font (see fonts.ts).
 *
 * Personal data stays on the page: the PDF metadata carries only the title, the certificate number,
 * the issuing agency and the subject.
 */
import { type Gender, type Locale, timeZoneOfCountry } from '@seamless/contracts';
import QRCode from 'qrcode';
import { drawLine, lineHeightFactor, measureText, type TextStyle, wrapText } from './fonts.js';
import en from './locales/en.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };
import km from './locales/km.json' with { type: 'json' };
import lo from './locales/lo.json' with { type: 'json' };
import my from './locales/my.json' with { type: 'json' };
import th from './locales/th.json' with { type: 'json' };
import vi from './locales/vi.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };
import { INTL_LOCALE, openPdf } from './pdfDocument.js';

export type VictimCertificate = {
  /** The case's language. */
  locale: Locale;
  /** e.g. "TH-2026-7K3M9Q/C1" */
  certificateNumber: string;
  caseReference: string;
  /** Issuing country, ISO 3166 alpha-2. */
  countryCode: string;
  issuingAgency: { name: string; localName: string | null };
  person: {
    name: string;
    nameAsWritten: string | null;
    /** YYYY-MM-DD */
    birthDate: string | null;
    estimatedBirthYear: number | null;
    gender: Gender;
    /** ISO 3166 alpha-2 codes. */
    citizenship: string[];
  };
  decision: {
    status: 'Presumed' | 'Identified';
    /** YYYY-MM-DD */
    decidedOn: string;
    decidingOrganisation: string;
    decidedBy: string;
    /** Already localised by the caller. */
    procedure: string;
    reasons: string;
  };
  /** Localised indicator labels, already translated by the caller. */
  indicators: { act: string[]; means: string[]; purpose: string[] };
  issuedAt: Date;
  verificationUrl?: string;
};

export type CertificateMessages = typeof en;

export const CERTIFICATE_MESSAGES: Record<Locale, CertificateMessages> = { en, th, km, lo, my, vi, zh, ja };

export function formatCertificateDate(isoDate: string, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) return isoDate;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function formatYear(year: number, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(year, 6, 1)));
}

function formatInstant(instant: Date, locale: Locale, countryCode: string): string {
  // The issue date is the calendar date where the certificate is issued.
  const timeZone = timeZoneOfCountry(countryCode);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: 'long', timeZone }).format(instant);
}

export function countryName(code: string, locale: Locale): string {
  const upper = code.toUpperCase();
  const own = (CERTIFICATE_MESSAGES[locale].countries as Record<string, string>)[upper];
  if (own) return own;
  try {
    return new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'region', fallback: 'code' }).of(upper) ?? upper;
  } catch {
    return upper;
  }
}

/** More than one page could ever hold; longer reasons are cut before layout (and marked as cut). */
const REASONS_CAP = 4000;

function capGraphemes(text: string, cap: number): string {
  if (text.length <= cap) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text.slice(0, cap + 16))) {
    if (out.length + segment.length > cap) break;
    out += segment;
  }
  return out;
}

function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

// ---------------------------------------------------------------------------------------------------
// Layout

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN_X = 50;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN_X;
const TOP = 44;
const FOOTER_BOTTOM = PAGE.height - 34;
const SIGNATURE_HEIGHT = 84;

const COLOURS = {
  navy: '#1d3557',
  text: '#111827',
  label: '#4b5563',
  faint: '#9ca3af',
  rule: '#d5dce6',
  panel: '#f2f5f9',
};

type Ctx = { doc: PDFKit.PDFDocument; locale: Locale; draw: boolean; scale: number };

type Texts = {
  country: string;
  agencyName: string;
  agencyLocalName: string | null;
  title: string;
  reference: [string, string][];
  person: [string, string][];
  decision: [string, string][];
  reasonsLabel: string;
  reasons: string;
  /** The reasons were longer than a page can hold and were cut before layout. */
  reasonsCut: boolean;
  reasonsTruncated: string;
  indicators: { heading: string; items: string[] }[];
  indicatorsNone: string;
  sections: CertificateMessages['sections'];
  protection: string;
  signature: CertificateMessages['signature'];
  footerIssued: string;
  footerPersonalData: string;
  footerVerify: string | null;
  /** Heads a second page, naming the certificate it continues. */
  continued: string;
};

function texts(c: VictimCertificate): Texts {
  const t = CERTIFICATE_MESSAGES[c.locale];
  const list = (items: string[]) => (items.length ? items.join(t.value.listSeparator) : t.value.notRecorded);
  const birth = c.person.birthDate
    ? formatCertificateDate(c.person.birthDate, c.locale)
    : c.person.estimatedBirthYear !== null
      ? interpolate(t.value.estimatedYear, { year: formatYear(c.person.estimatedBirthYear, c.locale) })
      : t.value.notRecorded;
  const issued = formatInstant(c.issuedAt, c.locale, c.countryCode);
  const person: [string, string][] = [[t.person.name, c.person.name]];
  if (c.person.nameAsWritten && c.person.nameAsWritten !== c.person.name) person.push([t.person.nameAsWritten, c.person.nameAsWritten]);
  person.push(
    [t.person.dateOfBirth, birth],
    [t.person.gender, t.gender[c.person.gender] ?? t.gender.NonSpecifiedUnknown],
    [t.person.citizenship, list(c.person.citizenship.map((code) => countryName(code, c.locale)))],
  );
  return {
    country: countryName(c.countryCode, c.locale),
    agencyName: c.issuingAgency.name,
    agencyLocalName: c.issuingAgency.localName && c.issuingAgency.localName !== c.issuingAgency.name ? c.issuingAgency.localName : null,
    title: t.title[c.decision.status],
    reference: [
      [t.reference.certificateNumber, c.certificateNumber],
      [t.reference.caseReference, c.caseReference],
      [t.reference.issuingCountry, countryName(c.countryCode, c.locale)],
      [t.reference.issuedOn, issued],
    ],
    person,
    decision: [
      [t.decision.status, t.status[c.decision.status]],
      [t.decision.decidedOn, formatCertificateDate(c.decision.decidedOn, c.locale)],
      [t.decision.decidingOrganisation, c.decision.decidingOrganisation],
      [t.decision.decidedBy, c.decision.decidedBy],
      [t.decision.procedure, c.decision.procedure],
    ],
    reasonsLabel: t.decision.reasons,
    reasons: capGraphemes(c.decision.reasons.trim(), REASONS_CAP) || t.value.notRecorded,
    reasonsCut: c.decision.reasons.trim().length > REASONS_CAP,
    reasonsTruncated: t.decision.reasonsTruncated,
    indicators: [
      { heading: t.indicators.act, items: c.indicators.act },
      { heading: t.indicators.means, items: c.indicators.means },
      { heading: t.indicators.purpose, items: c.indicators.purpose },
    ],
    indicatorsNone: t.indicators.none,
    sections: t.sections,
    protection: t.protection[c.decision.status],
    signature: t.signature,
    footerIssued: interpolate(t.footer.issued, { date: issued }),
    footerPersonalData: t.footer.personalData,
    footerVerify: c.verificationUrl ? interpolate(t.footer.verify, { url: c.verificationUrl }) : null,
    continued: interpolate(t.page.continued, { number: c.certificateNumber }),
  };
}

type Block = { height: number; lines: number; lineHeight: number };

/** Wraps and (when drawing) sets a paragraph whose first line box starts at `y`. */
function paragraph(
  ctx: Ctx,
  text: string,
  x: number,
  y: number,
  width: number,
  style: TextStyle,
  options: { align?: 'left' | 'center' | 'right'; maxLines?: number } = {},
): Block {
  let lines = wrapText(ctx.doc, text, style, ctx.locale, width).map((line) => line.text);
  if (options.maxLines !== undefined && lines.length > options.maxLines) {
    lines = lines.slice(0, Math.max(1, options.maxLines));
    lines[lines.length - 1] = withEllipsis(ctx, lines[lines.length - 1]!, style, width);
  }
  const lineHeight = style.size * lineHeightFactor(text, ctx.locale);
  const baselineOffset = firstBaseline(ctx, text, style);
  if (ctx.draw) {
    lines.forEach((line, i) => {
      const baseline = y + i * lineHeight + baselineOffset;
      drawLine(ctx.doc, line, x, baseline, style, ctx.locale, { align: options.align ?? 'left', width });
    });
  }
  return { height: lines.length * lineHeight, lines: lines.length, lineHeight };
}

/** Distance from the top of a paragraph's first line box to its baseline. */
function firstBaseline(ctx: Ctx, text: string, style: TextStyle): number {
  const lineHeight = style.size * lineHeightFactor(text, ctx.locale);
  return (lineHeight - style.size) / 2 + style.size * 0.8;
}

function withEllipsis(ctx: Ctx, line: string, style: TextStyle, width: number): string {
  const graphemes = [...new Intl.Segmenter(ctx.locale, { granularity: 'grapheme' }).segment(line)].map((s) => s.segment);
  while (graphemes.length && measureText(ctx.doc, `${graphemes.join('').trimEnd()}…`, style, ctx.locale) > width) graphemes.pop();
  return `${graphemes.join('').trimEnd()}…`;
}

function rule(ctx: Ctx, y: number, colour = COLOURS.rule, width = 0.5, x = MARGIN_X, length = CONTENT_WIDTH) {
  if (!ctx.draw) return;
  ctx.doc
    .moveTo(x, y)
    .lineTo(x + length, y)
    .lineWidth(width)
    .strokeColor(colour)
    .stroke();
}

function sectionHeading(ctx: Ctx, text: string, y: number): number {
  const block = paragraph(ctx, text, MARGIN_X, y, CONTENT_WIDTH, { size: 10.5 * ctx.scale, weight: 700, color: COLOURS.navy });
  rule(ctx, y + block.height + 1, COLOURS.navy, 0.8);
  return y + block.height + 6 * ctx.scale;
}

/** Label/value rows; returns the y after the last row. */
function rows(ctx: Ctx, entries: [string, string][], y: number, valueOptions: { maxLines?: number }[] = []): number {
  const labelWidth = CONTENT_WIDTH * 0.32;
  const gap = 10;
  const valueWidth = CONTENT_WIDTH - labelWidth - gap;
  let cursor = y;
  entries.forEach(([label, value], i) => {
    const padding = 2.5 * ctx.scale;
    const labelStyle: TextStyle = { size: 8.5 * ctx.scale, color: COLOURS.label };
    const valueStyle: TextStyle = { size: 9.5 * ctx.scale, color: COLOURS.text };
    // The label's first line sits on the same baseline as the value's.
    const shift = firstBaseline(ctx, value, valueStyle) - firstBaseline(ctx, label, labelStyle);
    const labelBlock = paragraph(ctx, label, MARGIN_X, cursor + padding + Math.max(0, shift), labelWidth, labelStyle);
    const valueBlock = paragraph(
      ctx,
      value,
      MARGIN_X + labelWidth + gap,
      cursor + padding + Math.max(0, -shift),
      valueWidth,
      valueStyle,
      valueOptions[i],
    );
    cursor += Math.max(labelBlock.height + Math.max(0, shift), valueBlock.height + Math.max(0, -shift)) + 2 * padding;
    if (i < entries.length - 1) rule(ctx, cursor, COLOURS.rule, 0.4);
  });
  return cursor;
}

function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell, cell);
    }
  }
  doc.fill(COLOURS.text).restore();
}

type Layout = { contentBottom: number; limit: number; reasonsLines: number; reasonsLineHeight: number; pages: number };

/** The double frame and the footer, on every page; returns the top of the footer. */
function pageFrame(ctx: Ctx, s: Texts): number {
  const { doc } = ctx;
  if (ctx.draw) {
    doc
      .rect(18, 18, PAGE.width - 36, PAGE.height - 36)
      .lineWidth(1.4)
      .strokeColor(COLOURS.navy)
      .stroke();
    doc
      .rect(22.5, 22.5, PAGE.width - 45, PAGE.height - 45)
      .lineWidth(0.4)
      .strokeColor(COLOURS.navy)
      .stroke();
  }
  const footerStyle: TextStyle = { size: 7.5, color: COLOURS.label };
  const footerLines = [s.footerIssued, s.footerPersonalData, ...(s.footerVerify ? [s.footerVerify] : [])];
  const dry: Ctx = { ...ctx, draw: false };
  const footerHeight = footerLines.reduce((sum, line) => sum + paragraph(dry, line, 0, 0, CONTENT_WIDTH, footerStyle).height, 0);
  const footerTop = FOOTER_BOTTOM - footerHeight;
  rule(ctx, footerTop - 4, COLOURS.navy, 0.6);
  let fy = footerTop;
  footerLines.forEach((line, i) => {
    fy += paragraph(ctx, line, MARGIN_X, fy, CONTENT_WIDTH, i === 0 ? { ...footerStyle, weight: 700 } : footerStyle).height;
  });
  return footerTop;
}

/**
 * Lays the certificate out from `TOP`. Measuring (`paginate` off), everything stacks on one endless
 * page; drawing, a block that would reach into the footer, or a protection statement that would reach
 * the signature boxes, starts the next page instead.
 */
function compose(ctx: Ctx, c: VictimCertificate, s: Texts, reasonsMaxLines?: number, paginate = false): Layout {
  const { doc } = ctx;
  const k = ctx.scale;

  const footerTop = pageFrame(ctx, s);

  // Header: country and issuing agency
  let y = TOP;
  y += paragraph(
    ctx,
    s.country,
    MARGIN_X,
    y,
    CONTENT_WIDTH,
    { size: 10 * k, weight: 700, color: COLOURS.navy },
    { align: 'center' },
  ).height;
  y += paragraph(
    ctx,
    s.agencyName,
    MARGIN_X,
    y,
    CONTENT_WIDTH,
    { size: 11.5 * k, weight: 700, color: COLOURS.text },
    { align: 'center' },
  ).height;
  if (s.agencyLocalName) {
    y += paragraph(ctx, s.agencyLocalName, MARGIN_X, y, CONTENT_WIDTH, { size: 10.5 * k, color: COLOURS.text }, { align: 'center' }).height;
  }
  y += 5 * k;
  rule(ctx, y, COLOURS.navy, 1.2, MARGIN_X + 60, CONTENT_WIDTH - 120);
  rule(ctx, y + 2.5, COLOURS.navy, 0.4, MARGIN_X + 60, CONTENT_WIDTH - 120);
  y += 12 * k;

  // Title: on one line if it fits, otherwise broken after its dash rather than wherever the words fall.
  const titleStyle: TextStyle = { size: 16.5 * k, weight: 700, color: COLOURS.navy };
  const titleWidth = CONTENT_WIDTH - 30;
  const titleParts = /^(.*?\s—)\s+(.*)$/s.exec(s.title);
  const titleLines =
    titleParts && measureText(doc, s.title, titleStyle, ctx.locale) > titleWidth ? [titleParts[1]!, titleParts[2]!] : [s.title];
  for (const line of titleLines) y += paragraph(ctx, line, MARGIN_X + 15, y, titleWidth, titleStyle, { align: 'center' }).height;
  y += 10 * k;

  // Reference panel (and the verification QR code beside it)
  const qrSize = c.verificationUrl ? 74 * k : 0;
  const panelWidth = CONTENT_WIDTH - (qrSize ? qrSize + 10 : 0);
  const cellWidth = (panelWidth - 3 * 10) / 2;
  const pad = 7 * k;
  const labelStyle: TextStyle = { size: 7.5 * k, color: COLOURS.label };
  const valueStyle: TextStyle = { size: 10 * k, weight: 700, color: COLOURS.text };
  const cell = (target: Ctx, [label, value]: [string, string], cx: number, cy: number) => {
    const labelHeight = paragraph(target, label, cx, cy, cellWidth, labelStyle).height;
    return labelHeight + paragraph(target, value, cx, cy + labelHeight, cellWidth, valueStyle).height;
  };
  const dry: Ctx = { ...ctx, draw: false };
  const rowHeights = [0, 1].map((row) => Math.max(cell(dry, s.reference[row * 2]!, 0, 0), cell(dry, s.reference[row * 2 + 1]!, 0, 0)));
  const textHeight = rowHeights[0]! + rowHeights[1]! + 3 * pad;
  const panelHeight = Math.max(textHeight, qrSize);
  if (ctx.draw) {
    doc.roundedRect(MARGIN_X, y, panelWidth, panelHeight, 4).fillAndStroke(COLOURS.panel, COLOURS.rule);
    let cy = y + pad + (panelHeight - textHeight) / 2;
    for (const row of [0, 1]) {
      for (const col of [0, 1]) cell(ctx, s.reference[row * 2 + col]!, MARGIN_X + 10 + col * (cellWidth + 10), cy);
      cy += rowHeights[row]! + pad;
    }
    if (c.verificationUrl) drawQrCode(doc, c.verificationUrl, MARGIN_X + CONTENT_WIDTH - qrSize, y, qrSize);
  }
  y += panelHeight + 12 * k;

  // Person
  y = sectionHeading(ctx, s.sections.person, y);
  y = rows(ctx, s.person, y) + 9 * k;

  // Decision, with the reasons as the last row
  y = sectionHeading(ctx, s.sections.decision, y);
  y = rows(ctx, [...s.decision, [s.reasonsLabel, s.reasons]], y, [...s.decision.map(() => ({})), { maxLines: reasonsMaxLines }]);
  const reasonsBlock = paragraph({ ...ctx, draw: false }, s.reasons, 0, 0, CONTENT_WIDTH * 0.68 - 10, { size: 9.5 * k });
  if (s.reasonsCut || (reasonsMaxLines !== undefined && reasonsMaxLines < reasonsBlock.lines)) {
    y += paragraph(ctx, s.reasonsTruncated, MARGIN_X + CONTENT_WIDTH * 0.32 + 10, y, CONTENT_WIDTH * 0.68 - 10, {
      size: 7.5 * k,
      color: COLOURS.label,
    }).height;
  }
  y += 9 * k;

  let pages = 1;
  const contentLimit = footerTop - 16;
  const nextPage = () => {
    if (ctx.draw) doc.addPage({ size: 'A4', margin: 0 });
    pages++;
    pageFrame(ctx, s);
    y = TOP;
    y += paragraph(ctx, s.continued, MARGIN_X, y, CONTENT_WIDTH, { size: 8.5, weight: 700, color: COLOURS.navy }).height;
    rule(ctx, y + 2, COLOURS.navy, 0.6);
    y += 12;
  };
  /** A block is not split across pages: it starts the next one when it would end below `limit`. */
  const place = (block: (target: Ctx, s: Texts, top: number) => number, limit: number) => {
    if (paginate && block({ ...ctx, draw: false }, s, y) > limit) nextPage();
    y = block(ctx, s, y);
  };
  place(indicatorsBlock, contentLimit);
  // The protection statement stays on the page that is signed: above the signature and stamp boxes,
  // which sit above the footer, or with them on a second page.
  const signatureAnchor = footerTop - 14 - SIGNATURE_HEIGHT;
  place(protectionBlock, signatureAnchor - 12);
  const contentBottom = y;
  const signatureTop = pages > 1 ? y + 16 : signatureAnchor;
  if (ctx.draw) drawSignatureBoxes(ctx, s, signatureTop);

  return {
    pages,
    contentBottom,
    limit: signatureAnchor - 12,
    reasonsLines: reasonsBlock.lines,
    reasonsLineHeight: reasonsBlock.lineHeight,
  };
}

/** Act, means and purpose side by side. */
function indicatorsBlock(ctx: Ctx, s: Texts, top: number): number {
  const { doc } = ctx;
  const k = ctx.scale;
  const y = sectionHeading(ctx, s.sections.indicators, top);
  const columnGap = 12;
  const columnWidth = (CONTENT_WIDTH - 2 * columnGap) / 3;
  let columnsBottom = y;
  s.indicators.forEach((column, i) => {
    const x = MARGIN_X + i * (columnWidth + columnGap);
    let cy = y + 2;
    cy += paragraph(ctx, column.heading, x, cy, columnWidth, { size: 8.5 * k, weight: 700, color: COLOURS.label }).height + 2;
    if (column.items.length === 0) {
      cy += paragraph(ctx, s.indicatorsNone, x, cy, columnWidth, { size: 8.5 * k, color: COLOURS.faint }).height;
    }
    for (const item of column.items) {
      const bullet = 8 * k;
      if (ctx.draw) doc.circle(x + 2.2, cy + 8.5 * k * lineHeightFactor(item, ctx.locale) * 0.5, 1.3).fill(COLOURS.navy);
      cy += paragraph(ctx, item, x + bullet, cy, columnWidth - bullet, { size: 8.5 * k, color: COLOURS.text }).height + 1;
    }
    columnsBottom = Math.max(columnsBottom, cy);
  });
  return columnsBottom + 10 * k;
}

/** The protection statement in its panel. */
function protectionBlock(ctx: Ctx, s: Texts, y: number): number {
  const { doc } = ctx;
  const k = ctx.scale;
  const dry: Ctx = { ...ctx, draw: false };
  const protectionStyle: TextStyle = { size: 8.5 * k, color: COLOURS.text };
  const headingStyle: TextStyle = { size: 9 * k, weight: 700, color: COLOURS.navy };
  const boxPad = 8 * k;
  const innerWidth = CONTENT_WIDTH - 2 * boxPad - 3;
  const headingHeight = paragraph(dry, s.sections.protection, 0, 0, innerWidth, headingStyle).height;
  const bodyHeight = paragraph(dry, s.protection, 0, 0, innerWidth, protectionStyle).height;
  const boxHeight = headingHeight + bodyHeight + 2 * boxPad + 2;
  if (ctx.draw) {
    doc.rect(MARGIN_X, y, CONTENT_WIDTH, boxHeight).fill(COLOURS.panel);
    doc.rect(MARGIN_X, y, 3, boxHeight).fill(COLOURS.navy);
  }
  paragraph(ctx, s.sections.protection, MARGIN_X + 3 + boxPad, y + boxPad, innerWidth, headingStyle);
  paragraph(ctx, s.protection, MARGIN_X + 3 + boxPad, y + boxPad + headingHeight + 2, innerWidth, protectionStyle);
  return y + boxHeight;
}

function drawSignatureBoxes(ctx: Ctx, s: Texts, top: number) {
  const { doc } = ctx;
  const gap = 14;
  const signatureWidth = CONTENT_WIDTH * 0.62;
  const stampWidth = CONTENT_WIDTH - signatureWidth - gap;
  const labelStyle: TextStyle = { size: 8, color: COLOURS.label };
  doc.roundedRect(MARGIN_X, top, signatureWidth, SIGNATURE_HEIGHT, 3).lineWidth(0.6).strokeColor(COLOURS.rule).stroke();
  paragraph(ctx, s.signature.officer, MARGIN_X + 8, top + 5, signatureWidth - 16, { ...labelStyle, weight: 700 });
  const lineX = MARGIN_X + 8;
  const lineLength = signatureWidth - 16;
  const firstLine = top + SIGNATURE_HEIGHT * 0.5;
  const secondLine = top + SIGNATURE_HEIGHT - 17;
  rule(ctx, firstLine, COLOURS.faint, 0.6, lineX, lineLength);
  paragraph(ctx, s.signature.nameAndPosition, lineX, firstLine + 1, lineLength, labelStyle);
  rule(ctx, secondLine, COLOURS.faint, 0.6, lineX, lineLength);
  paragraph(ctx, s.signature.date, lineX, secondLine + 1, lineLength, labelStyle);

  const stampX = MARGIN_X + signatureWidth + gap;
  doc.roundedRect(stampX, top, stampWidth, SIGNATURE_HEIGHT, 3).lineWidth(0.6).strokeColor(COLOURS.rule).stroke();
  paragraph(ctx, s.signature.stamp, stampX + 8, top + 5, stampWidth - 16, { ...labelStyle, weight: 700 });
  doc
    .circle(stampX + stampWidth / 2, top + SIGNATURE_HEIGHT / 2 + 8, 30)
    .dash(2, { space: 2 })
    .lineWidth(0.6)
    .strokeColor(COLOURS.faint)
    .stroke()
    .undash();
}

const SCALES = [1, 0.95, 0.9, 0.85, 0.8];
/** Reasons are not cut shorter than this to keep one page: a second page is better than no reasons. */
const REASONS_MIN_LINES = 6;

/** Renders the certificate as an A4 PDF: one page, two when the content cannot fit one. */
export async function renderVictimCertificate(certificate: VictimCertificate): Promise<Buffer> {
  const t = CERTIFICATE_MESSAGES[certificate.locale];
  const s = texts(certificate);
  const { doc, bytes: done } = openPdf(certificate.locale, {
    title: `${t.title[certificate.decision.status]} — ${certificate.certificateNumber}`,
    author: certificate.issuingAgency.name,
    subject: t.meta.subject,
    createdAt: certificate.issuedAt,
  });

  // The largest type that fits one page; past the smallest, the reasons are cut and point to the file,
  // down to a few lines: what still does not fit goes on a second page.
  // Heights shrink about in proportion to the type, so scales that cannot fit are skipped unmeasured.
  let scale = SCALES[SCALES.length - 1]!;
  let reasonsMaxLines: number | undefined;
  let needed = 1;
  for (const candidate of SCALES) {
    if (candidate > needed && candidate !== scale) continue;
    const layout = compose({ doc, locale: certificate.locale, draw: false, scale: candidate }, certificate, s);
    if (layout.contentBottom <= layout.limit) {
      scale = candidate;
      break;
    }
    needed = Math.min(needed, (candidate * (layout.limit - TOP)) / (layout.contentBottom - TOP) + 0.04);
    if (candidate === scale) {
      const overflow = layout.contentBottom - layout.limit;
      const noteRoom = 2 * layout.reasonsLineHeight;
      const fitting = layout.reasonsLines - Math.ceil((overflow + noteRoom) / layout.reasonsLineHeight);
      reasonsMaxLines = Math.max(Math.min(REASONS_MIN_LINES, layout.reasonsLines), fitting);
    }
  }
  compose({ doc, locale: certificate.locale, draw: true, scale }, certificate, s, reasonsMaxLines, true);
  doc.end();
  return done;
}
