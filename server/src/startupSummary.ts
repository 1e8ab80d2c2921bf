import type { BootstrapResult } from './bootstrap.js';
import type { Config } from './config.js';
import { demoCountryOf } from './seed/seedDemo.js';

/** What the operator reads on the console once the server answers: where, on what, and how to sign in first. */
export function startupSummary(config: Config, url: string, databaseKind: 'pglite' | 'postgres', seeded: BootstrapResult): string {
  const processes = config.workers > 1 ? `, ${config.workers} worker processes` : '';
  const lines = [
    `Seamless is serving at ${url} (database: ${databaseKind}${databaseKind === 'pglite' ? `, data in ${config.dataDir}` : ''}${processes})`,
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
  return lines.join('\n');
}
