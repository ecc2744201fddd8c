/**
 * `ingot` as a real child process: the testkit's entry (`bin/ingot-with-test-components.ts`,
 * the builtin components plus `@ingot/runtime/testing`'s) run by Node through tsx, with the
 * `@ingot/source` condition so no package needs building first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { within, WaitTimeoutError } from './wait-for.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ENTRY = fileURLToPath(new URL('../bin/ingot-with-test-components.ts', import.meta.url));

/** How a process ended: its exit code, or the signal that killed it. */
export interface ProcessExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface SpawnIngotOptions {
  /** Added to (or, with `undefined`, removed from) the test's environment; `NO_COLOR=1` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A spawned `ingot`, its output captured as it comes. */
export interface IngotProcess {
  readonly process: ChildProcess;
  /** Everything written to standard output so far. */
  stdoutText(): string;
  /** Everything written to standard error so far. */
  stderrText(): string;
  /** The complete lines written to standard error so far (the log, and errors). */
  logLines(): readonly string[];
  /**
   * The first line of standard error, from line index `since` on, that contains `match`
   * (or matches it). Fails when `timeoutMs` passes first or the process exits without it.
   */
  waitForLog(match: string | RegExp, timeoutMs?: number, since?: number): Promise<string>;
  /** Sends `sig` to the process, if it is still running. */
  signal(sig: NodeJS.Signals): void;
  /** Settles when the process has exited. */
  readonly exit: Promise<ProcessExit>;
  /** `exit`, or a timeout error with the captured stderr. */
  waitForExit(timeoutMs?: number): Promise<ProcessExit>;
  /** Ends the process if it still runs: SIGTERM, then SIGKILL if it lingers. */
  stop(): Promise<ProcessExit>;
}

/** Starts `ingot <args>`; it runs until it exits or is stopped. */
export function spawnIngot(args: readonly string[], options: SpawnIngotOptions = {}): IngotProcess {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, NO_COLOR: '1', ...options.env })) {
    if (value !== undefined) env[key] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@ingot/source', ENTRY, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  let exited: ProcessExit | undefined;
  const exit = new Promise<ProcessExit>((resolve) => {
    // 'close' rather than 'exit': by then every byte of stdout and stderr has been read.
    child.once('close', (code, signal) => resolve((exited = { code, signal })));
    child.once('error', (error) => {
      stderr += `\n[testkit] failed to spawn: ${error.message}\n`;
      resolve((exited = { code: null, signal: null }));
    });
  });

  const context = () => `stderr of ingot ${args.join(' ')}:\n${stderr}`;
  const logLines = () => {
    const lines = stderr.split('\n');
    lines.pop(); // the incomplete last line, or '' after a final newline
    return lines;
  };

  const waitForExit = (timeoutMs = 10_000) => within(exit, timeoutMs, 'ingot to exit', context);

  return {
    process: child,
    stdoutText: () => stdout,
    stderrText: () => stderr,
    logLines,
    async waitForLog(match, timeoutMs = 10_000, since = 0) {
      const matches = (line: string) => (typeof match === 'string' ? line.includes(match) : match.test(line));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logLines().slice(since).find(matches);
        if (found !== undefined) return found;
        if (exited !== undefined) {
          throw new Error(`ingot exited (${describeExit(exited)}) without logging ${String(match)}\n${context()}`);
        }
        if (Date.now() >= deadline) throw new WaitTimeoutError(`a log line with ${String(match)}`, timeoutMs, context());
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    signal(sig) {
      if (exited === undefined) child.kill(sig);
    },
    exit,
    waitForExit,
    async stop() {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      try {
        return await within(exit, 5_000, 'ingot to stop after SIGTERM');
      } catch {
        child.kill('SIGKILL');
        return await waitForExit(5_000);
      }
    },
  };
}

/** What a finished `ingot` printed, and how it ended. */
export interface IngotResult extends ProcessExit {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ingot <args>` to its end (killed after `timeoutMs`, 20 s by default). */
export async function runIngot(args: readonly string[], options: SpawnIngotOptions & { readonly timeoutMs?: number } = {}): Promise<IngotResult> {
  const ingot = spawnIngot(args, options);
  try {
    const { code, signal } = await ingot.waitForExit(options.timeoutMs ?? 20_000);
    return { code, signal, stdout: ingot.stdoutText(), stderr: ingot.stderrText() };
  } finally {
    await ingot.stop();
  }
}

export function describeExit({ code, signal }: ProcessExit): string {
  return signal === null ? `exit code ${code}` : `signal ${signal}`;
}
