import path from 'node:path';

/**
 * Vite names every file under assets/ by a hash of its content, so a changed file gets a new name and
 * browsers may keep these for good; index.html names the current ones, so it is revalidated each load.
 */
export function webCacheControl(webDist: string, file: string): string {
  return path.relative(webDist, file).startsWith(`assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
}
