import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  ascii85,
  asciiHex,
  classicPdf,
  lzw,
  objectStreamPdf,
  PASSIVE_PAGE,
  passivePdf,
  pngUp,
  readerScripts,
  runLength,
  scriptedPdf,
  withEmbeddedPdf,
} from '../../test/craftedPdfs.js';
import { renderVictimCertificate } from '../documents/victimCertificate.js';
import { pdfActiveContent } from './pdfActiveContent.js';

const pdf = (objects: string) =>
  Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R ${objects} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`);

/** A PDF 1.5 object stream holding `hidden` compressed, as writers do to save space. */
function withObjectStream(hidden: string) {
  const compressed = deflateSync(Buffer.from(`5 0 ${hidden}`));
  return Buffer.concat([
    Buffer.from(`%PDF-1.7\n4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${compressed.length} >>\nstream\n`),
    compressed,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

describe('active content in PDFs', () => {
  it('passes a passive document, links and page destinations included', () => {
    expect(pdfActiveContent(pdf(''))).toBeNull();
    expect(pdfActiveContent(pdf('/Annots [<< /Subtype /Link /A << /S /URI /URI (https://example.org) >> >>]'))).toBeNull();
    expect(pdfActiveContent(withObjectStream('<< /Type /Page /Contents 6 0 R >>'))).toBeNull();
  });

  it.each([
    ['JavaScript on open', '/Names << /X << /S /JavaScript /JS (app.alert(1)) >> >>', 'JavaScript'],
    ['a launch action', '/Names << /X << /S /Launch /F (cmd.exe) >> >>', 'Launch'],
    ['an automatic action', '/AA << /O 5 0 R >>', 'AA'],
    ['a hex-escaped name', '/Names << /X << /S /J#61vaScript /J#53 (x) >> >>', 'JavaScript'],
    ['an open action to anything', '/OpenAction 5 0 R', 'OpenAction'],
    ['a form that submits', '/X << /S /SubmitForm /F (https://evil.example) >>', 'SubmitForm'],
  ])('finds %s', (_label, objects, name) => {
    expect(pdfActiveContent(pdf(objects))).toBe(name);
  });

  it('finds JavaScript hidden in a compressed object stream', () => {
    expect(pdfActiveContent(withObjectStream('<< /S /JavaScript /JS (app.alert(1)) >>'))).toBe('JavaScript');
  });

  const encodings: [string, (body: Buffer) => Buffer, string][] = [
    ['ASCIIHexDecode', asciiHex, '/Filter/ASCIIHexDecode'],
    ['ASCII85Decode', ascii85, '/Filter/ASCII85Decode'],
    ['the chain [/ASCIIHexDecode /FlateDecode]', (body) => asciiHex(deflateSync(body)), '/Filter[/ASCIIHexDecode/FlateDecode]'],
    ['RunLengthDecode', runLength, '/Filter/RunLengthDecode'],
    ['LZWDecode', lzw, '/Filter/LZWDecode'],
    [
      'FlateDecode with a PNG predictor',
      (body) => deflateSync(pngUp(body, 16)),
      '/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 16>>',
    ],
    ['abbreviated names [/AHx /Fl]', (body) => asciiHex(deflateSync(body)), '/F[/AHx/Fl]'],
  ];

  it.each(encodings)('finds the open action of an object stream encoded with %s, which a reader runs', async (_label, encode, filter) => {
    const file = objectStreamPdf(encode, filter);
    expect(await readerScripts(file)).toEqual(["app.alert('probe-objstm')"]);
    expect(pdfActiveContent(file)).toBe('OpenAction');
  });

  it.each(encodings)('passes a passive object stream encoded with %s', (_label, encode, filter) => {
    expect(pdfActiveContent(objectStreamPdf(encode, filter, { passive: true }))).toBeNull();
  });

  it('reads an object stream by its /First and /N, as a reader does, also without /Type /ObjStm', async () => {
    const file = objectStreamPdf(asciiHex, '/Filter/ASCIIHexDecode', { typed: false });
    expect(await readerScripts(file)).toHaveLength(1);
    expect(pdfActiveContent(file)).toBe('OpenAction');
  });

  it.each([
    ['a filter not decoded here', () => objectStreamPdf((body) => body, '/Filter/DCTDecode', { passive: true })],
    ['an unknown filter', () => objectStreamPdf((body) => body, '/Filter/RotDecode', { passive: true })],
    ['a damaged Flate stream', () => objectStreamPdf((body) => body, '/Filter/FlateDecode', { passive: true })],
    ['an indirect filter', () => objectStreamPdf(asciiHex, '/Filter 3 0 R', { passive: true })],
    ['an unknown predictor', () => objectStreamPdf(deflateSync, '/Filter/FlateDecode/DecodeParms<</Predictor 7>>', { passive: true })],
    [
      'an encrypted file',
      () => {
        const file = objectStreamPdf(deflateSync, '/Filter/FlateDecode', { passive: true }).toString('latin1');
        return Buffer.from(file.replace('/Type/XRef', '/Type/XRef/Encrypt 12 0 R'), 'latin1');
      },
    ],
  ])('refuses an object stream with %s rather than taking it as clean', (_label, build) => {
    expect(pdfActiveContent(build())).not.toBeNull();
  });

  it('refuses an object stream that inflates past the budget without inflating all of it', () => {
    const bomb = withObjectStream(`<< /Pad (${' '.repeat(64 * 1024 * 1024)}) >>`);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const started = performance.now();
    expect(pdfActiveContent(bomb)).not.toBeNull();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('ends a name at NUL as readers do, so /OpenAction followed by NUL is still an open action', async () => {
    const file = classicPdf([
      '<< /Type /Catalog /Pages 2 0 R /OpenAction\0 4 0 R >>',
      ...PASSIVE_PAGE,
      '<</S/JavaScript\0/JS\0(app.alert\\(1\\))>>',
    ]);
    expect(await readerScripts(file)).toEqual(['app.alert(1)']);
    expect(pdfActiveContent(file)).not.toBeNull();
  });

  it('finds the script of a PDF attached to a PDF and opened by a /GoToE link', async () => {
    const file = withEmbeddedPdf(scriptedPdf());
    expect(await readerScripts(file)).toEqual(["app.alert('probe-objstm')"]);
    expect(pdfActiveContent(file)).toBe('OpenAction');
    expect(pdfActiveContent(withEmbeddedPdf(scriptedPdf(), { typed: false }))).toBe('OpenAction');
    expect(pdfActiveContent(withEmbeddedPdf(withEmbeddedPdf(scriptedPdf())))).toBe('OpenAction');
  });

  it('passes an attached passive PDF, and refuses one nested too deep to read', () => {
    expect(pdfActiveContent(withEmbeddedPdf(passivePdf()))).toBeNull();
    expect(pdfActiveContent(withEmbeddedPdf(withEmbeddedPdf(withEmbeddedPdf(passivePdf()))))).toBe('EmbeddedFile');
  });

  it('passes the PDFs the application itself writes', async () => {
    const certificate = await renderVictimCertificate({
      locale: 'th',
      certificateNumber: 'TH-2026-7K3M9Q/C1',
      caseReference: 'TH-2026-7K3M9Q',
      countryCode: 'TH',
      issuingAgency: { name: 'Ministry of Social Development and Human Security', localName: 'กระทรวงการพัฒนาสังคมและความมั่นคงของมนุษย์' },
      person: {
        name: 'Somphone Keomany',
        nameAsWritten: 'ສົມພອນ ແກ້ວມະນີ',
        birthDate: '2004-07-19',
        estimatedBirthYear: null,
        gender: 'Feminine',
        citizenship: ['LA'],
      },
      decision: {
        status: 'Identified',
        decidedOn: '2026-03-12',
        decidingOrganisation: 'Chiang Rai Provincial Multidisciplinary Team',
        decidedBy: 'Pol. Lt. Col. Somchai Jaidee',
        procedure: 'Multidisciplinary team screening',
        reasons: 'Recruited through a job advertisement and held in a compound.',
      },
      indicators: { act: ['Recruitment'], means: ['Deception'], purpose: ['Forced labour'] },
      issuedAt: new Date('2026-03-14T02:30:00Z'),
      verificationUrl: 'https://seamless.example.org/verify/TH-2026-7K3M9Q-C1',
    });
    expect(pdfActiveContent(certificate)).toBeNull();
    expect(pdfActiveContent(passivePdf())).toBeNull();
  });
});
