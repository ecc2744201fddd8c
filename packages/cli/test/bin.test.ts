/** The real thing: the compiled `bin/ingot.js`, spawned as `npx ingot` would run it. */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const cliDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(cliDir, '../..');
const bin = join(cliDir, 'bin', 'ingot.js');

/** Newest mtime of the `.ts` sources under a directory. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

beforeAll(() => {
  const built = join(cliDir, 'dist', 'main.js');
  const stale =
    !existsSync(built) ||
    statSync(built).mtimeMs < Math.max(newestSource(join(cliDir, 'src')), newestSource(join(root, 'packages/syntax/src')));
  if (stale) execFileSync('npx', ['tsc', '-b', 'packages/cli'], { cwd: root, stdio: 'pipe' });
}, 180_000);

function run(args: string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/ingot.js', () => {
  it('prints help', () => {
    const { status, stdout } = run(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: ingot \[options\] \[command\]/);
    expect(stdout).toContain('fmt|format');
  });

  it('prints the version', () => {
    const { status, stdout } = run(['--version']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('formats standard input and sets the exit code', () => {
    expect(run(['fmt'], 'a   =   1')).toEqual({ status: 0, stdout: 'a = 1\n', stderr: '' });
    const broken = run(['fmt', '-'], 'a = = 1\n');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/^Error: <stdin>:1:\d+: /);
  });
});
