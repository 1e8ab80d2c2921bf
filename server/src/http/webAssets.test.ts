import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';

const SCRIPT = `export const greeting = ${JSON.stringify('สวัสดี '.repeat(400))};\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;

let t: TestApp;
let webDist: string;

/** A built bundle as scripts/precompress.mjs leaves it: each file with its Brotli and gzip copies. */
function writeWithCopies(file: string, text: string) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(text));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(text));
}

beforeAll(async () => {
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'seamless-web-'));
  writeWithCopies(path.join(webDist, 'index.html'), INDEX);
  writeWithCopies(path.join(webDist, 'assets', 'index-Ab12Cd34.js'), SCRIPT);
  t = await startTestApp({ WEB_DIST: webDist });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string>) => fetch(`${t.baseUrl}${url}`, { headers });

describe('the web bundle', () => {
  it('sends hashed assets precompressed, to be kept for a year', async () => {
    const brotli = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.status).toBe(200);
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    // A shared cache must not hand the Brotli bytes to a client that asked for gzip or nothing.
    expect(brotli.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(Number(brotli.headers.get('content-length'))).toBe(fs.statSync(path.join(webDist, 'assets', 'index-Ab12Cd34.js.br')).size);
    expect(await brotli.text()).toBe(SCRIPT);

    const gzip = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gzip.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(Number(gzip.headers.get('content-length'))).toBe(fs.statSync(path.join(webDist, 'assets', 'index-Ab12Cd34.js.gz')).size);
    expect(await gzip.text()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('revalidates the page shell on every load', async () => {
    for (const url of ['/', '/cases/some-case', '/index.html']) {
      const shell = await get(url, { accept: 'text/html', 'accept-encoding': 'br' });
      expect(shell.status, url).toBe(200);
      expect(shell.headers.get('content-type'), url).toMatch(/^text\/html/);
      expect(shell.headers.get('cache-control'), url).toBe('no-cache');
      expect(await shell.text(), url).toBe(INDEX);
    }
  });
});
