/**
 * Running the system `git`: no shell, no prompts, English messages, and nothing but
 * redacted text in a failure.
 */
import { execFile } from 'node:child_process';
import { redact } from './redaction.js';

export interface GitCommandOptions {
  /** The directory to run in (`git -C`). */
  readonly cwd?: string;
  /** Added to the inherited environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** `-c key=value` settings, passed through the environment (`GIT_CONFIG_*`). */
  readonly config?: readonly ConfigEntry[];
  /** Text to scrub from failures, besides URL userinfo. */
  readonly secrets?: readonly string[];
  readonly signal?: AbortSignal;
}

/** A git command that exited non-zero; `reason` is its cleaned-up, redacted stderr. */
export class GitCommandError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'GitCommandError';
  }
}

/**
 * Git must never wait for a terminal (there is none, and a prompt would hang the pull);
 * its messages, which reach health and logs, stay in English.
 */
const BASE_ENV: Readonly<Record<string, string>> = {
  GIT_TERMINAL_PROMPT: '0',
  LC_ALL: 'C',
};

/**
 * Inherited variables that would point git at another repository than the one asked for
 * (set when Ingot itself runs from a git hook, for instance).
 */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
];

/**
 * `ext::` URLs run arbitrary commands, and a repository address may come from imported
 * content (an `import.git` inside an `import.http` module): that transport is refused.
 */
const BASE_CONFIG: readonly ConfigEntry[] = [['protocol.ext.allow', 'never']];

export type ConfigEntry = readonly [key: string, value: string];

/** Runs `git <args>` and resolves its stdout; rejects with `GitCommandError`, or the abort reason. */
export function runGit(args: readonly string[], options: GitCommandOptions = {}): Promise<string> {
  const config = configEnv([...BASE_CONFIG, ...(options.config ?? [])]);
  const env: NodeJS.ProcessEnv = { ...process.env, ...BASE_ENV, ...config, ...options.env };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      { cwd: options.cwd, env, signal: options.signal, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
        } else if (options.signal?.aborted) {
          reject(options.signal.reason);
        } else {
          const reason = reword(cleanStderr(stderr) || error.message);
          reject(new GitCommandError(redact(reason, options.secrets)));
        }
      },
    );
  });
}

/**
 * Environment variables that pass `-c key=value` settings without putting them on the
 * command line, where `ps` would show them (git ≥ 2.31).
 */
function configEnv(entries: readonly ConfigEntry[]): Record<string, string> {
  const env: Record<string, string> = { GIT_CONFIG_COUNT: String(entries.length) };
  entries.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key;
    env[`GIT_CONFIG_VALUE_${i}`] = value;
  });
  return env;
}

/**
 * A 401 makes git ask for credentials, which it may not: it then says it could not read a
 * username, whether none or wrong ones were sent. go-git (upstream) says what happened.
 */
function reword(reason: string): string {
  return /could not read (Username|Password) for .*terminal prompts disabled/.test(reason)
    ? 'authentication required'
    : reason;
}

/** Git's stderr as one line: `fatal: ` and `error: ` prefixes dropped, lines joined by `; `. */
function cleanStderr(stderr: string): string {
  return stderr
    .split(/\r?\n/)
    .map((line) => line.replace(/^(fatal|error): /, '').trim())
    .filter((line) => line !== '')
    .join('; ');
}
