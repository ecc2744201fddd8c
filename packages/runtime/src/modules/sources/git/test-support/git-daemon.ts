/**
 * `git daemon` on 127.0.0.1, serving every repository under a directory as `git://`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

export interface GitDaemon {
  /** `git://127.0.0.1:<port>/`: append a repository's path under the base directory. */
  readonly url: string;
  stop(): Promise<void>;
}

export async function startGitDaemon(basePath: string): Promise<GitDaemon> {
  const port = await freePort();
  const child = spawn(
    'git',
    [
      'daemon',
      '--reuseaddr',
      '--export-all',
      '--informative-errors',
      `--base-path=${basePath}`,
      `--port=${port}`,
      '--listen=127.0.0.1',
      basePath,
    ],
    { stdio: 'ignore' },
  );
  const daemon = { url: `git://127.0.0.1:${port}/`, stop: () => stopChild(child) };
  try {
    await waitUntilListening(port, child);
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return daemon;
}

/** A port nothing listens on right now (the kernel's pick, released again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Tries to connect every 50 ms, for at most 5 s. */
async function waitUntilListening(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`git daemon exited with ${child.exitCode}`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`git daemon did not listen on ${port} within 5s`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
