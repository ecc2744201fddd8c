import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fmt } from '../src/commands/fmt.js';
import { main } from '../src/main.js';
import { fakeIo } from './fake-io.js';

const MESSY = 'server "main"{\nport=80\n}\n';
const TIDY = 'server "main" {\n\tport = 80\n}\n';
const BROKEN = 'server "main" {\n\tport = = 80\n}\n';

/** A time well in the past, so any rewrite would visibly move the mtime. */
const PAST = new Date('2020-01-02T03:04:05Z');

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ingot-fmt-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fixture(name: string, text: string, mode = 0o644): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  await chmod(path, mode);
  await utimes(path, PAST, PAST);
  return path;
}

async function expectUntouched(path: string, text: string): Promise<void> {
  expect(await readFile(path, 'utf8')).toBe(text);
  expect((await stat(path)).mtimeMs).toBe(PAST.getTime());
}

describe('ingot fmt PATH', () => {
  it('prints the formatted file, ending in exactly one newline, and leaves the file alone', async () => {
    const path = await fixture('a.alloy', MESSY);
    const io = fakeIo();
    expect(await fmt({ path }, io)).toBe(0);
    expect(io.stdout.text).toBe(TIDY);
    expect(io.stderr.text).toBe('');
    await expectUntouched(path, MESSY);
  });

  it('adds the final newline to a file without one and trims extra ones', async () => {
    const io = fakeIo();
    expect(await fmt({ path: await fixture('a.alloy', 'a = 1') }, io)).toBe(0);
    expect(io.stdout.text).toBe('a = 1\n');
    const io2 = fakeIo();
    expect(await fmt({ path: await fixture('b.alloy', 'a = 1\n\n\n') }, io2)).toBe(0);
    expect(io2.stdout.text).toBe('a = 1\n');
  });

  it('is reachable through main, with the format alias', async () => {
    const path = await fixture('a.alloy', MESSY);
    for (const argv of [['fmt', path], ['format', path], ['--no-color', 'fmt', path]]) {
      const io = fakeIo();
      expect(await main(argv, io)).toBe(0);
      expect(io.stdout.text).toBe(TIDY);
    }
  });

  it('reports syntax errors with pretty diagnostics on stderr and exits 1', async () => {
    const path = await fixture('bad.alloy', BROKEN);
    const io = fakeIo();
    expect(await fmt({ path }, io)).toBe(1);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toMatch(new RegExp(`^Error: ${escape(path)}:2:\\d+: `));
    expect(io.stderr.text).toContain('2 |     port = = 80\n');
    expect(io.stderr.text).toMatch(/\n {2}\| +\^/);
    expect(io.stderr.text).not.toContain('\x1b');
    await expectUntouched(path, BROKEN);
  });

  it('fails on a directory', async () => {
    const io = fakeIo();
    expect(await fmt({ path: dir }, io)).toBe(1);
    expect(io.stderr.text).toBe('Error: cannot format a directory\n');
  });

  it('fails on a missing file', async () => {
    const io = fakeIo();
    const path = join(dir, 'nope.alloy');
    expect(await fmt({ path }, io)).toBe(1);
    expect(io.stderr.text).toBe(`Error: ${path}: no such file or directory\n`);
  });

  it('reads the file as bytes: invalid UTF-8 is reported, not mangled', async () => {
    const path = join(dir, 'latin1.alloy');
    await writeFile(path, Buffer.from([0x61, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a])); // a = "\xe9"
    const io = fakeIo();
    expect(await fmt({ path }, io)).toBe(1);
    expect(io.stderr.text).toContain(`Error: ${path}:1:6: `);
  });
});

describe('ingot fmt from standard input', () => {
  it('reads stdin when there is no path', async () => {
    const io = fakeIo({ stdin: MESSY });
    expect(await main(['fmt'], io)).toBe(0);
    expect(io.stdout.text).toBe(TIDY);
  });

  it('reads stdin for "-"', async () => {
    const io = fakeIo({ stdin: MESSY });
    expect(await main(['fmt', '-'], io)).toBe(0);
    expect(io.stdout.text).toBe(TIDY);
  });

  it('names stdin <stdin> in diagnostics', async () => {
    const io = fakeIo({ stdin: BROKEN });
    expect(await main(['fmt', '-'], io)).toBe(1);
    expect(io.stderr.text).toMatch(/^Error: <stdin>:2:\d+: .*\n\n1 \| server "main" \{\n2 \| /);
  });

  it('refuses -w with stdin', async () => {
    const io = fakeIo({ stdin: MESSY });
    expect(await main(['fmt', '-w'], io)).toBe(1);
    expect(io.stderr.text).toBe('Error: cannot use -w with standard input\n');
    expect(io.stdout.text).toBe('');
  });

  it('checks stdin with -t', async () => {
    expect(await main(['fmt', '-t'], fakeIo({ stdin: TIDY }))).toBe(0);
    const io = fakeIo({ stdin: MESSY });
    expect(await main(['fmt', '-t', '-'], io)).toBe(1);
    expect(io.stderr.text).toBe('Error: file <stdin> is not formatted correctly\n');
  });
});

describe('ingot fmt -w', () => {
  it('rewrites the file atomically, keeping its mode', async () => {
    const path = await fixture('a.alloy', MESSY, 0o640);
    const before = await stat(path);
    const io = fakeIo();
    expect(await main(['fmt', '-w', path], io)).toBe(0);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toBe('');
    expect(await readFile(path, 'utf8')).toBe(TIDY);
    const after = await stat(path);
    expect(after.mode & 0o7777).toBe(0o640);
    expect(after.ino).not.toBe(before.ino); // replaced by rename, never truncated in place
    expect(after.mtimeMs).not.toBe(PAST.getTime());
    expect(await readdir(dir)).toEqual(['a.alloy']); // no temporary file left behind
  });

  it('accepts --write', async () => {
    const path = await fixture('a.alloy', MESSY);
    expect(await main(['fmt', '--write', path], fakeIo())).toBe(0);
    expect(await readFile(path, 'utf8')).toBe(TIDY);
  });

  it('does not touch a file that is already formatted', async () => {
    const path = await fixture('a.alloy', TIDY);
    expect(await main(['fmt', '-w', path], fakeIo())).toBe(0);
    await expectUntouched(path, TIDY);
  });

  it('leaves the file untouched when it has syntax errors', async () => {
    const path = await fixture('bad.alloy', BROKEN);
    const io = fakeIo();
    expect(await main(['fmt', '-w', path], io)).toBe(1);
    expect(io.stderr.text).toContain(`Error: ${path}:2:`);
    await expectUntouched(path, BROKEN);
    expect(await readdir(dir)).toEqual(['bad.alloy']);
  });

  it('writes through a symlink instead of replacing it', async () => {
    await mkdir(join(dir, 'real'));
    const target = await fixture('real/a.alloy', MESSY);
    const link = join(dir, 'link.alloy');
    await symlink(target, link);
    expect(await main(['fmt', '-w', link], fakeIo())).toBe(0);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(target);
    expect(await readFile(target, 'utf8')).toBe(TIDY);
  });

  it('cannot be combined with -t', async () => {
    const path = await fixture('a.alloy', MESSY);
    const io = fakeIo();
    expect(await main(['fmt', '-w', '-t', path], io)).toBe(1);
    expect(io.stderr.text).toBe('Error: cannot use -w/--write and -t/--test at the same time\n');
    await expectUntouched(path, MESSY);
  });
});

describe('ingot fmt -t', () => {
  it('exits 0 silently for a formatted file', async () => {
    const io = fakeIo();
    expect(await main(['fmt', '-t', await fixture('a.alloy', TIDY)], io)).toBe(0);
    expect(io.stdout.text + io.stderr.text).toBe('');
  });

  it('exits 1 for a file that is not formatted, leaving it alone', async () => {
    const path = await fixture('a.alloy', MESSY);
    const io = fakeIo();
    expect(await main(['fmt', '--test', path], io)).toBe(1);
    expect(io.stdout.text).toBe('');
    expect(io.stderr.text).toBe(`Error: file ${path} is not formatted correctly\n`);
    await expectUntouched(path, MESSY);
  });

  it('exits 1 for a file with syntax errors', async () => {
    expect(await main(['fmt', '-t', await fixture('bad.alloy', BROKEN)], fakeIo())).toBe(1);
  });
});

describe('colour', () => {
  const tty = { isTTY: true, env: { TERM: 'xterm-256color' } };

  it('colours diagnostics on a terminal', async () => {
    const io = fakeIo({ ...tty, stdin: BROKEN });
    expect(await main(['fmt'], io)).toBe(1);
    expect(io.stderr.text).toMatch(/^\x1b\[31;1mError: \x1b\[0m\x1b\[1m<stdin>:2:/);
  });

  it('does not colour with --no-color, before or after the command', async () => {
    for (const argv of [['--no-color', 'fmt'], ['fmt', '--no-color']]) {
      const io = fakeIo({ ...tty, stdin: BROKEN });
      expect(await main(argv, io)).toBe(1);
      expect(io.stderr.text).toMatch(/^Error: <stdin>:2:/);
    }
  });

  it('does not colour with NO_COLOR', async () => {
    const io = fakeIo({ isTTY: true, env: { TERM: 'xterm', NO_COLOR: '1' }, stdin: BROKEN });
    expect(await main(['fmt'], io)).toBe(1);
    expect(io.stderr.text).toMatch(/^Error: <stdin>:2:/);
  });

  it('does not colour when stderr is not a terminal', async () => {
    const io = fakeIo({ isTTY: false, env: tty.env, stdin: BROKEN });
    expect(await main(['fmt'], io)).toBe(1);
    expect(io.stderr.text).not.toContain('\x1b');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
