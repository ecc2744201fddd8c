/**
 * `import.git` (spec §4.7; upstream internal/runtime/internal/importsource/import_git.go):
 * a module read from a clone of a Git repository, pulled every `pull_frequency`.
 */
import { join } from 'node:path';
import type { Health } from '../../../component/health.js';
import type { Logger } from '../../../component/options.js';
import { sleep, untilAborted } from '../../../timers.js';
import type { ImportContext, ImportSource, ImportSourceDefinition, ModuleContent } from '../../import-source.js';
import { Arguments, type GitArguments } from './arguments.js';
import { UpdateFailedError } from './errors.js';
import { GitRepository } from './git-repository.js';

export const importGit: ImportSourceDefinition<typeof Arguments> = {
  kind: 'git',
  arguments: Arguments,
  create: (args, context) => new GitSource(args, context),
};

/**
 * Pulls happen in `fetch` and on each `watch` tick. A tick that pulled marks the checkout
 * fresh, so the `fetch` its `onChange` causes only reads: one pull per tick, as upstream.
 */
class GitSource implements ImportSource {
  /** The clone itself, as upstream's `ModulePath`, whatever directory `path` names. */
  readonly modulePath: string;
  readonly #args: GitArguments;
  readonly #logger: Logger;
  readonly #repository: GitRepository;
  #fresh = false;
  #health: Health = { state: 'unknown', message: 'repository not pulled yet', updateTime: new Date() };

  constructor(args: GitArguments, context: ImportContext) {
    this.#args = args;
    this.#logger = context.logger;
    this.modulePath = join(context.dataPath, 'repo');
    this.#repository = new GitRepository(this.modulePath, args);
  }

  /**
   * Pulls (unless a tick just did), then reads `path`. A failed fetch or checkout on an
   * existing clone still serves its last checkout, unhealthy, as upstream does: across a
   * restart too, since the clone is on disk. With no checkout to fall back on, rejects.
   */
  async fetch(signal?: AbortSignal): Promise<ModuleContent> {
    let stale: UpdateFailedError | undefined;
    if (this.#fresh) {
      this.#fresh = false;
    } else {
      try {
        await this.#repository.update(signal);
      } catch (error) {
        if (signal?.aborted === true) throw error;
        if (!(error instanceof UpdateFailedError)) throw this.#failed(error as Error);
        stale = error;
        this.#logger.error('failed to update repository', { err: error.message });
      }
    }

    let content: ModuleContent;
    try {
      content = await this.#repository.read(this.#args.path);
    } catch (error) {
      // The update's failure explains a missing checkout better than the missing file does.
      throw this.#failed(stale ?? (error as Error));
    }
    this.#health =
      stale === undefined
        ? { state: 'healthy', message: 'module updated', updateTime: new Date() }
        : { state: 'unhealthy', message: stale.message, updateTime: new Date() };
    return content;
  }

  /** Pulls every `pull_frequency`; `0s` (or less) pulls only once, in the first `fetch`. */
  async watch(signal: AbortSignal, onChange: () => void): Promise<void> {
    const frequency = this.#args.pull_frequency;
    if (frequency <= 0) {
      await untilAborted(signal);
      return;
    }
    while (await sleep(frequency, signal)) {
      this.#logger.info('updating repository');
      try {
        await this.#repository.update(signal);
      } catch (error) {
        if (signal.aborted) return;
        this.#failed(error as Error);
        this.#logger.error('failed to update repository', { pullFrequency: frequency, err: (error as Error).message });
        continue;
      }
      this.#fresh = true;
      this.#health = { state: 'healthy', message: 'module updated', updateTime: new Date() };
      onChange();
    }
  }

  health(): Health {
    return this.#health;
  }

  /** Records `error` as the health and returns it, for throwing. */
  #failed(error: Error): Error {
    this.#health = { state: 'unhealthy', message: error.message, updateTime: new Date() };
    return error;
  }
}
