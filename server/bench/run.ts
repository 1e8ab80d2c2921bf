import { CASE_SECTIONS, sectionPermission } from '@seamless/contracts';
import { eq, sql } from 'drizzle-orm';
import { loadPermissions } from '../src/auth/sessionStore.js';
import { asSystem } from '../src/db/actorContext.js';
import { cases, users } from '../src/db/schema/index.js';
import { generateSyntheticSet, prng } from '../src/matching/synthetic/generate.js';
import { loadSyntheticSet } from '../src/matching/synthetic/load.js';
import { startTestApp } from '../test/harness.js';
import { auditedWrites } from './auditedWrites.js';
import { caseDetail } from './caseDetail.js';
import { caseList } from './caseList.js';
import { caseloadTasks } from './caseloadTasks.js';
import { type Bench, type BenchEntry, writeResults } from './context.js';
import { federationDelivery } from './federationDelivery.js';
import { htcdsExport } from './htcdsExport.js';
import { htcdsImport } from './htcdsImport.js';
import { httpCaseRead } from './httpCaseRead.js';
import { matchCalibration } from './matchCalibration.js';
import { matchSearch } from './matchSearch.js';
import { occupancyBoard } from './occupancyBoard.js';
import { rawCaseRoutes } from './rawCaseRoutes.js';
import { relinkage } from './relinkage.js';
import { statisticsFigure } from './statisticsFigure.js';
import { webPageLoad } from './webPageLoad.js';

/**
 * `npm run bench` (from the repository root or server/): starts the app over a fresh database —
 * embedded PGlite, or a new database on the server DATABASE_URL names — loads the synthetic
 * population (10,000 persons with a case each; 2,000 with --quick), runs each benchmark and writes
 * bench/results/<name>.json at the repository root. Names after the flags run only those benches:
 * `npm run bench -- --quick match-search`.
 */
const BENCHES: Bench[] = [
  matchSearch,
  matchCalibration,
  relinkage,
  caseList,
  caseDetail,
  httpCaseRead,
  htcdsImport,
  htcdsExport,
  occupancyBoard,
  caseloadTasks,
  federationDelivery,
  statisticsFigure,
  auditedWrites,
  webPageLoad,
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.filter((arg) => !arg.startsWith('--'));
const selected = only.length ? BENCHES.filter((bench) => only.includes(bench.name)) : BENCHES;
if (selected.length === 0) {
  console.error(`No benchmark named ${only.join(', ')}; known: ${BENCHES.map((bench) => bench.name).join(', ')}`);
  process.exit(2);
}

const persons = quick ? 2_000 : 10_000;
const started = performance.now();
const rawRoutes = rawCaseRoutes();
const app = await startTestApp({}, (server, database, keyRing) => rawRoutes.register(server, database.db, keyRing));
try {
  const [worker] = await asSystem(app.database.db, (tx) => tx.select().from(users).where(eq(users.username, 'th.socialworker')));
  if (!worker) throw new Error('The demo caseworker th.socialworker is missing');
  const set = generateSyntheticSet({ persons });
  const personIds = await loadSyntheticSet(app.database.db, app.keyRing, set, {
    agencyId: worker.agencyId,
    cases: { ownerUserId: worker.id, countryCode: 'TH' },
  });
  const caseIds = (
    await asSystem(app.database.db, (tx) => tx.select({ id: cases.id }).from(cases).where(eq(cases.ownerAgencyId, worker.agencyId)))
  ).map((row) => row.id);
  await asSystem(app.database.db, (tx) => tx.execute(sql`analyze`));
  const { permissions } = await asSystem(app.database.db, (tx) => loadPermissions(tx, worker.id));
  rawRoutes.readAs({
    userId: worker.id,
    username: worker.username,
    agencyId: worker.agencyId,
    sections: CASE_SECTIONS.filter((section) => permissions.has(sectionPermission(section))),
  });
  console.info(
    `bench: ${set.persons.length} persons and ${caseIds.length} cases on ${app.database.kind} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const context = {
    app,
    quick,
    set,
    personIds,
    caseIds,
    actor: { userId: worker.id, agencyId: worker.agencyId, scopes: [] },
    client: await app.login('th.socialworker'),
    random: prng(42),
  };
  for (const bench of selected) {
    const benchStarted = performance.now();
    const entries: BenchEntry[] = await bench.run(context);
    const file = writeResults(bench.name, entries, app.database.kind);
    console.info(`\n${bench.name} (${((performance.now() - benchStarted) / 1000).toFixed(1)} s) → ${file}`);
    console.table(entries.map(({ name, metric, value, baseline, ratio, unit, n }) => ({ name, metric, value, baseline, ratio, unit, n })));
  }
} finally {
  await app.close();
}
