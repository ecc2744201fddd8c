import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROKEN_NAME, SAMPLE } from '../src/commands/demo.js';
import { main, version } from '../src/main.js';
import { fakeIo } from './fake-io.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('ingot', () => {
  it('prints help with --help and exits 0', async () => {
    const io = fakeIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout.text).toMatch(/^Usage: ingot \[options\] \[command\]/);
    expect(io.stdout.text).toContain('fmt|format [options] [path]');
    expect(io.stdout.text).toContain('demo');
    expect(io.stdout.text).toContain('--no-color');
  });

  it('prints command help', async () => {
    const io = fakeIo();
    expect(await main(['fmt', '--help'], io)).toBe(0);
    expect(io.stdout.text).toContain('Usage: ingot fmt|format [options] [path]');
    expect(io.stdout.text).toContain('-w, --write');
    expect(io.stdout.text).toContain('-t, --test');
  });

  it('prints the package version with --version', async () => {
    const io = fakeIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.stdout.text).toBe(`${pkg.version}\n`);
    expect(version()).toBe(pkg.version);
  });

  it('rejects an unknown command or option with exit 1', async () => {
    const io = fakeIo();
    expect(await main(['frobnicate'], io)).toBe(1);
    expect(io.stderr.text).toContain("unknown command 'frobnicate'");
    const io2 = fakeIo();
    expect(await main(['fmt', '--bogus'], io2)).toBe(1);
    expect(io2.stderr.text).toContain("unknown option '--bogus'");
  });

  it('rejects more than one path', async () => {
    const io = fakeIo();
    expect(await main(['fmt', 'a', 'b'], io)).toBe(1);
    expect(io.stderr.text).toContain('too many arguments');
  });
});

describe('ingot demo', () => {
  it('shows the sample before and after formatting, then the diagnostics, and exits 0', async () => {
    const io = fakeIo();
    expect(await main(['demo'], io)).toBe(0);
    expect(io.stderr.text).toBe('');
    const out = io.stdout.text;
    expect(out).toContain(SAMPLE);
    expect(out).toContain('pyroscope.scrape "services" {\n\ttargets = [');
    expect(out).toContain('pyroscope.write "cloud" {\n\tendpoint {\n');
    expect(out).toMatch(new RegExp(`\\nError: ${BROKEN_NAME}:4:\\d+: `));
    expect(out).toContain('string.format("%s:%d", "checkout", 6060)\n    "checkout:6060"\n');
    expect(out).toContain('    error: 15 should be string, got number\n');
    expect(out).not.toContain('\x1b');
  });

  it('colours the diagnostics on a terminal unless told not to', async () => {
    const env = { TERM: 'xterm-256color' };
    const io = fakeIo({ isTTY: true, env });
    expect(await main(['demo'], io)).toBe(0);
    expect(io.stdout.text).toContain('\x1b[31;1mError: \x1b[0m');
    const io2 = fakeIo({ isTTY: true, env });
    expect(await main(['demo', '--no-color'], io2)).toBe(0);
    expect(io2.stdout.text).not.toContain('\x1b');
  });
});
