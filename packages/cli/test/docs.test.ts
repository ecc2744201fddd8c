/**
 * The examples of docs/modules.md and docs/runtime.md run: each ```alloy block is loaded as a
 * whole config by a real controller with Ingot's components and import sources, from a
 * directory that also holds `modules/` (for the `import.file` example), and must load without
 * a diagnostic. (packages/syntax/test/docs.test.ts already checks that every example parses.)
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinImportSources, Controller, DefaultRegistry, type Logger } from '@ingot/runtime';
import { parseFile } from '@ingot/syntax';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinComponents } from '../src/components.js';

const DOCS = new URL('../../../docs/', import.meta.url);
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

const dir = mkdtempSync(join(tmpdir(), 'ingot-docs-'));
mkdirSync(join(dir, 'modules'));
writeFileSync(join(dir, 'modules', 'lib.alloy'), 'declare "noop" {\n  export "ok" {\n    value = true\n  }\n}\n');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function examples(name: string): string[] {
  const text = readFileSync(new URL(name, DOCS), 'utf8');
  return [...text.matchAll(/^```alloy\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);
}

for (const page of ['modules.md', 'runtime.md']) {
  describe(`docs/${page}`, () => {
    const blocks = examples(page);
    it('has examples', () => expect(blocks.length).toBeGreaterThan(0));

    blocks.forEach((source, index) => {
      it(`example ${index + 1} loads`, async () => {
        const { file, diagnostics } = parseFile(source, { filename: `${page}#${index + 1}` });
        expect(diagnostics).toEqual([]);
        const controller = new Controller({
          registry: new DefaultRegistry(builtinComponents),
          lookup: { minStability: 'generally-available', communityComponents: false },
          storagePath: join(dir, 'data'),
          logger: quiet,
          modulePath: dir,
          importSources: builtinImportSources,
        });
        const outcome = await controller.load([file]);
        expect(outcome.diagnostics.map((d) => `${d.start.line}:${d.start.column}: ${d.message}`)).toEqual([]);
        expect(outcome.status).toBe('applied');
      });
    });
  });
}

describe('docs/modules.md, the values', () => {
  it('computes what the page says', async () => {
    const [first] = examples('modules.md');
    const controller = new Controller({
      registry: new DefaultRegistry(builtinComponents),
      lookup: { minStability: 'generally-available', communityComponents: false },
      storagePath: join(dir, 'data'),
      logger: quiet,
    });
    await controller.load([parseFile(first!, { filename: 'modules.md' }).file]);
    const team = controller.node('greeting.team');
    expect(team !== undefined && 'exportsValue' in team ? team.exportsValue : undefined).toEqual({
      type: 'object',
      fields: new Map([['text', { type: 'string', value: 'Hello, teamHello, world!' }]]),
      ordered: false,
    });
  });
});
