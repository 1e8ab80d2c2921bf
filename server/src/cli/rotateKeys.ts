import fs from 'node:fs';
import path from 'node:path';
import { rotateIdentityKey } from '../commands/rotateIdentityKey.js';
import { loadConfig } from '../config.js';
import { demoKeyFilePath, generateKeyRingFile, KeyRing, type KeyRingFile, keyRingFileSchema } from '../crypto/keyRing.js';
import { openDatabase } from '../db/client.js';
import { AttachmentStore } from '../files/attachmentStore.js';
import { ImportFiles } from '../htcds/import/importFiles.js';

/**
 * `npm run keys:rotate -w server`: re-encrypts identity data under the active key — every
 * `…_enc` column of the database in batches, then the attachments and import files on disk —
 * while the app keeps serving; safe to interrupt and to run again.
 * With SEAMLESS_KEYS, put the new key in the ring and make it active first; with the demo key
 * file, `--new-key` adds and activates a fresh key in that file before re-encrypting.
 */
const config = loadConfig();
let file: KeyRingFile;
if (config.keyRingJson) {
  file = keyRingFileSchema.parse(JSON.parse(config.keyRingJson));
} else {
  const filePath = demoKeyFilePath(config.dataDir);
  file = keyRingFileSchema.parse(JSON.parse(fs.readFileSync(filePath, 'utf8')));
  if (process.argv.includes('--new-key')) {
    const fresh = generateKeyRingFile(`k${Date.now().toString(36)}`);
    file = { ...file, activeKeyId: fresh.activeKeyId, keys: { ...file.keys, ...fresh.keys } };
    fs.writeFileSync(filePath, JSON.stringify(file, null, 2), { mode: 0o600 });
  }
}
const keyRing = new KeyRing(file);
const database = await openDatabase({ databaseUrl: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
const counts = await rotateIdentityKey(database.db, keyRing);
await database.close();
const attachments = await new AttachmentStore(path.join(config.dataDir, 'attachments'), keyRing).rotate();
const importFiles = await new ImportFiles(path.join(config.dataDir, 'imports'), keyRing).rotate();
const summary = Object.entries(counts)
  .map(([table, count]) => `${table}: ${count}`)
  .join(', ');
console.log(
  `Re-encrypted under key "${keyRing.activeKeyId}" — rows changed per table: ${summary}; attachments: ${attachments}; import files: ${importFiles}.`,
);
