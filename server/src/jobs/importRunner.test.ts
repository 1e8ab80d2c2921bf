import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf } from '../db/client.js';
import { htcdsImports, users } from '../db/schema/index.js';
import { sha256Of } from '../files/attachmentStore.js';
import { ImportFiles } from '../htcds/import/importFiles.js';
import { runImport } from '../htcds/import/runImport.js';
import { DEFAULT_SHEET_LIMITS } from '../htcds/sheet/cells.js';
import { EmbeddedJobQueue } from './embeddedQueue.js';
import { ImportRunner } from './importRunner.js';

const HOUR = 3_600_000;
const csv = (name: string) => ({
  name: 'checked.csv',
  type: 'text/csv',
  bytes: Buffer.from(`prs_FirstName,sls_OpenedOn\r\n${name},2024-02-01\r\n`),
});

describe('import file retention', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  it('deletes a checked file nobody imported within 24 hours, and keeps a younger one importable', async () => {
    const data = await t.login('th.data');
    const files = new ImportFiles(path.join(t.config.dataDir, 'imports'), t.keyRing);
    // Each sweep is a runner of its own: one runner sweeps at most every ten minutes.
    const sweepAt = (time: number) =>
      new ImportRunner({
        db: t.database.db,
        keyRing: t.keyRing,
        files,
        instanceCountry: 'TH',
        limits: DEFAULT_SHEET_LIMITS,
        leaseSeconds: 60,
        checkedFileHours: 24,
        log: t.app.log,
        queue: new EmbeddedJobQueue({ db: t.database.db, autoStart: false }),
      }).forgetExpiredFiles(time);

    const stale = (await data.upload('/api/imports/htcds?dryRun=true', csv('Wanida'))).body;
    expect((await files.list()).map((file) => file.importId)).toContain(stale.jobId);
    await sweepAt(Date.now() + 23 * HOUR);
    expect(await files.get(stale.jobId)).not.toBeNull();
    await sweepAt(Date.now() + 25 * HOUR);
    expect(await files.get(stale.jobId)).toBeNull();
    expectProblem(await data.post(`/api/imports/${stale.jobId}/import`), 409, 'conflict');

    const young = (await data.upload('/api/imports/htcds?dryRun=true', csv('Kanya'))).body;
    await sweepAt(Date.now());
    expect(await files.get(young.jobId)).not.toBeNull();
    expect((await data.post(`/api/imports/${young.jobId}/import`)).body).toMatchObject({ state: 'done', imported: 1 });
  }, 60_000);
});

describe('an import that outlives its server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  }, 60_000);
  afterAll(() => t.close());

  const SYLLABLES = ['ka', 'ne', 'ro', 'mi', 'su', 'ta', 'po', 'la', 'wi', 'chu', 'an', 'bo', 'de', 'fu', 'ga'];
  const nameOf = (i: number) => {
    const [a, b, c] = [i % 15, Math.floor(i / 15) % 15, Math.floor(i / 225) % 15].map((index) => SYLLABLES[index]!);
    return [`${a}${b}n`, `${c}${a}rat`];
  };
  const count = async (query: ReturnType<typeof sql>) =>
    asSystem(t.database.db, async (tx) => Number(rowsOf<{ n: number }>(await tx.execute(query))[0]!.n));

  it('is resumed by the next worker once the lease of the one that died runs out, writing each row once', async () => {
    const ROWS = 250;
    const csv = [
      'prs_FirstName,prs_SecondName,sls_OpenedOn',
      ...Array.from({ length: ROWS }, (_, i) => `${nameOf(i).join(',')},2023-0${1 + (i % 9)}-15`),
    ];
    const bytes = Buffer.from(`${csv.join('\r\n')}\r\n`);
    const files = new ImportFiles(path.join(t.config.dataDir, 'imports'), t.keyRing);
    const casesBefore = await count(sql`select count(*)::int as n from cases`);

    // A job another server holds: this app's worker leaves it alone while the lease runs.
    const [officer] = await asSystem(t.database.db, (tx) => tx.select().from(users).where(eq(users.username, 'th.data')));
    const id = randomUUID();
    await files.put(id, bytes);
    const [job] = await asSystem(t.database.db, (tx) =>
      tx
        .insert(htcdsImports)
        .values({
          id,
          agencyId: officer!.agencyId,
          userId: officer!.id,
          dryRun: false,
          fileNameEnc: t.keyRing.encrypt('resume.csv', placeOf(htcdsImports.fileNameEnc, id)),
          fileBytes: bytes.length,
          fileSha256: sha256Of(bytes),
          format: 'csv',
          lockedUntil: sql`now() + interval '1 hour'`,
          attempts: 1,
        })
        .returning(),
    );
    // That server writes its first batch and dies: it never answers to keep going.
    await runImport(
      {
        db: t.database.db,
        keyRing: t.keyRing,
        files,
        instanceCountry: 'TH',
        username: 'th.data',
        writeBatch: 100,
        keepGoing: async () => false,
      },
      job!,
    );
    const half = await asSystem(t.database.db, (tx) => tx.select().from(htcdsImports).where(eq(htcdsImports.id, id)));
    expect(half[0]).toMatchObject({ state: 'importing', rows: ROWS, processed: 100, imported: 100 });
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(casesBefore + 100);

    // Its lease runs out; the next sweep of a worker queues it on the job queue, which takes it up and finishes it.
    await asSystem(t.database.db, (tx) =>
      tx.update(htcdsImports).set({ lockedUntil: sql`now() - interval '1 second'` }).where(eq(htcdsImports.id, id)),
    );
    const queue = new EmbeddedJobQueue({ db: t.database.db, pollMilliseconds: 50 });
    const worker = new ImportRunner({
      db: t.database.db,
      keyRing: t.keyRing,
      files,
      instanceCountry: 'TH',
      limits: DEFAULT_SHEET_LIMITS,
      leaseSeconds: 60,
      checkedFileHours: 24,
      log: t.app.log,
      queue,
    });
    await worker.start();
    const data = await t.login('th.data');
    let report = (await data.get(`/api/imports/${id}`)).body;
    for (let waited = 0; report.state !== 'done' && waited < 60_000; waited += 200) {
      await sleep(200);
      report = (await data.get(`/api/imports/${id}`)).body;
    }
    expect(report).toMatchObject({ state: 'done', rows: ROWS, processed: ROWS, imported: ROWS, skipped: 0, errorCount: 0 });
    expect(await count(sql`select count(*)::int as n from cases`)).toBe(casesBefore + ROWS);
    expect(await count(sql`select count(distinct case_id)::int as n from htcds_import_rows where import_id = ${id}::uuid`)).toBe(ROWS);
    expect(await count(sql`select attempts as n from htcds_imports where id = ${id}::uuid`)).toBe(2);
    expect(await files.get(id)).toBeNull();
    await worker.stop();
    await queue.stop();
  }, 120_000);
});
