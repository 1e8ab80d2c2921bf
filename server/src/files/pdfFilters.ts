import { constants, inflateSync } from 'node:zlib';

/** A stream the check cannot read as a PDF reader would: it is refused rather than taken as clean. */
export class UndecodableStream extends Error {}

/**
 * What decoding may produce for one upload, all streams together: a few kilobytes of a crafted
 * file (a "zip bomb") would otherwise inflate to gigabytes.
 */
export class DecodeBudget {
  constructor(private remaining: number) {}

  get left(): number {
    return this.remaining;
  }

  take(bytes: number): void {
    if (bytes > this.remaining) throw new UndecodableStream('decoded size over budget');
    this.remaining -= bytes;
  }
}

/** A filter's /DecodeParms, the integers the filters read; absent entries take the PDF defaults. */
export type DecodeParms = Partial<Record<'Predictor' | 'Colors' | 'BitsPerComponent' | 'Columns' | 'EarlyChange', number>>;

type Decoder = (data: Buffer, parms: DecodeParms, budget: DecodeBudget) => Buffer;

const isWhiteSpace = (byte: number) => byte === 0x00 || byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;

function asciiHex(data: Buffer, _parms: DecodeParms, budget: DecodeBudget): Buffer {
  budget.take(Math.ceil(data.length / 2));
  const out = Buffer.alloc(Math.ceil(data.length / 2));
  let length = 0;
  let high = -1;
  for (const byte of data) {
    if (isWhiteSpace(byte)) continue;
    if (byte === 0x3e) break;
    const digit = Number.parseInt(String.fromCharCode(byte), 16);
    if (Number.isNaN(digit)) throw new UndecodableStream('not hexadecimal');
    if (high < 0) high = digit;
    else {
      out[length++] = (high << 4) | digit;
      high = -1;
    }
  }
  if (high >= 0) out[length++] = high << 4;
  return out.subarray(0, length);
}

function ascii85(data: Buffer, _parms: DecodeParms, budget: DecodeBudget): Buffer {
  const digits = [...data].filter((byte) => !isWhiteSpace(byte));
  const end = digits.indexOf(0x7e);
  const body = end < 0 ? digits : digits.slice(0, end);
  budget.take(body.length * 4);
  const out: number[] = [];
  let group: number[] = [];
  const flush = (count: number) => {
    let value = 0;
    for (let i = 0; i < 5; i++) value = value * 85 + (group[i] ?? 84);
    for (let i = 0; i < count; i++) out.push(Math.floor(value / 256 ** (3 - i)) % 256);
    group = [];
  };
  for (const byte of body) {
    if (byte === 0x7a && group.length === 0) out.push(0, 0, 0, 0);
    else if (byte >= 0x21 && byte <= 0x75) {
      group.push(byte - 0x21);
      if (group.length === 5) flush(4);
    } else throw new UndecodableStream('not ASCII base-85');
  }
  if (group.length === 1) throw new UndecodableStream('truncated ASCII base-85 group');
  if (group.length > 1) flush(group.length - 1);
  return Buffer.from(out);
}

function runLength(data: Buffer, _parms: DecodeParms, budget: DecodeBudget): Buffer {
  const chunks: Buffer[] = [];
  let i = 0;
  while (i < data.length) {
    const length = data[i]!;
    if (length === 128) break;
    if (length < 128) {
      budget.take(length + 1);
      chunks.push(data.subarray(i + 1, i + 2 + length));
      i += length + 2;
    } else {
      budget.take(257 - length);
      chunks.push(Buffer.alloc(257 - length, data[i + 1] ?? 0));
      i += 2;
    }
  }
  return Buffer.concat(chunks);
}

/** LZW as PDF writes it: 9- to 12-bit codes, 256 clears the table, 257 ends, widths change one code early by default. */
function lzw(data: Buffer, parms: DecodeParms, budget: DecodeBudget): Buffer {
  const earlyChange = parms.EarlyChange ?? 1;
  const prefix = new Int32Array(4096);
  const last = new Uint8Array(4096);
  const first = new Uint8Array(4096);
  const lengths = new Int32Array(4096);
  for (let code = 0; code < 256; code++) {
    last[code] = code;
    first[code] = code;
    lengths[code] = 1;
  }
  const out: Buffer[] = [];
  let bitPosition = 0;
  let codeLength = 9;
  let nextCode = 258;
  let previous = -1;
  while (bitPosition + codeLength <= data.length * 8) {
    let code = 0;
    for (let bit = 0; bit < codeLength; bit++, bitPosition++) {
      code = (code << 1) | ((data[bitPosition >> 3]! >> (7 - (bitPosition & 7))) & 1);
    }
    if (code === 256) {
      codeLength = 9;
      nextCode = 258;
      previous = -1;
      continue;
    }
    if (code === 257) break;
    if (code > nextCode || (code === nextCode && previous < 0)) {
      throw new UndecodableStream('LZW code out of range');
    }
    if (previous >= 0 && nextCode < 4096) {
      prefix[nextCode] = previous;
      first[nextCode] = first[previous]!;
      last[nextCode] = code === nextCode ? first[previous]! : first[code]!;
      lengths[nextCode] = lengths[previous]! + 1;
      nextCode++;
      if (((nextCode + earlyChange) & (nextCode + earlyChange - 1)) === 0) {
        codeLength = Math.min(Math.log2(nextCode + earlyChange) + 1, 12);
      }
    }
    budget.take(lengths[code]!);
    const sequence = Buffer.alloc(lengths[code]!);
    for (let at = sequence.length - 1, entry = code; at >= 0; at--, entry = prefix[entry]!) sequence[at] = last[entry]!;
    out.push(sequence);
    previous = code;
  }
  return unpredict(Buffer.concat(out), parms, budget);
}

function flate(data: Buffer, parms: DecodeParms, budget: DecodeBudget): Buffer {
  let inflated: Buffer;
  try {
    // A stream cut short keeps what it holds, as readers show it.
    inflated = inflateSync(data, { maxOutputLength: Math.max(1, budget.left), finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    throw new UndecodableStream('not a zlib stream, or over budget');
  }
  budget.take(inflated.length);
  return unpredict(inflated, parms, budget);
}

/** Undoes the TIFF or PNG predictor a Flate or LZW stream may have been written with. */
function unpredict(data: Buffer, parms: DecodeParms, budget: DecodeBudget): Buffer {
  const predictor = parms.Predictor ?? 1;
  if (predictor === 1) return data;
  const colors = parms.Colors ?? 1;
  const bits = parms.BitsPerComponent ?? 8;
  const columns = parms.Columns ?? 1;
  if (![1, 2, 4, 8, 16].includes(bits) || colors < 1 || colors > 32 || columns < 1) {
    throw new UndecodableStream('unsupported predictor parameters');
  }
  const pixelBytes = Math.ceil((colors * bits) / 8);
  const rowBytes = Math.ceil((colors * bits * columns) / 8);
  if (predictor === 2) {
    if (bits !== 8) throw new UndecodableStream('TIFF predictor other than 8 bits');
    const out = Buffer.from(data);
    for (let row = 0; row < out.length; row += rowBytes) {
      for (let i = row + pixelBytes; i < Math.min(row + rowBytes, out.length); i++) out[i] = (out[i]! + out[i - pixelBytes]!) & 0xff;
    }
    return out;
  }
  if (predictor < 10 || predictor > 15) throw new UndecodableStream('unknown predictor');
  const rows = Math.floor(data.length / (rowBytes + 1));
  budget.take(rows * rowBytes);
  const out = Buffer.alloc(rows * rowBytes);
  for (let row = 0; row < rows; row++) {
    const type = data[row * (rowBytes + 1)]!;
    const input = row * (rowBytes + 1) + 1;
    const at = row * rowBytes;
    for (let i = 0; i < rowBytes; i++) {
      const raw = data[input + i]!;
      const left = i >= pixelBytes ? out[at + i - pixelBytes]! : 0;
      const up = row > 0 ? out[at - rowBytes + i]! : 0;
      const upLeft = row > 0 && i >= pixelBytes ? out[at - rowBytes + i - pixelBytes]! : 0;
      if (type === 0) out[at + i] = raw;
      else if (type === 1) out[at + i] = raw + left;
      else if (type === 2) out[at + i] = raw + up;
      else if (type === 3) out[at + i] = raw + ((left + up) >> 1);
      else if (type === 4) out[at + i] = raw + paeth(left, up, upLeft);
      else throw new UndecodableStream('unknown PNG row filter');
    }
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** The standard filters that carry general data, by full and abbreviated name (readers accept both). */
const DECODERS: Record<string, Decoder> = {
  ASCIIHexDecode: asciiHex,
  AHx: asciiHex,
  ASCII85Decode: ascii85,
  A85: ascii85,
  LZWDecode: lzw,
  LZW: lzw,
  FlateDecode: flate,
  Fl: flate,
  RunLengthDecode: runLength,
  RL: runLength,
};

/**
 * A stream's data through its filters, in order. Image codecs (DCT, JPX, JBIG2, CCITT fax), the
 * Crypt filter and unknown names are not decoded: such a stream is unreadable here.
 */
export function decodeStreamData(data: Buffer, filters: { name: string; parms: DecodeParms }[], budget: DecodeBudget): Buffer {
  return filters.reduce((bytes, { name, parms }) => {
    const decoder = DECODERS[name];
    if (!decoder) throw new UndecodableStream(`filter ${name} is not decoded`);
    return decoder(bytes, parms, budget);
  }, data);
}
