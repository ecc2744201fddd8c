/**
 * A large generated configuration (the benchmark's input, at twice its size) parses
 * cleanly. Correctness only: timings belong to `npm run bench`, not to tests.
 */
import { describe, expect, it } from 'vitest';
import { generateAlloyConfig, generateConfigPair, generateJsonDocument } from '../bench/generate-config.js';
import { parseFile } from '../src/index.js';

const MB = 1024 * 1024;

describe('large generated configuration', () => {
  it('parses a 10 MB file without diagnostics', () => {
    const config = generateAlloyConfig({ targetBytes: 10 * MB });
    expect(config.bytes).toBeGreaterThanOrEqual(10 * MB);
    expect(config.bytes).toBe(Buffer.byteLength(config.text));

    const { file, diagnostics } = parseFile(config.text, { filename: 'large.alloy' });
    expect(diagnostics).toEqual([]);
    expect(file.body).toHaveLength(config.blocks);
    expect(file.body.every((s) => s.kind === 'Block')).toBe(true);
    expect(file.comments.length).toBeGreaterThan(0);
  }, 120_000);

  it('is deterministic for a seed', () => {
    const a = generateAlloyConfig({ targetBytes: 64 * 1024, seed: 7 });
    expect(generateAlloyConfig({ targetBytes: 64 * 1024, seed: 7 }).text).toBe(a.text);
    expect(generateAlloyConfig({ targetBytes: 64 * 1024, seed: 8 }).text).not.toBe(a.text);
  });

  it('mirrors the configuration as JSON of about the same size', () => {
    const { alloy, json } = generateConfigPair({ targetBytes: MB, seed: 3 });
    expect(generateJsonDocument({ targetBytes: MB, seed: 3 }).text).toBe(json.text);
    const value: unknown = JSON.parse(json.text);
    expect(Array.isArray(value) && value.length).toBe(alloy.blocks);
    expect(json.bytes).toBe(Buffer.byteLength(json.text));
    expect(Math.abs(json.bytes - alloy.bytes) / alloy.bytes).toBeLessThan(0.15);
    expect(parseFile(alloy.text).diagnostics).toEqual([]);
  });
});
