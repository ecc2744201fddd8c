/**
 * Remote module sources for the module scenarios: an HTTP server, Git repositories and the
 * servers that serve them (`git daemon`, `git http-backend`), all on 127.0.0.1, reusing the
 * sources' own test support. Everything started is stopped (and every directory removed)
 * after each test.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startGitDaemon, type GitDaemon } from '../../src/modules/sources/git/test-support/git-daemon.js';
import { startGitHttpServer, type GitHttpServer } from '../../src/modules/sources/git/test-support/git-http-server.js';
import { OriginRepository } from '../../src/modules/sources/git/test-support/origin-repository.js';
import { startServer, type TestServer } from '../../src/modules/sources/http/test-support/test-server.js';

export { freePort } from '../../src/modules/sources/http/test-support/test-server.js';
export type { OriginRepository, TestServer };

/** Whether a `git` binary is on the PATH (CI installs it; the Git cases skip without it). */
export const hasGit = spawnSync('git', ['--version']).status === 0;

export interface Remotes {
  /** A node:http server on 127.0.0.1 answering what the test sets. */
  httpServer(): Promise<TestServer>;
  /** A fresh temporary directory, removed after the test. */
  tempDir(prefix?: string): string;
  /** A repository whose `main` holds `files`, at `<base>/<name>` (servable by the servers below). */
  repository(base: string, name: string, files: Readonly<Record<string, string>>): Promise<OriginRepository>;
  /** `git daemon` serving every repository under `base` as `git://127.0.0.1:<port>/<name>`. */
  gitDaemon(base: string): Promise<GitDaemon>;
  /** `git http-backend` serving every repository under `base` as `http://127.0.0.1:<port>/<name>`. */
  gitHttp(base: string): Promise<GitHttpServer>;
}

/** Call once at a test file's top: registers the cleanup of what the returned functions start. */
export function useRemotes(): Remotes {
  const stops: (() => Promise<void>)[] = [];
  const dirs: string[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    async httpServer() {
      const server = await startServer();
      stops.push(() => server.stop());
      return server;
    },
    tempDir(prefix = 'ingot-remote-') {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    repository: (base, name, files) => OriginRepository.create(join(base, name), files),
    async gitDaemon(base) {
      const daemon = await startGitDaemon(base);
      stops.push(() => daemon.stop());
      return daemon;
    },
    async gitHttp(base) {
      const server = await startGitHttpServer(base);
      stops.push(() => server.stop());
      return server;
    },
  };
}

/** The lines of a file (e.g. what `testcomponents.lifecycle` or `testcomponents.sink` appended); none when it does not exist yet. */
export function linesOf(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
  } catch {
    return [];
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Alloy string literal text for `value`. */
export function str(value: string): string {
  return JSON.stringify(value);
}
