// Writes a Brotli (.br) and a gzip (.gz) copy beside each compressible file of a built web bundle, so
// the server sends them as they are (@fastify/static `preCompressed`) instead of compressing per request.
// Usage: node scripts/precompress.mjs <directory>
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats only: fonts (WOFF2) and images are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest']);
/** Below this, the saving is smaller than a response header. */
const MIN_BYTES = 1024;

export async function precompress(directory) {
  const entries = await fs.readdir(directory, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.has(path.extname(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name));
  let before = 0;
  let after = 0;
  await Promise.all(
    files.map(async (file) => {
      const bytes = await fs.readFile(file);
      if (bytes.length < MIN_BYTES) return;
      const [br, gz] = await Promise.all([
        brotli(bytes, {
          params: {
            [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
        gzip(bytes, { level: zlib.constants.Z_BEST_COMPRESSION }),
      ]);
      before += bytes.length;
      after += br.length;
      await Promise.all([fs.writeFile(`${file}.br`, br), fs.writeFile(`${file}.gz`, gz)]);
    }),
  );
  return { files: files.length, before, after };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const directory = process.argv[2];
  if (!directory) {
    console.error('usage: node scripts/precompress.mjs <directory>');
    process.exit(2);
  }
  const { before, after } = await precompress(path.resolve(directory));
  console.log(`precompressed ${directory}: ${Math.round(before / 1024)} kB of text is ${Math.round(after / 1024)} kB with Brotli`);
}
