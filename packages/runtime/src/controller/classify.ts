import type { Block, Diagnostic, File } from '@ingot/syntax';
import { blockId } from './block-id.js';

/** A top-level block with the file it came from, which its diagnostics name. */
export interface SourceBlock {
  readonly block: Block;
  readonly file: string;
}

/** The top-level statements of a configuration, sorted into the lists the loader builds from. */
export interface Classified {
  readonly declares: readonly SourceBlock[];
  readonly configBlocks: readonly SourceBlock[];
  /** Blocks whose ID is a registered service's name: that service's configuration. */
  readonly services: readonly SourceBlock[];
  readonly components: readonly SourceBlock[];
  /** One per top-level attribute, which a configuration may not have. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Block names that configure the runtime rather than instantiate a component (spec §1.2). */
export const CONFIG_BLOCK_NAMES: ReadonlySet<string> = new Set([
  'logging',
  'tracing',
  'argument',
  'export',
  'foreach',
  'import.file',
  'import.string',
  'import.http',
  'import.git',
]);

/**
 * Sorts the top-level statements of `files`, taken in the order given (the loader passes
 * them sorted by name), as upstream does (spec §1.2). `serviceNames` are the registered
 * services; pass none inside a module, where the loader refuses service blocks anyway.
 */
export function classify(files: readonly File[], serviceNames: ReadonlySet<string>): Classified {
  const declares: SourceBlock[] = [];
  const configBlocks: SourceBlock[] = [];
  const services: SourceBlock[] = [];
  const components: SourceBlock[] = [];
  const diagnostics: Diagnostic[] = [];

  for (const file of files) {
    for (const statement of file.body) {
      if (statement.kind === 'Attribute') {
        diagnostics.push({
          severity: 'error',
          message: `unrecognized attribute ${statement.name.name}`,
          file: file.name,
          start: statement.start,
          end: statement.end,
        });
        continue;
      }
      const entry = { block: statement, file: file.name };
      const name = statement.name.join('.');
      if (name === 'declare') declares.push(entry);
      else if (CONFIG_BLOCK_NAMES.has(name)) configBlocks.push(entry);
      else if (serviceNames.has(blockId(statement))) services.push(entry);
      else components.push(entry);
    }
  }
  return { declares, configBlocks, services, components, diagnostics };
}
