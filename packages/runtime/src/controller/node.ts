import type { AnyRegistration } from '../component/registration.js';
import type { AnyServiceDefinition } from '../service/service.js';
import type { SourceBlock } from './classify.js';

/** The config blocks that become nodes (spec §1.3); every `import.*` is one kind. */
export type ConfigBlockName = 'logging' | 'tracing' | 'argument' | 'export' | 'foreach' | 'import';

/**
 * A vertex of a candidate graph, as phase A of loading plans it (spec §1.3): what the block
 * is, not yet anything live. Phase B evaluates these in dependency order; reusing a running
 * node of the previous graph is decided there, by ID.
 */
export type GraphNode =
  /** A block whose name a registered component type matched. */
  | { readonly kind: 'builtin'; readonly id: string; readonly source: SourceBlock; readonly registration: AnyRegistration }
  /**
   * A block instantiating a custom component. `definition` is the ID of the node that holds
   * its template: the `declare` node for a local declare, the `import.*` node for
   * `<ns>.<name>`; absent when an enclosing scope defines it.
   */
  | { readonly kind: 'custom'; readonly id: string; readonly source: SourceBlock; readonly definition?: string }
  /** A template holder: never evaluated, present so that recursive declares form a cycle. */
  | { readonly kind: 'declare'; readonly id: string; readonly source: SourceBlock }
  | { readonly kind: 'config'; readonly id: string; readonly name: ConfigBlockName; readonly source: SourceBlock }
  /** A service of the process; `source` is its block when the config configures it. */
  | {
      readonly kind: 'service';
      readonly id: string;
      readonly definition: AnyServiceDefinition;
      readonly source?: SourceBlock;
    }
  /** The root's `logging` or `tracing` when the config has no such block: evaluated with defaults. */
  | { readonly kind: 'default'; readonly id: 'logging' | 'tracing' };
