/**
 * `ingot fmt`, as upstream's `alloy fmt` (`internal/alloycli/cmd_fmt.go`): formats one file,
 * or standard input, and prints the result; `-w` rewrites the file, `-t` only checks it.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { format, parseFile, renderDiagnostics, shouldUseColor } from '@ingot/syntax';
import { readAll, type Io } from '../io.js';

export interface FmtOptions {
  /** The file to format; absent or `-` reads standard input. */
  readonly path?: string;
  /** Rewrite the file in place instead of printing it. */
  readonly write?: boolean;
  /** Print nothing; exit 1 when the file is not formatted. */
  readonly test?: boolean;
  /** False when `--no-color` was given. */
  readonly color?: boolean;
}

/** The name diagnostics use for standard input, as upstream. */
export const STDIN_NAME = '<stdin>';

export async function fmt(options: FmtOptions, io: Io): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`Error: ${message}\n`);
    return 1;
  };

  if (options.write === true && options.test === true) {
    return fail('cannot use -w/--write and -t/--test at the same time');
  }

  const path = options.path ?? '-';
  let filename: string;
  let source: Buffer;
  let mode = 0;
  if (path === '-') {
    if (options.write === true) return fail('cannot use -w with standard input');
    filename = STDIN_NAME;
    source = await readAll(io.stdin);
  } else {
    try {
      const info = await stat(path);
      if (info.isDirectory()) return fail('cannot format a directory');
      mode = info.mode & 0o7777;
      source = await readFile(path);
    } catch (err) {
      return fail(describeFsError(err, path));
    }
    filename = path;
  }

  const { file, diagnostics } = parseFile(source, { filename });
  if (diagnostics.length > 0) {
    const color = shouldUseColor({ isTTY: io.stderr.isTTY, env: io.env, noColorFlag: options.color === false });
    io.stderr.write(renderDiagnostics(diagnostics, new Map([[filename, source]]), { color }));
    return 1;
  }

  const formatted = `${format(file)}\n`;
  const unchanged = Buffer.from(formatted, 'utf8').equals(source);

  if (options.test === true) {
    return unchanged ? 0 : fail(`file ${filename} is not formatted correctly`);
  }
  if (options.write !== true) {
    io.stdout.write(formatted);
    return 0;
  }
  if (unchanged) return 0; // leave the file (and its mtime) alone
  try {
    await writeAtomically(path, formatted, mode);
  } catch (err) {
    return fail(describeFsError(err, path));
  }
  return 0;
}

/**
 * Replaces a file's contents so that a reader sees the old or the new file, never a torn one:
 * a temporary file in the same directory (same file system) is written, synced, given the
 * original mode, then renamed over the target. A symlink is followed, not replaced.
 */
async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  const target = await realpath(path);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode); // `open` applies the umask
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** `path: reason`, in the wording of Go's `os` errors rather than Node's `ENOENT: …`. */
function describeFsError(err: unknown, path: string): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const reasons: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EISDIR: 'is a directory',
    ENOTDIR: 'not a directory',
    EROFS: 'read-only file system',
  };
  const reason = code !== undefined ? reasons[code] : undefined;
  return `${path}: ${reason ?? (err instanceof Error ? err.message : String(err))}`;
}
