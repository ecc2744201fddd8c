import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseFile, type Diagnostic, type File } from '@ingot/syntax';
import { osErrorMessage } from '../os-error.js';
import { checkEncoding } from './encoding.js';

/** The config as read from disk: each source by name, sorted, and their hash (spec §2.6). */
export interface ConfigSources {
  /** Name → text, in the order statements are concatenated (sorted by name). */
  readonly sources: ReadonlyMap<string, string>;
  /** SHA-256 of the concatenated sources; all zeros when there are none. */
  readonly hash: string;
  /** The `module_path` variable: the directory itself, or the file's directory. */
  readonly modulePath: string;
}

export type ReadOutcome =
  | ({ readonly ok: true } & ConfigSources)
  /** `reading config path "<path>": …` as upstream words it. */
  | { readonly ok: false; readonly message: string; readonly hash: string };

export type ParseOutcome =
  | { readonly ok: true; readonly files: readonly File[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const NO_HASH = '0'.repeat(64);

/**
 * Reads the config at `path` (spec §1.1): a file, or every `*.alloy` file directly inside
 * a directory (not descending), keyed by the path as walked. Each source must be UTF-8.
 */
export async function readConfig(path: string): Promise<ReadOutcome> {
  const fail = (reason: string): ReadOutcome => ({ ok: false, message: `reading config path ${JSON.stringify(path)}: ${reason}`, hash: NO_HASH });
  let names: string[];
  let modulePath: string;
  try {
    if ((await stat(path)).isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      names = entries.filter((entry) => !entry.isDirectory() && entry.name.endsWith('.alloy')).map((entry) => join(path, entry.name));
      modulePath = path;
    } else {
      names = [path];
      modulePath = dirname(path);
    }
  } catch (error) {
    return fail(osErrorMessage(error, path));
  }

  const sources = new Map<string, string>();
  const hash = createHash('sha256');
  for (const name of names.sort()) {
    let bytes: Buffer;
    try {
      bytes = await readFile(name);
    } catch (error) {
      return fail(osErrorMessage(error, name));
    }
    const encodingError = checkEncoding(bytes);
    if (encodingError !== undefined) return fail(encodingError);
    hash.update(bytes);
    sources.set(name, bytes.toString('utf8'));
  }
  return { ok: true, sources, hash: sources.size === 0 ? NO_HASH : hash.digest('hex'), modulePath };
}

/** Parses every source; all files' diagnostics are reported together (spec §1.1). */
export function parseConfig(sources: ReadonlyMap<string, string>): ParseOutcome {
  const files: File[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const [name, text] of sources) {
    const parsed = parseFile(text, { filename: name });
    files.push(parsed.file);
    diagnostics.push(...parsed.diagnostics);
  }
  return diagnostics.some((d) => d.severity === 'error') ? { ok: false, diagnostics } : { ok: true, files };
}
