/**
 * The module text at `path` in a checkout, as upstream's `pollFile` reads it: a file is one
 * entry named by `path` itself; a directory gives its top-level `*.alloy` files, named by
 * file name, subdirectories ignored.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { osErrorMessage } from '../../../os-error.js';
import type { ModuleContent } from '../../import-source.js';

export async function readModuleFiles(root: string, path: string): Promise<ModuleContent> {
  const full = join(root, path);
  // The path comes from configuration (maybe from imported content): it may not leave the clone.
  const inside = relative(root, full);
  if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`path "${path}" is outside the repository`);

  const info = await attempt(() => stat(full), full);
  if (!info.isDirectory()) return new Map([[path, await attempt(() => readFile(full, 'utf8'), full)]]);

  const entries = await attempt(() => readdir(full, { withFileTypes: true }), full);
  const content = new Map<string, string>();
  // Go's ReadDir sorts by name; keep that order, which is the order diagnostics list files in.
  const names = entries
    .filter((entry) => !entry.isDirectory() && entry.name.endsWith('.alloy'))
    .map((entry) => entry.name)
    .sort();
  for (const name of names) {
    const file = join(full, name);
    content.set(name, await attempt(() => readFile(file, 'utf8'), file));
  }
  return content;
}

/** `operation`, with a failure worded as Go's `os.PathError`. */
async function attempt<T>(operation: () => Promise<T>, path: string): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    throw new Error(osErrorMessage(error, path));
  }
}
