import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/*
 * Test fixtures: zip archives and workbooks put together part by part, for the layouts exceljs
 * never writes (Japanese phonetic guides, macros, sheets out of order, damaged parts).
 */

/** An entry deflated ahead of time: too large to hold inflated. */
export type DeflatedPart = { deflated: Buffer; size: number; crc32: number };

/**
 * A part `head`, `body` × `times`, `tail` — a zip bomb when the body repeats: a gigabyte of XML
 * deflates to a megabyte. Deflated a body at a time, so the inflated part never exists whole.
 */
export async function repeatedPart(head: string, body: string, times: number, tail: string): Promise<DeflatedPart> {
  const deflate = createDeflateRaw();
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  // Bodies are written a megabyte at a time: a write per body would take minutes for millions.
  const perWrite = Math.max(1, Math.floor((1024 * 1024) / Buffer.byteLength(body)));
  const batch = Buffer.from(body.repeat(perWrite));
  let checksum = crc32(head);
  let size = Buffer.byteLength(head);
  deflate.write(head);
  for (let left = times; left > 0; left -= perWrite) {
    const bytes = left >= perWrite ? batch : Buffer.from(body.repeat(left));
    checksum = crc32(bytes, checksum);
    size += bytes.length;
    if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end(tail);
  await ended;
  return { deflated: Buffer.concat(chunks), size: size + Buffer.byteLength(tail), crc32: crc32(tail, checksum) };
}

const deflatedOf = (content: string | Buffer | DeflatedPart): DeflatedPart => {
  if (typeof content === 'object' && 'deflated' in content) return content;
  const data = Buffer.from(content);
  return { deflated: deflateRawSync(data), size: data.length, crc32: crc32(data) };
};

/**
 * A zip holding `files` in order, deflated, with a central directory. With `zip64`, sizes,
 * offsets and counts are written the ZIP64 way, as some writers do even for small archives.
 */
export function zipOf(files: Record<string, string | Buffer | DeflatedPart>, { zip64 = false } = {}): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const { deflated: compressed, size, crc32: checksum } = deflatedOf(content);
    const encodedName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(encodedName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(zip64 ? 0xffffffff : compressed.length, 20);
    central.writeUInt32LE(zip64 ? 0xffffffff : size, 24);
    central.writeUInt16LE(encodedName.length, 28);
    central.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    const extra = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(size), 4);
      extra.writeBigUInt64LE(BigInt(compressed.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt16LE(extra.length, 30);
    }
    locals.push(local, encodedName, compressed);
    directory.push(central, encodedName, extra);
    offset += local.length + encodedName.length + compressed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const count = Object.keys(files).length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...locals, directoryBytes, end]);
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4);
  zip64End.writeBigUInt64LE(BigInt(count), 24);
  zip64End.writeBigUInt64LE(BigInt(count), 32);
  zip64End.writeBigUInt64LE(BigInt(directoryBytes.length), 40);
  zip64End.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + directoryBytes.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...locals, directoryBytes, zip64End, locator, end]);
}

const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** What a worksheet's rows and a shared-string table's items are written between. */
export const WORKSHEET_XML = {
  head: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`,
  tail: '</sheetData></worksheet>',
};
export const SHARED_STRINGS_XML = { head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">`, tail: '</sst>' };

export type FixtureSheet = { name: string; file: string; rows: string; state?: 'hidden' };

/** A workbook whose tab order is the order of `sheets`, each stored under its own `file` name. */
export function workbookOf(
  sheets: FixtureSheet[],
  more: { sharedStrings?: string; parts?: Record<string, string | Buffer | DeflatedPart>; zip64?: boolean } = {},
): Buffer {
  const workbook = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets>${sheets
    .map(
      (sheet, index) =>
        `<sheet name="${sheet.name}" sheetId="${index + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${index + 1}"/>`,
    )
    .join('')}</sheets></workbook>`;
  const relationships = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((sheet, index) => `<Relationship Id="rId${index + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/${sheet.file}"/>`)
    .join('')}</Relationships>`;
  return zipOf(
    {
      'xl/workbook.xml': workbook,
      'xl/_rels/workbook.xml.rels': relationships,
      ...Object.fromEntries(
        sheets.map((sheet) => [`xl/worksheets/${sheet.file}`, `${WORKSHEET_XML.head}${sheet.rows}${WORKSHEET_XML.tail}`]),
      ),
      ...(more.sharedStrings
        ? { 'xl/sharedStrings.xml': `${SHARED_STRINGS_XML.head}${more.sharedStrings}${SHARED_STRINGS_XML.tail}` }
        : {}),
      ...more.parts,
    },
    { zip64: more.zip64 },
  );
}
