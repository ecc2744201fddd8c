/**
 * `file.path_join(...elements)`: Go `filepath.Join`. Empty elements are ignored, the rest
 * joined with the platform's separator and cleaned (no repeated separators, no `.`, `x/..`
 * resolved, no trailing separator); nothing left gives `""`.
 */
import { posix, win32, type PlatformPath } from 'node:path';
import { string, type FunctionValue } from '../../eval/value.js';
import { variadicStringFunction } from '../string-function.js';

const platformPath = process.platform === 'win32' ? win32 : posix;

export const pathJoin: FunctionValue = variadicStringFunction((...elements) => string(joinPath(elements)));

export function joinPath(elements: readonly string[], path: PlatformPath = platformPath): string {
  const present = elements.filter((element) => element !== '');
  if (present.length === 0) return '';
  const joined = path.normalize(present.join(path.sep));
  // Node keeps a trailing separator that Go's Clean drops (except for the root itself).
  const root = path.parse(joined).root;
  return joined.length > root.length && joined.endsWith(path.sep) ? joined.slice(0, -1) : joined;
}
