import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp, type TestApp } from '../../test/harness.js';
import { ImportFiles } from '../htcds/import/importFiles.js';
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
        leaseSeconds: 60,
        checkedFileHours: 24,
        log: t.app.log,
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
