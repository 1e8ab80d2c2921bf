import type { Locale } from '@seamless/contracts';
import PDFDocument from 'pdfkit';

const PDF_LANGUAGE: Record<Locale, string> = { en: 'en', th: 'th', km: 'km', lo: 'lo', my: 'my', vi: 'vi', zh: 'zh-Hans', ja: 'ja' };
const PRODUCER = 'Seamless';
// pdfkit loads Helvetica unless told otherwise; every run of our documents picks its own Noto font (fonts.ts).
const NO_DEFAULT_FONT = null as unknown as string;

/** Locale tags for the documents' dates (Intl): Thai dates are in the Buddhist era. */
export const INTL_LOCALE: Record<Locale, string> = {
  en: 'en-GB',
  th: 'th-TH-u-ca-buddhist',
  km: 'km-KH',
  lo: 'lo-LA',
  my: 'my-MM',
  vi: 'vi-VN',
  zh: 'zh-CN',
  ja: 'ja-JP',
};

export type DocumentInfo = {
  title: string;
  author?: string;
  subject?: string;
  /** Fixed dates make the same document render to the same bytes. */
  createdAt?: Date;
};

/**
 * An A4 PDF in the document's language (readers pick hyphenation and voice from it), with its
 * title shown in the window, and the bytes it will have once `doc.end()` is called.
 */
export function openPdf(locale: Locale, info: DocumentInfo): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    font: NO_DEFAULT_FONT,
    pdfVersion: '1.7',
    lang: PDF_LANGUAGE[locale],
    displayTitle: true,
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: PRODUCER,
      Producer: PRODUCER,
      ...(info.createdAt ? { CreationDate: info.createdAt, ModDate: info.createdAt } : {}),
    },
  });
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
