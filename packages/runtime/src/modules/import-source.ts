import type { BodySchema, Decoded } from '@ingot/syntax';
import type { Health } from '../component/health.js';
import type { Logger } from '../component/options.js';

/**
 * The text of an imported module: file name → content. A single file is one entry; a
 * directory (import.file) or a repository path (import.git) may give several, which form one
 * module, as upstream's folder imports do. Names are what diagnostics show.
 */
export type ModuleContent = ReadonlyMap<string, string>;

/** What a source is given when created. */
export interface ImportContext {
  /** The import node's data directory, `<--storage.path>/<global id>` (e.g. a git clone goes under it). */
  readonly dataPath: string;
  readonly logger: Logger;
  /** `module_path` where the import block is written. */
  readonly modulePath: string;
}

/**
 * One `import.<kind>` block's source, for its current arguments (spec §4.6, §4.7). The
 * import node creates it when its arguments change, fetches once during evaluation (a
 * failure then fails the evaluation), and runs `watch` while scheduled: each `onChange`
 * makes the node fetch again, and new content replaces the module's declares. A failed
 * later fetch keeps the last good content; the node turns unhealthy.
 */
export interface ImportSource {
  /** The current content. Rejects with a message worded for health and diagnostics. */
  fetch(signal?: AbortSignal): Promise<ModuleContent>;
  /**
   * `module_path` inside the imported content: the file's directory (import.file), the URL
   * without its last path element (import.http), the clone's directory (import.git), the
   * importer's (import.string).
   */
  readonly modulePath: string;
  /**
   * Watches or polls until `signal` aborts, calling `onChange` whenever the content may
   * have changed (spurious calls are fine: equal content is ignored). Settles after cleanup.
   */
  watch(signal: AbortSignal, onChange: () => void): Promise<void>;
  /** The source's own health (e.g. the last poll failed), merged into the node's (optional). */
  health?(): Health;
}

/** An import kind: its block name's last segment, its arguments, and how to make a source. */
export interface ImportSourceDefinition<A extends BodySchema = BodySchema> {
  /** `file` for `import.file`. */
  readonly kind: string;
  readonly arguments: A;
  create(args: Decoded<A>, context: ImportContext): ImportSource;
}

export type AnyImportSourceDefinition = ImportSourceDefinition<any>;
