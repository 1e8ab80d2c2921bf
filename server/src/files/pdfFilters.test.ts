import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ascii85, lzw, runLength } from '../../test/craftedPdfs.js';
import { DecodeBudget, decodeStreamData, UndecodableStream } from './pdfFilters.js';

const decode = (data: Buffer, ...names: string[]) =>
  decodeStreamData(
    data,
    names.map((name) => ({ name, parms: {} })),
    new DecodeBudget(1024 * 1024),
  ).toString('latin1');

const TEXT = Buffer.from(`<< /Type /Catalog >> ${'0123456789abcdef'.repeat(400)} \u0000\u0000\u0000\u0000 end`, 'latin1');

describe('PDF stream filters', () => {
  it('decodes each standard filter and chains of them', () => {
    expect(decode(Buffer.from('3C 3c2f41 3>'), 'ASCIIHexDecode')).toBe('<</A0');
    expect(decode(ascii85(TEXT), 'ASCII85Decode')).toBe(TEXT.toString('latin1'));
    expect(decode(Buffer.from('z!!*-~>'), 'A85')).toBe('\0\0\0\0\0\u0001\u0002');
    expect(decode(runLength(TEXT), 'RunLengthDecode')).toBe(`${TEXT.toString('latin1')}${' '.repeat(20)}`);
    expect(decode(lzw(TEXT), 'LZWDecode')).toBe(TEXT.toString('latin1'));
    expect(decode(Buffer.from(deflateSync(TEXT).toString('hex')), 'AHx', 'Fl')).toBe(TEXT.toString('latin1'));
  });

  it('undoes PNG and TIFF predictors', () => {
    const rows = Buffer.from([2, 1, 2, 3, 2, 1, 1, 1, 4, 0, 0, 0]);
    const parms = { Predictor: 12, Columns: 3 };
    expect([...decodeStreamData(deflateSync(rows), [{ name: 'FlateDecode', parms }], new DecodeBudget(100))]).toEqual([
      1, 2, 3, 2, 3, 4, 2, 3, 4,
    ]);
    const tiff = { Predictor: 2, Columns: 3 };
    expect([
      ...decodeStreamData(deflateSync(Buffer.from([5, 1, 1])), [{ name: 'FlateDecode', parms: tiff }], new DecodeBudget(100)),
    ]).toEqual([5, 6, 7]);
  });

  it.each([
    ['an image codec', Buffer.from('x'), 'DCTDecode'],
    ['a crypt filter', Buffer.from('x'), 'Crypt'],
    ['letters outside hexadecimal', Buffer.from('4g>'), 'ASCIIHexDecode'],
    ['characters outside base-85', Buffer.from('ab{cd~>'), 'ASCII85Decode'],
    ['a damaged zlib stream', Buffer.from('not zlib'), 'FlateDecode'],
    ['an LZW code past the table', Buffer.from([0x80, 0x3f, 0xff, 0xff]), 'LZWDecode'],
  ])('refuses %s', (_label, data, name) => {
    expect(() => decode(data, name)).toThrow(UndecodableStream);
  });

  it.each([
    ['Flate', deflateSync(Buffer.alloc(8 * 1024 * 1024)), 'FlateDecode'],
    ['RunLength', Buffer.concat([Buffer.alloc(200_000, Buffer.from([0x81, 0x41])), Buffer.from([128])]), 'RunLengthDecode'],
    ['LZW', lzw(Buffer.alloc(3_000_000, 0x41)), 'LZWDecode'],
  ])('stops a %s bomb at the budget', (_label, data, name) => {
    expect(data.length).toBeLessThan(256 * 1024);
    expect(() => decode(data, name)).toThrow(UndecodableStream);
  });
});
