/**
 * Compiles the runtime's `src/` and the syntax package's `src/` to plain JavaScript for the
 * benchmark, the way `tsc` emits them (as packages/syntax/bench/compile-sources.ts does, and
 * for the same reason: tsx compiles with esbuild's `keepNames`, which wraps every function
 * expression in a `__name` call and makes closure-heavy code, the parser first of all,
 * about twice as slow as what ships).
 *
 * The output sits under `node_modules/.cache/ingot-bench/`:
 *   src/                           the runtime;
 *   node_modules/@ingot/syntax/    the syntax package, with a package.json whose `exports`
 *                                  point at its compiled `src/`.
 * So the runtime's `import … from '@ingot/syntax'` finds the compiled syntax sources (not a
 * possibly stale `dist/`), and third-party imports (rxjs, chevrotain…) resolve further up,
 * from the workspace's `node_modules`, as they do from the packages themselves. Type-only
 * transpilation (no type check) keeps the benchmark independent of the build.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpileTree } from '@ingot/benchkit';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const syntaxDir = join(packageDir, '..', 'syntax');

export interface CompiledSources {
  /** The runtime's compiled `src/`, as a directory URL. */
  readonly runtime: URL;
  /** The syntax package's compiled `src/`: the module instance the runtime imports. */
  readonly syntax: URL;
}

export function compileSources(): CompiledSources {
  const outDir = join(packageDir, 'node_modules', '.cache', 'ingot-bench');
  rmSync(outDir, { recursive: true, force: true });

  const runtimeOut = join(outDir, 'src');
  const syntaxPackage = join(outDir, 'node_modules', '@ingot', 'syntax');
  mkdirSync(syntaxPackage, { recursive: true });
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(
    join(syntaxPackage, 'package.json'),
    '{ "name": "@ingot/syntax", "type": "module", "exports": { ".": "./src/index.js" } }\n',
  );
  transpileTree(join(packageDir, 'src'), runtimeOut);
  transpileTree(join(syntaxDir, 'src'), join(syntaxPackage, 'src'));
  return {
    runtime: pathToFileURL(runtimeOut + '/'),
    syntax: pathToFileURL(join(syntaxPackage, 'src') + '/'),
  };
}
