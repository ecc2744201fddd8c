import { decodeBody, formatDiagnostic, type BodySchema, type Scope } from '@ingot/syntax';
import type { SourceBlock } from '../classify.js';
import type { ConfigBlockName } from '../node.js';
import { EVALUATED, failure, messageOf, type Evaluation } from './evaluation.js';

/** How the root applies a config block it understands, such as `logging`. */
export interface ConfigBlockHandler<T = any> {
  readonly schema: BodySchema;
  apply(decoded: T): void;
}

/** What a config node stands for; `argument`, `export` and `declare` are evaluated by the controller. */
export type ConfigNodeName = Exclude<ConfigBlockName, 'import'> | 'declare';

/**
 * A node for a config block (spec §1.3): `logging`, `tracing`, `declare`, and the module
 * blocks. A block without a handler is accepted and has no effect here: `tracing` (no
 * tracer yet), `declare` (a template holder). An error is always reported as
 * `Failed to evaluate node for config block: <err>`, a diagnostic rendered into the text.
 */
export class ConfigNode {
  readonly kind = 'config';
  readonly id: string;
  readonly name: ConfigNodeName;
  readonly #handler: ConfigBlockHandler | undefined;

  constructor(id: string, name: ConfigNodeName, handler: ConfigBlockHandler | undefined) {
    this.id = id;
    this.name = name;
    this.#handler = handler;
  }

  /** `source` is absent for the root's implicit `logging`/`tracing`, which take their defaults. */
  async evaluate(scope: Scope, source: SourceBlock | undefined): Promise<Evaluation> {
    if (this.name === 'foreach') {
      return failure(source, 'Failed to evaluate node for config block: ', `${this.id}: foreach is not supported yet`);
    }
    const handler = this.#handler;
    if (handler === undefined) return EVALUATED;
    const decoded = decodeBody(source?.block.body ?? [], handler.schema, scope, {
      filename: source?.file ?? '',
      ...(source === undefined ? {} : { enclosing: source.block }),
    });
    if (!decoded.ok) {
      return failure(source, 'Failed to evaluate node for config block: ', formatDiagnostic(decoded.diagnostics[0]!));
    }
    try {
      handler.apply(decoded.value);
    } catch (error) {
      return failure(source, 'Failed to evaluate node for config block: ', messageOf(error));
    }
    return EVALUATED;
  }
}
