import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { placeOf } from '../db/cipherPlace.js';
import { htcdsImports, users } from '../db/schema/index.js';
import { sha256Of } from '../files/attachmentStore.js';
import { ImportFiles } from '../htcds/import/importFiles.js';
import { DEFAULT_SHEET_LIMITS } from '../htcds/sheet/cells.js';
import { EmbeddedJobQueue } from './embeddedQueue.js';
import { ImportRunner } from './importRunner.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

describe('a failed import job in the log', () => {
  it('names the job and the error’s class, never the message quoting the file', async () => {
    // The app's own worker stops, so the job below is taken by the runner whose log is read here.
    await t.app.close();
    // A database refusal that quotes the row, as PostgreSQL's unique violations do in their detail.
    await asSystem(t.database.db, async (tx) => {
      await tx.execute(sql`create function refuse_case() returns trigger language plpgsql as $$
        begin raise exception 'Key (reference)=(%) already exists', new.reference; end $$`);
      await tx.execute(sql`create trigger refuse_case before insert on cases for each row execute function refuse_case()`);
    });
    const files = new ImportFiles(path.join(t.config.dataDir, 'imports'), t.keyRing);
    const bytes = Buffer.from('prs_FirstName,sls_CaseReference\r\nSomchai,SOMCHAI-JAIDEE-1990\r\n');
    const id = randomUUID();
    await files.put(id, bytes);
    const [officer] = await asSystem(t.database.db, (tx) => tx.select().from(users).where(eq(users.username, 'th.data')));
    await asSystem(t.database.db, (tx) =>
      tx.insert(htcdsImports).values({
        id,
        agencyId: officer!.agencyId,
        userId: officer!.id,
        dryRun: false,
        fileNameEnc: t.keyRing.encrypt('cases.csv', placeOf(htcdsImports.fileNameEnc, id)),
        fileBytes: bytes.length,
        fileSha256: sha256Of(bytes),
        format: 'csv',
      }),
    );

    const lines: string[] = [];
    const queue = new EmbeddedJobQueue({ db: t.database.db, pollMilliseconds: 50 });
    const runner = new ImportRunner({
      db: t.database.db,
      keyRing: t.keyRing,
      files,
      instanceCountry: 'TH',
      limits: DEFAULT_SHEET_LIMITS,
      leaseSeconds: 60,
      checkedFileHours: 24,
      log: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }),
      queue,
    });
    // Starting sweeps: the import nobody holds is queued and run on the job queue.
    await runner.start();
    const stateOf = async () =>
      (await asSystem(t.database.db, (tx) => tx.select({ state: htcdsImports.state }).from(htcdsImports).where(eq(htcdsImports.id, id))))[0]
        ?.state;
    let state = await stateOf();
    for (let waited = 0; state !== 'failed' && waited < 30_000; waited += 100) {
      await sleep(100);
      state = await stateOf();
    }
    await runner.stop();
    await queue.stop();
    expect(state).toBe('failed');
    const failure = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'import job failed');
    expect(failure).toMatchObject({ importId: id, pgCode: 'P0001' });
    expect(failure.stack.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toMatch(/somchai/i);
  }, 60_000);
});
