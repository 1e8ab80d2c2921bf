import fs from 'node:fs';

/**
 * Writes a generated key file unless one exists, in one step: the content goes aside first and is
 * then linked into place, which fails when another process got there first. Processes starting
 * together therefore all read the same whole file, never a half-written one or each its own keys.
 * Returns whether this process created it.
 */
export function writeKeyFileOnce(file: string, contents: () => string): boolean {
  if (fs.existsSync(file)) return false;
  const aside = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(aside, contents(), { mode: 0o600 });
  try {
    fs.linkSync(aside, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.unlinkSync(aside);
  }
}
