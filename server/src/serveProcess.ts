import path from 'node:path';
import { buildApp } from './app.js';
import { type BootstrapResult, bootstrapDatabase } from './bootstrap.js';
import type { Config } from './config.js';
import { loadKeyRing } from './crypto/keyRing.js';
import { openDatabase } from './db/client.js';
import { startupSummary } from './startupSummary.js';

/**
 * One server process: opens the database, builds the app and listens until told to stop. A worker
 * of a cluster skips the bootstrap (its primary ran it once) and the operator's summary.
 */
export async function serveProcess(config: Config, role: { bootstrap: boolean }) {
  const { keyRing, generatedAt } = loadKeyRing({ json: config.keyRingJson, dataDir: config.dataDir });
  const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
  const seeded: BootstrapResult | null = role.bootstrap ? await bootstrapDatabase(database, keyRing, config) : null;
  const app = await buildApp({ config, database, keyRing });

  if (generatedAt) {
    app.log.warn(
      `Generated a demo encryption key file at ${generatedAt}. Anyone with this file can read identity data: for real use, set SEAMLESS_KEYS from a secret store.`,
    );
  }

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    await database.close();
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  if (seeded) {
    const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
    console.log(startupSummary(config, url, database.kind, seeded));
  } else {
    app.log.info('worker listening');
  }
}
