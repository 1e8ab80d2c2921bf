import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { safeFileName, sniffMediaType } from './sniffMediaType.js';

const pixel = { create: { width: 4, height: 4, channels: 3 as const, background: '#336699' } };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

describe('sniffMediaType', () => {
  it('recognises the accepted types from their bytes', async () => {
    expect(await sniffMediaType(PDF)).toBe('application/pdf');
    expect(await sniffMediaType(await sharp(pixel).jpeg().toBuffer())).toBe('image/jpeg');
    expect(await sniffMediaType(await sharp(pixel).png().toBuffer())).toBe('image/png');
    expect(await sniffMediaType(await sharp(pixel).webp().toBuffer())).toBe('image/webp');
  });

  it('refuses everything else, whatever it claims to be', async () => {
    const refused = [
      Buffer.from('<html><body><script>fetch("/api/cases")</script></body></html>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
      Buffer.from('PK\x03\x04\x14\x00\x00\x00\x08\x00', 'latin1'),
      await sharp(pixel).gif().toBuffer(),
      await sharp(pixel).tiff().toBuffer(),
      Buffer.from('plain text that only calls itself photo.jpg'),
      Buffer.alloc(0),
    ];
    for (const bytes of refused) expect(await sniffMediaType(bytes)).toBeNull();
  });
});

describe('safeFileName', () => {
  it('keeps a plain name, in any script, when its extension fits the real type', () => {
    expect(safeFileName('medical report.pdf', 'application/pdf')).toBe('medical report.pdf');
    expect(safeFileName('รูปถ่าย.JPEG', 'image/jpeg')).toBe('รูปถ่าย.JPEG');
  });

  it('drops paths and control characters and makes the extension match the bytes', () => {
    expect(safeFileName('C:\\fakepath\\evidence.png', 'image/png')).toBe('evidence.png');
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('notes.html', 'application/pdf')).toBe('notes.html.pdf');
    expect(safeFileName('a\r\nContent-Type: text\u0000.jpg', 'image/jpeg')).toBe('aContent-Type: text.jpg');
    expect(safeFileName('invoice\u202Efdp.exe', 'application/pdf')).toBe('invoicefdp.exe.pdf');
    expect(safeFileName('...', 'image/webp')).toBe('attachment.webp');
    expect(safeFileName('', 'image/jpeg')).toBe('attachment.jpg');
    expect(safeFileName(`${'x'.repeat(300)}.pdf`, 'application/pdf')).toHaveLength(204);
  });
});
