import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, textLayout } from './decodeText.js';
import { SheetError } from './sheetError.js';
import { looksLikeThaiWindows874 } from './thaiWindows874.js';

const THAI_CSV = 'ชื่อ,นามสกุล,จังหวัด,หมายเหตุ\nสมชาย,ใจดี,เชียงใหม่,"ผู้เสียหาย, แรงงานประมง"\nน้ำฝน,แก้วมณี,กรุงเทพมหานคร,ก็ได้\n';

function brokenAt(bytes: Buffer): Record<string, string | number> | string {
  try {
    return textLayout(bytes).encoding;
  } catch (error) {
    if (error instanceof SheetError && error.code === 'broken_encoding') return error.params;
    throw error;
  }
}

describe('textLayout', () => {
  it('reads UTF-8 with or without its mark, and UTF-16 by its mark or its NUL bytes', () => {
    expect(textLayout(Buffer.from('a,b\nสมชาย,ស្រី\n'))).toEqual({ encoding: 'utf8', start: 0 });
    expect(textLayout(Buffer.from('\ufeffa,b\n'))).toEqual({ encoding: 'utf8', start: 3 });
    expect(textLayout(Buffer.from('\ufeffa,b\n', 'utf16le'))).toEqual({ encoding: 'utf16le', start: 2 });
    expect(textLayout(Buffer.from('a,b\nx,y\n', 'utf16le'))).toEqual({ encoding: 'utf16le', start: 0 });
    expect(textLayout(Buffer.from([0xfe, 0xff, 0x00, 0x61]))).toEqual({ encoding: 'utf16be', start: 2 });
  });

  it('recognises Thai saved in Windows-874, which chardet is rarely sure of', () => {
    const bytes = iconv.encode(THAI_CSV, 'windows-874');
    expect(looksLikeThaiWindows874(bytes)).toBe(true);
    expect(textLayout(bytes)).toEqual({ encoding: 'windows-874', start: 0 });
  });

  it('does not take Latin-1 or damaged UTF-8 for Thai', () => {
    expect(looksLikeThaiWindows874(iconv.encode('name,city\nJosé,Genève\nFrançois,Zürich\n', 'latin1'))).toBe(false);
    expect(looksLikeThaiWindows874(Buffer.from('a,b\nc,d\n\xc3(,e\n', 'latin1'))).toBe(false);
    expect(looksLikeThaiWindows874(Buffer.from(THAI_CSV).subarray(0, 40))).toBe(false);
  });

  it('accepts Windows-1252 when chardet is sure of it, and only then', () => {
    const remark =
      "Les victimes ont été identifiées par la police. Elles ont été hébergées dans un foyer et ont reçu une aide médicale et juridique. L'enquête a été ouverte le même jour.";
    expect(textLayout(iconv.encode(`remarque\n"${remark}"\n"${remark}"\n`, 'windows-1252'))).toEqual({
      encoding: 'windows-1252',
      start: 0,
    });
    expect(brokenAt(iconv.encode('name,city\nJosé,Zürich\nFrançois,Genève\n', 'windows-1252'))).toEqual({ row: 2 });
  });

  it('names the line of the first byte that is not UTF-8 when no other encoding fits', () => {
    expect(brokenAt(Buffer.concat([Buffer.from('name,age\nsomchai,32\n'), Buffer.from([0xc3, 0x28]), Buffer.from(',41\n')]))).toEqual({
      row: 3,
    });
    expect(brokenAt(Buffer.concat([Buffer.from('\ufeffa\nb\nc\nd\n'), Buffer.from([0xff])]))).toEqual({ row: 5 });
  });

  it('finds the first malformed UTF-8 sequence', () => {
    expect(firstInvalidUtf8(Buffer.from('ok ก'))).toBe(6);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe0, 0xb8]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0x62, 0x80]))).toBe(2);
  });
});
