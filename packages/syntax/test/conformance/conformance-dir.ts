import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The upstream conformance data. Fails loudly when it is missing: a conformance run that
 * silently tests nothing would look like a pass.
 */
export function conformanceDir(...sub: string[]): string {
  const base = process.env.INGOT_CONFORMANCE_DIR ?? join(projectRoot, '..', 'shared', 'conformance');
  const dir = join(base, ...sub);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(
      `conformance data not found at ${dir}: set INGOT_CONFORMANCE_DIR to the conformance directory`,
    );
  }
  return dir;
}
