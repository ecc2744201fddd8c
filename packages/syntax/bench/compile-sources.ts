/**
 * Compiles `src/` to plain JavaScript for the benchmark, the way `tsc` emits it.
 *
 * Why not time the sources as tsx loads them: tsx compiles with esbuild's `keepNames`,
 * which wraps every function expression in a `__name(fn, "name")` call, i.e. an
 * `Object.defineProperty` each time a closure is created. The parser creates closures on
 * every rule call, so under tsx `parseFile` runs about twice as slowly as the code that
 * ships (`dist/`, built by tsc). Type-only transpilation (no type check) keeps the
 * benchmark independent of the build and of work in progress elsewhere in `src/`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { transpileTree } from '@ingot/benchkit';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Transpiles `src/**\/*.ts` (tests excluded) and returns the file URL of the output `src/`. */
export function compileSources(): URL {
  const srcDir = join(packageDir, 'src');
  // Under node_modules so that `chevrotain` resolves as it does from the package itself.
  const outDir = join(packageDir, 'node_modules', '.cache', 'ingot-bench');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');

  transpileTree(srcDir, join(outDir, 'src'));
  return pathToFileURL(join(outDir, 'src') + '/');
}
