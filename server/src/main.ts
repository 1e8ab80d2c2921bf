import path from 'node:path';
import { buildApp } from './app.js';
import { bootstrapDatabase } from './bootstrap.js';
import { loadConfig } from './config.js';
import { loadKeyRing } from './crypto/keyRing.js';
import { openDatabase } from './db/client.js';
import { demoCountryOf } from './seed/seedDemo.js';

const config = loadConfig();
const { keyRing, generatedAt } = loadKeyRing({ json: config.keyRingJson, dataDir: config.dataDir });
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
const seeded = await bootstrapDatabase(database, keyRing, config);
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
const url = `http://localhost:${(app.server.address() as { port: number }).port}`;
const lines = [
  `Seamless is serving at ${url} (database: ${database.kind}${database.kind === 'pglite' ? `, data in ${config.dataDir}` : ''})`,
];
if (seeded.kind === 'demo') {
  lines.push(`Loaded the synthetic demo dataset: ${seeded.agencies} agencies, ${seeded.users} accounts, ${seeded.cases} cases.`);
}
if (seeded.kind !== 'empty' && config.seedDemo) {
  const logins = demoCountryOf(config.instanceCountry).accounts.map((a) => a.username);
  lines.push(`Demo logins (password: the DEMO_PASSWORD setting, default "Seamless-demo-2026"): ${logins.join(', ')}`);
}
if (seeded.kind === 'empty')
  lines.push(`Created the first administrator: username "admin", password "${seeded.adminPassword}" (change it after signing in).`);
console.log(lines.join('\n'));
