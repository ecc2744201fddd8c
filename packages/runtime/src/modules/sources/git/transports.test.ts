/**
 * `import.git` over the network transports, all on 127.0.0.1: `git://` from `git daemon`,
 * smart HTTP from `git http-backend`, with and without basic auth. SSH is not tested: there
 * is no sshd here.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freePort, startGitDaemon, type GitDaemon } from './test-support/git-daemon.js';
import { startGitHttpServer, type GitHttpServer } from './test-support/git-http-server.js';
import { createSource, entries, str } from './test-support/harness.js';
import { OriginRepository } from './test-support/origin-repository.js';

const MODULE = 'declare "remote" {}\n';
const PASSWORD = 'hunter2-Secret';

describe('import.git transports', { timeout: 20_000 }, () => {
  let root: string;
  let origin: OriginRepository;
  let dataPath: string;
  const stops: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ingot-import-git-net-'));
    origin = await OriginRepository.create(join(root, 'served', 'modules'), { 'module.alloy': MODULE });
    dataPath = join(root, 'data', 'import.git.test');
  });

  afterEach(async () => {
    for (const stop of stops.splice(0)) await stop();
    await rm(root, { recursive: true, force: true });
  });

  async function daemon(): Promise<GitDaemon> {
    const started = await startGitDaemon(join(root, 'served'));
    stops.push(started.stop);
    return started;
  }

  async function http(basicAuth?: { username: string; password: string }): Promise<GitHttpServer> {
    const started = await startGitHttpServer(join(root, 'served'), basicAuth === undefined ? {} : { basicAuth });
    stops.push(started.stop);
    return started;
  }

  it('clones and pulls over git://', async () => {
    const server = await daemon();
    const { source } = createSource(`repository = ${str(`${server.url}modules`)}\npath = "module.alloy"`, dataPath);
    expect(entries(await source.fetch())).toEqual({ 'module.alloy': MODULE });
    await origin.commit({ 'module.alloy': 'declare "v2" {}\n' }, 'second');
    expect((await source.fetch()).get('module.alloy')).toBe('declare "v2" {}\n');
  });

  it('clones and pulls over smart HTTP', async () => {
    const server = await http();
    const { source } = createSource(`repository = ${str(`${server.url}modules`)}\npath = "module.alloy"`, dataPath);
    expect(entries(await source.fetch())).toEqual({ 'module.alloy': MODULE });
    await origin.commit({ 'module.alloy': 'declare "v2" {}\n' }, 'second');
    expect((await source.fetch()).get('module.alloy')).toBe('declare "v2" {}\n');
  });

  it('reports a repository the daemon does not have', async () => {
    const server = await daemon();
    const { source } = createSource(`repository = ${str(`${server.url}nothing`)}\npath = "module.alloy"`, dataPath);
    await expect(source.fetch()).rejects.toThrow(`failed to download repository "${server.url}nothing": `);
  });

  it('runs ssh with the key, without prompting (no sshd here: only the refused connection is seen)', async () => {
    const port = await freePort();
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nnot-a-real-key\n-----END OPENSSH PRIVATE KEY-----';
    const { source } = createSource(
      `repository = "ssh://git@127.0.0.1:${port}/modules"\npath = "module.alloy"\n` +
        `ssh_key {\n username = "git"\n key = ${str(key)}\n}`,
      dataPath,
    );
    const error = await source.fetch().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      new RegExp(`^failed to download repository "ssh://127.0.0.1:${port}/modules": .*port ${port}: Connection refused`),
    );
    expect(error?.message).not.toContain('not-a-real-key');
  });

  describe('basic_auth', () => {
    it('sends the credentials on every request, and stores them nowhere', async () => {
      const server = await http({ username: 'alice', password: PASSWORD });
      const { source, logger } = createSource(
        `repository = ${str(`${server.url}modules`)}\npath = "module.alloy"\n` +
          `basic_auth {\n username = "alice"\n password = ${str(PASSWORD)}\n}`,
        dataPath,
      );
      expect(entries(await source.fetch())).toEqual({ 'module.alloy': MODULE });
      await source.fetch();
      // Preemptive, as go-git: no request went out without them.
      expect(server.authorizations.length).toBeGreaterThan(0);
      expect(new Set(server.authorizations)).toEqual(
        new Set([`Basic ${Buffer.from(`alice:${PASSWORD}`).toString('base64')}`]),
      );
      const config = await readFile(join(dataPath, 'repo', '.git', 'config'), 'utf8');
      expect(config).not.toContain(PASSWORD);
      expect(config).not.toContain(Buffer.from(`alice:${PASSWORD}`).toString('base64'));
      expect(JSON.stringify(logger.lines)).not.toContain(PASSWORD);
    });

    it('reads password_file on each pull', async () => {
      const server = await http({ username: 'alice', password: PASSWORD });
      const file = join(root, 'password');
      await writeFile(file, `${PASSWORD}\n`);
      const { source } = createSource(
        `repository = ${str(`${server.url}modules`)}\npath = "module.alloy"\n` +
          `basic_auth {\n username = "alice"\n password_file = ${str(file)}\n}`,
        dataPath,
      );
      expect(entries(await source.fetch())).toEqual({ 'module.alloy': MODULE });
      await writeFile(file, 'rotated-away\n');
      await source.fetch();
      expect(source.health?.()).toMatchObject({ state: 'unhealthy' });
      expect(source.health?.().message).toMatch(/^failed to update repository ".*": .*authentication required$/);
    });

    it('fails without credentials, or with wrong ones, and never shows them', async () => {
      const server = await http({ username: 'alice', password: PASSWORD });
      const wrong = 'wrong-Password-123';
      const withoutAuth = createSource(`repository = ${str(`${server.url}modules`)}\npath = "module.alloy"`, dataPath);
      await expect(withoutAuth.source.fetch()).rejects.toThrow(
        `failed to download repository "${server.url}modules": authentication required`,
      );

      const withWrong = createSource(
        `repository = ${str(`${server.url}modules`)}\npath = "module.alloy"\n` +
          `basic_auth {\n username = "alice"\n password = ${str(wrong)}\n}`,
        dataPath,
      );
      const error = await withWrong.source.fetch().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(/: authentication required$/);
      expect(error?.message).not.toContain(wrong);
      expect(withWrong.source.health?.().message).not.toContain(wrong);
      expect(JSON.stringify(withWrong.logger.lines)).not.toContain(wrong);
    });

    it('strips credentials written into the repository URL from messages', async () => {
      const server = await http({ username: 'alice', password: PASSWORD });
      const url = server.url.replace('http://', `http://alice:${'wrong-in-url'}@`);
      const { source } = createSource(`repository = ${str(`${url}modules`)}\npath = "module.alloy"`, dataPath);
      const error = await source.fetch().then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      expect(error?.message).toMatch(new RegExp(`^failed to download repository "${server.url}modules": `));
      expect(error?.message).not.toContain('wrong-in-url');
    });
  });
});
