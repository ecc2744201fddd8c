/**
 * A clone of one repository at one revision, kept current by the system git (upstream
 * internal/vcs/git.go does this with go-git). The clone lives in `directory` and survives
 * restarts, so a pull that fails can fall back on the last checkout.
 */
import { stat, mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ModuleContent } from '../../import-source.js';
import type { GitArguments } from './arguments.js';
import { DownloadFailedError, InvalidRevisionError, UpdateFailedError } from './errors.js';
import { exclusive } from './exclusive.js';
import { GitCommandError, runGit, type GitCommandOptions } from './git-command.js';
import { prepareCredentials, type GitCredentials } from './git-credentials.js';
import { readModuleFiles } from './module-files.js';
import { redact } from './redaction.js';

/**
 * Marks which repository a clone is of. Git stores `remote.origin.url` rewritten (a
 * relative path becomes absolute), so it cannot tell whether `repository` changed.
 */
const REPOSITORY_KEY = 'ingot.repository';

export class GitRepository {
  readonly #directory: string;
  readonly #args: GitArguments;

  constructor(directory: string, args: GitArguments) {
    this.#directory = directory;
    this.#args = args;
  }

  /**
   * Clones the repository if the directory holds no clone of it (a clone of another
   * repository is removed first: upstream reuses it, and a tag of the old repository could
   * then shadow the new one's), else fetches; then checks out the revision. A branch moves
   * to its fetched head on each update; a tag or a commit stays where it is.
   *
   * Rejects with `DownloadFailedError` (no clone), `UpdateFailedError` (the clone and its
   * previous checkout are still there) or `InvalidRevisionError`; or with the abort reason.
   */
  update(signal?: AbortSignal): Promise<void> {
    return exclusive(this.#directory, async () => {
      const cloned = await this.#isClone(signal);
      const failed = (reason: string): Error =>
        cloned ? new UpdateFailedError(this.#shownRepository, reason) : new DownloadFailedError(this.#shownRepository, reason);

      let credentials: GitCredentials;
      try {
        credentials = await prepareCredentials(this.#args);
      } catch (error) {
        throw failed((error as Error).message);
      }
      const options = { ...credentials, signal, cwd: this.#directory };
      try {
        await (cloned ? this.#fetch(options) : this.#clone(options));
        await this.#checkout(options);
      } catch (error) {
        throw error instanceof GitCommandError ? failed(error.reason) : error;
      } finally {
        await credentials.dispose();
      }
    });
  }

  /** The module text at `path` in the current checkout. */
  read(path: string): Promise<ModuleContent> {
    return exclusive(this.#directory, () => readModuleFiles(this.#directory, path));
  }

  /** The repository as messages show it: without URL userinfo. */
  get #shownRepository(): string {
    return redact(this.#args.repository);
  }

  /**
   * Whether the directory is a clone of this repository. `GIT_CEILING_DIRECTORIES` keeps git
   * from answering for a repository above it (the storage path may sit inside one).
   */
  async #isClone(signal: AbortSignal | undefined): Promise<boolean> {
    const gitDir = await stat(`${this.#directory}/.git`).catch(() => undefined);
    if (gitDir?.isDirectory() === true) {
      try {
        const env = { GIT_CEILING_DIRECTORIES: dirname(this.#directory) };
        const stored = await runGit(['config', '--get', REPOSITORY_KEY], { cwd: this.#directory, env, signal });
        if (stored.replace(/\n$/, '') === this.#args.repository) return true;
      } catch (error) {
        if (!(error instanceof GitCommandError)) throw error;
      }
    }
    // Not a clone, a half-made one, or one of another repository: start afresh.
    await rm(this.#directory, { recursive: true, force: true });
    return false;
  }

  /** Without a checkout: the revision is checked out next, and the default branch may not even be wanted. */
  async #clone(options: GitCommandOptions): Promise<void> {
    await mkdir(dirname(this.#directory), { recursive: true });
    const { repository } = this.#args;
    await runGit(
      ['clone', '--no-checkout', '--quiet', '--config', `${REPOSITORY_KEY}=${repository}`, '--', repository, this.#directory],
      { ...options, cwd: undefined },
    );
  }

  /** Branches into `origin/*` and tags, moved ones included (upstream fetches with `Force`). */
  async #fetch(options: GitCommandOptions): Promise<void> {
    await runGit(['fetch', '--force', '--tags', '--quiet', 'origin'], options);
  }

  async #checkout(options: GitCommandOptions): Promise<void> {
    const commit = await this.#resolve(options);
    // `--force` discards any change made to the checkout, as upstream's forced checkout does.
    await runGit(['-c', 'advice.detachedHead=false', 'checkout', '--force', '--quiet', '--detach', commit, '--'], options);
  }

  /**
   * The commit the revision names, looked up in upstream's order: a tag, then a branch of
   * the remote, then anything git resolves (a commit hash, abbreviated or not).
   */
  async #resolve(options: GitCommandOptions): Promise<string> {
    const { revision } = this.#args;
    for (const candidate of [`refs/tags/${revision}`, `refs/remotes/origin/${revision}`, revision]) {
      try {
        const args = ['rev-parse', '--verify', '--quiet', '--end-of-options', `${candidate}^{commit}`];
        return (await runGit(args, options)).trim();
      } catch (error) {
        if (!(error instanceof GitCommandError)) throw error;
      }
    }
    throw new InvalidRevisionError(revision);
  }
}
