// Builds what `npm start` runs: the contracts and the server compiled by tsc to dist/ (with the SQL
// migrations beside them), and the web bundle by Vite, precompressed. Each part is skipped when its
// outputs are newer than its sources, so a second `npm start` does not wait for a build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompress } from './precompress.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => path.join(root, ...parts);

function run(command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The newest modification time under the given files and directories (0 when none exists). */
function newest(paths) {
  let latest = 0;
  for (const entry of paths) {
    if (!fs.existsSync(entry)) continue;
    const stat = fs.statSync(entry);
    if (!stat.isDirectory()) {
      latest = Math.max(latest, stat.mtimeMs);
      continue;
    }
    for (const name of fs.readdirSync(entry, { recursive: true })) {
      latest = Math.max(latest, fs.statSync(path.join(entry, name)).mtimeMs);
    }
  }
  return latest;
}

const upToDate = (output, sources) => fs.existsSync(output) && fs.statSync(output).mtimeMs >= newest(sources);

// tsc's build mode keeps its own record of what changed (dist/.tsbuildinfo) and rebuilds only that.
run(process.execPath, [at('node_modules/typescript/bin/tsc'), '-b', at('server/tsconfig.build.json')]);
// The migrator reads the SQL files and their journal from beside the compiled database client.
fs.rmSync(at('server/dist/db/migrations'), { recursive: true, force: true });
fs.cpSync(at('server/src/db/migrations'), at('server/dist/db/migrations'), { recursive: true });

const webSources = [
  at('web/src'),
  at('web/index.html'),
  at('web/vite.config.ts'),
  at('web/package.json'),
  at('packages/contracts/src'),
  at('package-lock.json'),
];
if (upToDate(at('web/dist/index.html'), webSources)) {
  console.log('web/dist is newer than its sources: not rebuilt');
} else {
  run(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build'], at('web'));
  const { before, after } = await precompress(at('web/dist'));
  console.log(`precompressed web/dist: ${Math.round(before / 1024)} kB of text is ${Math.round(after / 1024)} kB with Brotli`);
}
