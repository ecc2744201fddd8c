/**
 * A real repository for tests to import from: a working repository (servable as it is by
 * `git daemon` and `git http-backend`) that tests commit, tag and branch in.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const IDENTITY = {
  GIT_AUTHOR_NAME: 'Ingot Test',
  GIT_AUTHOR_EMAIL: 'test@ingot.invalid',
  GIT_COMMITTER_NAME: 'Ingot Test',
  GIT_COMMITTER_EMAIL: 'test@ingot.invalid',
};

export class OriginRepository {
  private constructor(readonly directory: string) {}

  /** A repository at `directory` whose `main` holds `files`. */
  static async create(directory: string, files: Readonly<Record<string, string>>): Promise<OriginRepository> {
    await mkdir(directory, { recursive: true });
    const repository = new OriginRepository(directory);
    await repository.git('init', '--quiet', '--initial-branch=main');
    await repository.commit(files, 'initial');
    return repository;
  }

  /** Writes `files` (`null` deletes one) and commits them; resolves the new commit's hash. */
  async commit(files: Readonly<Record<string, string | null>>, message: string): Promise<string> {
    for (const [name, text] of Object.entries(files)) {
      const path = join(this.directory, name);
      if (text === null) {
        await rm(path, { force: true });
      } else {
        await mkdir(dirname(path), { recursive: true });
        await writeFile(path, text);
      }
    }
    await this.git('add', '--all');
    await this.git('commit', '--quiet', '--allow-empty', '--message', message);
    return this.head();
  }

  async head(): Promise<string> {
    return (await this.git('rev-parse', 'HEAD')).trim();
  }

  async tag(name: string): Promise<void> {
    await this.git('tag', '--annotate', '--message', name, name);
  }

  /** Creates `name` at the current commit (if new) and switches to it. */
  async switch(name: string, create = false): Promise<void> {
    await this.git('switch', '--quiet', ...(create ? ['--create'] : []), name);
  }

  async git(...args: string[]): Promise<string> {
    const { stdout } = await run('git', args, { cwd: this.directory, env: { ...process.env, ...IDENTITY } });
    return stdout;
  }
}
