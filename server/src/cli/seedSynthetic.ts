import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { bootstrapDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { loadKeyRing } from '../crypto/keyRing.js';
import { openDatabase, rowsOf } from '../db/client.js';
import { loadSyntheticPopulation } from '../seed/synthetic/loadPopulation.js';

/**
 * `npm run seed:synthetic -- --cases 1000000 [--seed 20260315]`: fills the database the app
 * would use (DATABASE_URL, else the embedded one in DATA_DIR) with a synthetic caseload for
 * load tests and benchmarks. Test instances only: an empty database gets the demo's agencies and
 * accounts (and their published password) to own the cases.
 */
const { values } = parseArgs({
  options: { cases: { type: 'string', default: '10000' }, seed: { type: 'string', default: '20260315' } },
});
const cases = Number(values.cases);
const seed = Number(values.seed);
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error('--cases must be a positive whole number and --seed a whole number ≥ 0');
  process.exit(2);
}

const config = loadConfig();
const { keyRing } = loadKeyRing({ json: config.keyRingJson, dataDir: config.dataDir });
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite'), poolSize: 2 });
await bootstrapDatabase(database, keyRing, { ...config, seedDemo: true });

const format = (n: number) => Math.round(n).toLocaleString('en');
let lastReport = 0;
const loading = loadSyntheticPopulation(database, keyRing, {
  cases,
  seed,
  onProgress: (progress) => {
    if (progress.seconds - lastReport < 2 && progress.cases < cases) return;
    lastReport = progress.seconds;
    console.log(`${format(progress.cases)} / ${format(cases)} cases, ${format(progress.rows)} rows, ${progress.seconds.toFixed(0)} s`);
  },
});
const result = await loading.catch(async (error: Error) => {
  console.error(`The synthetic load stopped (batches committed before stay): ${error.message}`);
  await database.close();
  process.exit(1);
});
const [size] = rowsOf<{ bytes: string }>(await database.db.execute(sql`select pg_database_size(current_database())::text as bytes`));
await database.close();
console.log(
  [
    `Loaded ${format(result.cases)} cases (${format(result.rows)} rows) into ${database.kind} in ${result.seconds.toFixed(1)} s:`,
    `${format(result.cases / result.seconds)} cases/s, ${format(result.rows / result.seconds)} rows/s;`,
    `database size ${(Number(size!.bytes) / 2 ** 20).toFixed(0)} MiB.`,
  ].join(' '),
);
console.log(
  Object.entries(result.tables)
    .map(([table, count]) => `${table}: ${format(count)}`)
    .join(', '),
);
