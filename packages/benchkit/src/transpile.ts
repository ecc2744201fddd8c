import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  sourceMap: false,
};

/**
 * Transpiles every `.ts` file under `from` (tests and declarations excluded) into `to`, as
 * `tsc` emits it but without type checking. Benchmarks time that output rather than the
 * sources as tsx loads them: tsx compiles with esbuild's `keepNames`, which wraps every
 * function expression in a `__name` call and makes closure-heavy code (the parser first of
 * all) about twice as slow as what ships.
 */
export function transpileTree(from: string, to: string): void {
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(path);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts')) {
        const out = join(to, relative(from, path)).replace(/\.ts$/, '.js');
        const { outputText } = ts.transpileModule(readFileSync(path, 'utf8'), { compilerOptions, fileName: path });
        mkdirSync(dirname(out), { recursive: true });
        writeFileSync(out, outputText);
      }
    }
  };
  walk(from);
}
