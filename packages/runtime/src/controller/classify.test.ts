import { parseFile } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { classify, type SourceBlock } from './classify.js';

const ids = (blocks: readonly SourceBlock[]): string[] =>
  blocks.map(({ block, file }) => `${file}:${[...block.name, block.label].filter((s) => s !== '').join('.')}`);

describe('classify', () => {
  it('sorts blocks into declares, config blocks, services and components, file by file', () => {
    const a = parseFile(
      [
        'logging { level = "debug" }',
        'declare "add" { }',
        'http { }',
        'local.file "a" { filename = "x" }',
        'import.file "lib" { filename = "lib.alloy" }',
      ].join('\n'),
      { filename: 'a.alloy' },
    ).file;
    const b = parseFile('pyroscope.write "w" { }\nhttp "x" { }\nforeach "f" { }', { filename: 'b.alloy' }).file;
    const result = classify([a, b], new Set(['http', 'remotecfg']));
    expect(ids(result.declares)).toEqual(['a.alloy:declare.add']);
    expect(ids(result.configBlocks)).toEqual(['a.alloy:logging', 'a.alloy:import.file.lib', 'b.alloy:foreach.f']);
    expect(ids(result.services)).toEqual(['a.alloy:http']);
    // A service is matched by the block's whole ID, so `http "x"` is a component block.
    expect(ids(result.components)).toEqual(['a.alloy:local.file.a', 'b.alloy:pyroscope.write.w', 'b.alloy:http.x']);
    expect(result.diagnostics).toEqual([]);
  });

  it('refuses top-level attributes with upstream text, positioned on the attribute', () => {
    const file = parseFile('local.file "a" { filename = "x" }\nlevel = "debug"\n', { filename: 'c.alloy' }).file;
    const { diagnostics, components } = classify([file], new Set());
    expect(components).toHaveLength(1);
    expect(diagnostics).toEqual([
      {
        severity: 'error',
        message: 'unrecognized attribute level',
        file: 'c.alloy',
        start: { offset: 34, line: 2, column: 1 },
        end: expect.objectContaining({ line: 2, column: 15 }),
      },
    ]);
  });
});
