/**
 * `bench.source`: a component with no arguments whose `output` export the benchmark sets
 * directly, so that export changes can be driven without reloading the config, as a real
 * component (a file watcher, a discovery) would publish them.
 *
 * It is built from the runtime and syntax modules the benchmark loaded (see
 * compile-sources.ts), not imported from them, so its schemas come from the same module
 * instances as the controller that decodes them.
 */
import type { AnyRegistration } from '../src/index.js';

type RuntimeModule = Pick<typeof import('../src/index.js'), 'defineComponent'>;
type SyntaxModule = Pick<typeof import('@ingot/syntax'), 'attr' | 'block' | 't'>;

export interface BenchSource {
  readonly registration: AnyRegistration;
  /** Publishes `output` as the built instance's new exports; throws before the first build. */
  publish(output: string): void;
}

export function benchSource(runtime: RuntimeModule, syntax: SyntaxModule, initial: string): BenchSource {
  const { attr, block, t } = syntax;
  let onExports: ((exports: { readonly output: string }) => void) | undefined;
  const registration = runtime.defineComponent({
    name: 'bench.source',
    stability: 'generally-available',
    arguments: block({ fields: {} }),
    exports: block({ fields: { output: attr(t.string) } }),
    async build(options) {
      onExports = options.onExports;
      options.onExports({ output: initial });
      return {
        run: (signal) => new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true })),
        async update() {},
      };
    },
  });
  return {
    registration,
    publish(output) {
      if (onExports === undefined) throw new Error('bench.source is not built yet');
      onExports({ output });
    },
  };
}
