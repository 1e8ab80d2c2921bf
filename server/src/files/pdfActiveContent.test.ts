import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
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
});
