import cluster, { type Worker } from 'node:cluster';
import { bootstrapDatabase } from './bootstrap.js';
import type { Config } from './config.js';
import { loadKeyRing } from './crypto/keyRing.js';
import { openDatabase } from './db/client.js';
import { loadInstanceIdentity } from './federation/instanceIdentity.js';
import { startupSummary } from './startupSummary.js';

/** A worker that dies is replaced after this pause, so a crash at start does not spin the processor. */
const REPLACE_AFTER_MS = 1_000;
/** Workers get this long to finish their requests and jobs before they are killed. */
const SHUTDOWN_GRACE_MS = 15_000;

/**
 * The primary of WORKERS processes sharing one port (node:cluster): it prepares what must be made
 * once — the key files in DATA_DIR, the migrated and seeded database — then forks the workers,
 * replaces any that die, and on SIGTERM or SIGINT lets each one shut down gracefully.
 */
export async function runClusterPrimary(config: Config) {
  const { keyRing, generatedAt } = loadKeyRing({ json: config.keyRingJson, dataDir: config.dataDir });
  await loadInstanceIdentity({
    json: config.instanceKeysJson,
    dataDir: config.dataDir,
    country: config.instanceCountry,
    name: config.instanceName,
    url: config.instanceUrl,
  });
  const database = await openDatabase({ databaseUrl: config.databaseUrl });
  const seeded = await bootstrapDatabase(database, keyRing, config);
  await database.close();
  if (generatedAt) {
    console.warn(
      `Generated a demo encryption key file at ${generatedAt}. Anyone with this file can read identity data: for real use, set SEAMLESS_KEYS from a secret store.`,
    );
  }

  let stopping = false;
  const fork = () => cluster.fork();
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) return;
    console.error(`Worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another.`);
    setTimeout(fork, REPLACE_AFTER_MS);
  });
  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === config.workers) console.log(startupSummary(config, `http://localhost:${config.port}`, 'postgres', seeded));
  });
  for (let i = 0; i < config.workers; i += 1) fork();

  async function stop(signal: string) {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping ${Object.keys(cluster.workers ?? {}).length} workers (${signal}).`);
    const timer = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS);
    timer.unref();
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => worker !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    process.exit(0);
  }
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
