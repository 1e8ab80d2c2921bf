import { pipeline, Readable, Transform } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { SheetError } from './sheetError.js';

export type ZipEntry = {
  name: string;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
};

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const ZIP64_END_OF_DIRECTORY = 0x06064b50;
const ZIP64_EXTRA = 0x0001;
const STORED = 0;
const DEFLATED = 8;
const CHUNK = 64 * 1024;

export const isZip = (bytes: Buffer): boolean => bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER;

/**
 * The entries a zip's central directory lists, by name (a leading '/' dropped, as some writers
 * add one), or null when there is no readable directory. Reading the directory at the end of
 * the file costs nothing and tells what the archive holds without inflating anything.
 */
export function readZipDirectory(bytes: Buffer): Map<string, ZipEntry> | null {
  try {
    const end = findEndOfDirectory(bytes);
    if (end < 0) return null;
    let count = bytes.readUInt16LE(end + 10);
    let at = bytes.readUInt32LE(end + 16);
    if ((count === 0xffff || at === 0xffffffff) && end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_END_LOCATOR) {
      const zip64End = Number(bytes.readBigUInt64LE(end - 12));
      if (bytes.readUInt32LE(zip64End) !== ZIP64_END_OF_DIRECTORY) return null;
      count = Number(bytes.readBigUInt64LE(zip64End + 32));
      at = Number(bytes.readBigUInt64LE(zip64End + 48));
    }
    const entries = new Map<string, ZipEntry>();
    for (let index = 0; index < count; index++) {
      if (bytes.readUInt32LE(at) !== DIRECTORY_HEADER) return null;
      const nameLength = bytes.readUInt16LE(at + 28);
      const extraLength = bytes.readUInt16LE(at + 30);
      const commentLength = bytes.readUInt16LE(at + 32);
      const name = bytes.toString('utf8', at + 46, at + 46 + nameLength).replace(/^\/+/, '');
      const sizes = widenZip64(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), [
        bytes.readUInt32LE(at + 24),
        bytes.readUInt32LE(at + 20),
        bytes.readUInt32LE(at + 42),
      ]);
      entries.set(name, {
        name,
        method: bytes.readUInt16LE(at + 10),
        crc32: bytes.readUInt32LE(at + 16),
        uncompressedSize: sizes[0],
        compressedSize: sizes[1],
        localHeaderOffset: sizes[2],
      });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
}

function findEndOfDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

/** Sizes and offsets too big for 32 bits are 0xFFFFFFFF, the real values follow in the ZIP64 extra field. */
function widenZip64(extra: Buffer, values: [number, number, number]): [number, number, number] {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== ZIP64_EXTRA) continue;
    let field = at + 4;
    return values.map((value) => {
      if (value !== 0xffffffff) return value;
      const wide = Number(extra.readBigUInt64LE(field));
      field += 8;
      return wide;
    }) as [number, number, number];
  }
  return values;
}

/** The entry's bytes as stored (compressed), located through its local header. */
export function storedData(bytes: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (bytes.readUInt32LE(at) !== LOCAL_HEADER) throw new RangeError(`No local header for ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw new RangeError(`${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.compressedSize);
}

function assertReadableMethod(entry: ZipEntry): void {
  if (entry.method !== STORED && entry.method !== DEFLATED) throw new RangeError(`${entry.name} uses compression method ${entry.method}`);
}

/**
 * The bytes a workbook's parts may inflate to, shared by every part read: counted as they come
 * out of the decompressor, so a zip bomb is stopped a chunk past the limit, never inflated whole.
 */
export class InflateBudget {
  private used = 0;

  constructor(readonly max: number) {}

  get remaining(): number {
    return this.max - this.used;
  }

  take(byteCount: number): void {
    this.used += byteCount;
    if (this.used > this.max) throw new SheetError('sheet_too_large');
  }
}

/** Far above any real workbook index or style sheet, far below what a zip bomb inflates to. */
const LARGEST_SMALL_PART = 64 * 1024 * 1024;

/** For small parts (workbook index, relationships, styles): inflated whole. */
export function inflateEntry(bytes: Buffer, entry: ZipEntry, budget: InflateBudget): Buffer {
  assertReadableMethod(entry);
  const data = storedData(bytes, entry);
  let inflated = data;
  if (entry.method === DEFLATED) {
    const budgetBinds = budget.remaining < LARGEST_SMALL_PART;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(LARGEST_SMALL_PART, budget.remaining)) });
    } catch (error) {
      if (budgetBinds && (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new SheetError('sheet_too_large');
      }
      throw error;
    }
  }
  budget.take(inflated.length);
  return inflated;
}

/**
 * For large parts (worksheets, shared strings): inflated a chunk at a time, damaged data or a
 * spent budget failing the iteration. `onData` counts the stored bytes as they are taken.
 */
export function inflateEntryStream(bytes: Buffer, entry: ZipEntry, budget: InflateBudget, onData?: (byteCount: number) => void): Readable {
  assertReadableMethod(entry);
  const data = storedData(bytes, entry);
  const source = Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += CHUNK) {
        const slice = data.subarray(at, at + CHUNK);
        onData?.(slice.length);
        yield slice;
      }
    })(),
  );
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        budget.take(chunk.length);
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
  });
  // pipeline, not pipe: when the count stops the reading, the decompressor is torn down with it.
  return entry.method === STORED ? pipeline(source, counted, noop) : pipeline(source, createInflateRaw(), counted, noop);
}

/** pipeline wants a callback; its failures reach the caller through the stream it returns. */
const noop = () => {};
