import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ATTACHMENT_MAX_BYTES } from '@seamless/contracts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiHex, objectStreamPdf, scriptedPdf, withEmbeddedPdf } from '../../../test/craftedPdfs.js';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { sha256Of } from '../../files/attachmentStore.js';
import { contentDisposition } from './attachments.js';
import { auditEventsOf, closeCase, countRows, demoCaseId, openTestCase } from './testSupport.js';

let t: TestApp;
let dataDir: string;
let socialworker: ApiClient;
let shelter: ApiClient;
let psychologist: ApiClient;
let ngo: ApiClient;
let data: ApiClient;
let sharedCase: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'seamless-attachments-'));
  t = await startTestApp({ DATA_DIR: dataDir });
  [socialworker, shelter, psychologist, ngo, data] = await Promise.all([
    t.login('th.socialworker'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.ngo'),
    t.login('th.data'),
  ]);
  sharedCase = await demoCaseId(t, 0);
});
afterAll(async () => {
  await t?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const pdf = (name = 'statement.pdf', bytes: Uint8Array = PDF) => ({ name, type: 'application/pdf', bytes });

async function storedFiles(): Promise<string[]> {
  const root = path.join(dataDir, 'attachments');
  try {
    const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  } catch {
    return [];
  }
}

/** A phone photo: camera make, GPS position, and EXIF orientation 6. */
async function phonePhoto() {
  const tagged = await sharp({ create: { width: 64, height: 32, channels: 3, background: '#2255aa' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SeamlessTestCam' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '20/1 25/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '99/1 52/1 0/1',
        GPSMapDatum: 'WGS-84',
      },
    })
    .toBuffer();
  return sharp(tagged).withMetadata({ orientation: 6 }).jpeg().toBuffer();
}

describe('attachments', () => {
  it('stores a PDF encrypted and content-addressed, and hands it back as a download', async () => {
    const uploaded = await socialworker.upload(`/api/cases/${sharedCase}/attachments`, pdf('Aye Aye statement.pdf'), {
      section: 'general',
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({
      id: expect.any(String),
      section: 'general',
      fileName: 'Aye Aye statement.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      uploadedByName: 'Nok Wongsakul',
      uploadedByAgencyName: 'Chiang Rai Provincial Office of Social Development and Human Security',
      createdAt: expect.any(String),
    });

    const files = await storedFiles();
    expect(files.map((file) => path.basename(file))).toEqual([sha256Of(PDF)]);
    const onDisk = await fs.readFile(files[0]!);
    expect(onDisk.includes('%PDF')).toBe(false);
    expect(onDisk.includes('Catalog')).toBe(false);

    // The shelter, sharing the case, downloads it byte for byte.
    const download = await shelter.download(`/api/cases/${sharedCase}/attachments/${uploaded.body.id}`);
    expect(download.status).toBe(200);
    expect(download.bytes.equals(PDF)).toBe(true);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Aye Aye statement.pdf"; filename*=UTF-8''Aye%20Aye%20statement.pdf`,
    );

    const list = await shelter.get(`/api/cases/${sharedCase}/attachments`);
    expect(list.body.items).toContainEqual(uploaded.body);
    const timeline = await socialworker.get(`/api/cases/${sharedCase}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({
      kind: 'attachment.added',
      section: null,
      details: { attachmentId: uploaded.body.id, mediaType: 'application/pdf' },
    });
    expect(JSON.stringify(timeline.body)).not.toContain('statement');
    expect((await auditEventsOf(t, 'case.attachment_upload', sharedCase))[0]?.details).toMatchObject({
      attachmentId: uploaded.body.id,
      section: 'general',
      sha256: sha256Of(PDF),
    });
    const reads = await auditEventsOf(t, 'case.attachment_read', sharedCase);
    expect(reads.map((event) => [event.username, event.details])).toEqual([
      ['th.shelter', { attachmentId: uploaded.body.id, section: 'general' }],
    ]);
  });

  it('stores the same content once', async () => {
    const before = await storedFiles();
    const again = await shelter.upload(`/api/cases/${sharedCase}/attachments`, pdf('copy.pdf'));
    expect(again.status).toBe(201);
    expect(again.body.section).toBe('general');
    expect(await storedFiles()).toEqual(before);
  });

  it('strips EXIF and the GPS position from a photo and turns it upright', async () => {
    const photo = await phonePhoto();
    expect((await sharp(photo).metadata()).exif?.includes('WGS-84')).toBe(true);
    const uploaded = await socialworker.upload(`/api/cases/${sharedCase}/attachments`, {
      name: 'IMG_0042.jpg',
      type: 'image/jpeg',
      bytes: photo,
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.mediaType).toBe('image/jpeg');

    const download = await socialworker.download(`/api/cases/${sharedCase}/attachments/${uploaded.body.id}`);
    expect(download.status).toBe(200);
    const metadata = await sharp(download.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect([metadata.width, metadata.height]).toEqual([32, 64]);
    for (const marker of ['Exif', 'WGS-84', 'SeamlessTestCam']) expect(download.bytes.includes(marker)).toBe(false);
    expect(uploaded.body.sizeBytes).toBe(download.bytes.length);
    expect(download.headers.get('content-type')).toBe('image/jpeg');
  });

  it('judges the type by the bytes: a disguised page is refused, a mislabelled photo is renamed', async () => {
    const before = await countRows(t, 'attachments', sharedCase);
    const files = await storedFiles();
    const html = Buffer.from('<!doctype html><script>fetch("/api/cases").then(r => r.text())</script>');
    const disguised = expectProblem(
      await socialworker.upload(`/api/cases/${sharedCase}/attachments`, { name: 'scan.pdf', type: 'application/pdf', bytes: html }),
      415,
      'unsupported_file_type',
    );
    expect(disguised.errors?.[0]?.path).toBe('file');
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expectProblem(
      await socialworker.upload(`/api/cases/${sharedCase}/attachments`, { name: 'a.png', type: 'image/png', bytes: gif }),
      415,
      'unsupported_file_type',
    );
    const broken = (await phonePhoto()).subarray(0, 300);
    expectProblem(
      await socialworker.upload(`/api/cases/${sharedCase}/attachments`, { name: 'b.jpg', type: 'image/jpeg', bytes: broken }),
      415,
      'unsupported_file_type',
    );
    expect(await countRows(t, 'attachments', sharedCase)).toBe(before);
    expect(await storedFiles()).toEqual(files);

    const png = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const renamed = await socialworker.upload(`/api/cases/${sharedCase}/attachments`, {
      name: 'ตัวอย่าง.html',
      type: 'text/html',
      bytes: png,
    });
    expect(renamed.status).toBe(201);
    expect(renamed.body).toMatchObject({ fileName: 'ตัวอย่าง.html.png', mediaType: 'image/png' });
    const download = await socialworker.download(`/api/cases/${sharedCase}/attachments/${renamed.body.id}`);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toBe(contentDisposition('ตัวอย่าง.html.png'));
    expect(download.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('ตัวอย่าง')}.html.png`);
  });

  it('refuses a PDF whose script hides in an encoded object stream or an attached PDF, and stores nothing', async () => {
    const url = `/api/cases/${sharedCase}/attachments`;
    const before = await countRows(t, 'attachments', sharedCase);
    const files = await storedFiles();
    for (const bytes of [objectStreamPdf(asciiHex, '/Filter/ASCIIHexDecode'), withEmbeddedPdf(scriptedPdf())]) {
      const refused = expectProblem(await socialworker.upload(url, pdf('statement.pdf', bytes)), 422, 'unsafe_file');
      expect(refused.errors?.[0]?.path).toBe('file');
    }
    expect(await countRows(t, 'attachments', sharedCase)).toBe(before);
    expect(await storedFiles()).toEqual(files);
    const passive = await socialworker.upload(
      url,
      pdf('statement.pdf', objectStreamPdf(asciiHex, '/Filter/ASCIIHexDecode', { passive: true })),
    );
    expect(passive.status).toBe(201);
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const before = await countRows(t, 'attachments', sharedCase);
    const files = await storedFiles();
    const oversized = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1, 0x20);
    PDF.copy(oversized);
    expectProblem(await socialworker.upload(`/api/cases/${sharedCase}/attachments`, pdf('big.pdf', oversized)), 413, 'payload_too_large');
    expect(await countRows(t, 'attachments', sharedCase)).toBe(before);
    expect(await storedFiles()).toEqual(files);
    // Exactly at the limit is fine.
    const largest = await socialworker.upload(
      `/api/cases/${sharedCase}/attachments`,
      pdf('max.pdf', oversized.subarray(0, ATTACHMENT_MAX_BYTES)),
    );
    expect(largest.status).toBe(201);
    expect(largest.body.sizeBytes).toBe(ATTACHMENT_MAX_BYTES);
  });

  it('refuses malformed uploads, naming the field', async () => {
    const before = await countRows(t, 'attachments', sharedCase);
    const url = `/api/cases/${sharedCase}/attachments`;
    const pathOf = (problem: { errors?: { path: string }[] }) => problem.errors?.[0]?.path;
    expect(pathOf(expectProblem(await socialworker.upload(url, pdf(), { section: 'gossip' }), 400, 'validation_failed'))).toBe('section');
    expect(pathOf(expectProblem(await socialworker.upload(url, pdf(), { caseId: sharedCase }), 400, 'validation_failed'))).toBe('caseId');
    expect(pathOf(expectProblem(await socialworker.upload(url, { ...pdf(), field: 'document' }), 400, 'validation_failed'))).toBe(
      'document',
    );
    expect(pathOf(expectProblem(await socialworker.upload(url, pdf('empty.pdf', new Uint8Array())), 400, 'validation_failed'))).toBe(
      'file',
    );
    expectProblem(await socialworker.post(url, { file: PDF.toString('base64') }), 415, 'unsupported_media_type');

    // Two files in one form, sent as a browser would.
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'one.pdf');
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'two.pdf');
    const response = await fetch(`${t.baseUrl}${url}`, {
      method: 'POST',
      headers: {
        origin: t.baseUrl,
        cookie: [...socialworker.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        'x-csrf-token': socialworker.cookies.get('csrf_token')!,
      },
      body: form,
    });
    const twoFiles = expectProblem(
      { status: response.status, body: await response.json(), headers: response.headers },
      400,
      'validation_failed',
    );
    expect(pathOf(twoFiles)).toBe('file');
    expect(await countRows(t, 'attachments', sharedCase)).toBe(before);
  });

  it('files into need-to-know sections only for those who read them, and hides the rest', async () => {
    const shelterFile = await shelter.upload(`/api/cases/${sharedCase}/attachments`, pdf('placement.pdf'), { section: 'shelter' });
    expect(shelterFile.status).toBe(201);
    expect(shelterFile.body.section).toBe('shelter');
    const timeline = await shelter.get(`/api/cases/${sharedCase}/timeline`);
    expect(timeline.body.items[0]).toMatchObject({ kind: 'attachment.added', section: 'shelter' });

    // The psychologist (shelter agency, no shelter-section role) neither lists, downloads nor writes there.
    const listed = await psychologist.get(`/api/cases/${sharedCase}/attachments`);
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(shelterFile.body.id);
    expect(listed.body.items.every((item: { section: string }) => item.section === 'general')).toBe(true);
    expect((await psychologist.download(`/api/cases/${sharedCase}/attachments/${shelterFile.body.id}`)).status).toBe(404);
    // The attempt is on record, refused, with ids and codes only.
    const attempts = (await auditEventsOf(t, 'case.attachment_read', sharedCase)).filter((event) => event.username === 'th.psychologist');
    expect(attempts.map((event) => event.details)).toEqual([
      { read: 'attachment', caseId: sharedCase, attachmentId: shelterFile.body.id, reason: 'section_not_held' },
    ]);
    const psychTimeline = await psychologist.get(`/api/cases/${sharedCase}/timeline?pageSize=200`);
    expect(psychTimeline.body.items.some((entry: { section: string | null }) => entry.section === 'shelter')).toBe(false);

    const before = await countRows(t, 'attachments', sharedCase);
    const refused = expectProblem(
      await psychologist.upload(`/api/cases/${sharedCase}/attachments`, pdf(), { section: 'psychosocial' }),
      403,
      'forbidden',
    );
    expect(refused.errors?.[0]?.path).toBe('section');
    expectProblem(await shelter.upload(`/api/cases/${sharedCase}/attachments`, pdf(), { section: 'medical' }), 403, 'forbidden');
    expect(await countRows(t, 'attachments', sharedCase)).toBe(before);
    expect((await socialworker.download(`/api/cases/${sharedCase}/attachments/${shelterFile.body.id}`)).status).toBe(200);
  });

  it('keeps other agencies out and attachments to their own case', async () => {
    const [first] = (await socialworker.get(`/api/cases/${sharedCase}/attachments`)).body.items;
    const before = await countRows(t, 'attachments', sharedCase);
    expectProblem(await ngo.upload(`/api/cases/${sharedCase}/attachments`, pdf()), 404, 'not_found');
    expectProblem(await data.upload(`/api/cases/${sharedCase}/attachments`, pdf()), 403, 'forbidden');
    expectProblem(await ngo.get(`/api/cases/${sharedCase}/attachments`), 404, 'not_found');
    expect((await ngo.download(`/api/cases/${sharedCase}/attachments/${first.id}`)).status).toBe(404);
    // Through a case the caller does own, another case's file id is still not found.
    const own = await openTestCase(socialworker);
    expect((await socialworker.download(`/api/cases/${own.id}/attachments/${first.id}`)).status).toBe(404);
    expect(await countRows(t, 'attachments', sharedCase)).toBe(before);

    await closeCase(socialworker, own.id);
    expectProblem(await socialworker.upload(`/api/cases/${own.id}/attachments`, pdf()), 409, 'case_closed');
    expect(await countRows(t, 'attachments', own.id)).toBe(0);
  });
});

describe('contentDisposition', () => {
  it('cannot be broken out of by the file name', () => {
    const header = contentDisposition('a";\r\nX-Evil: 1; filename="b.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('filename="')[1]?.split('"')[0]).toBe('a____X-Evil: 1_ filename=_b.pdf');
  });
});
