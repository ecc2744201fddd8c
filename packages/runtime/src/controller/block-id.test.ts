import { describe, expect, it } from 'vitest';
import { blockId, globalId } from './block-id.js';

describe('blockId', () => {
  it('joins name fragments and label with dots', () => {
    expect(blockId({ name: ['pyroscope', 'scrape'], label: 'default' })).toBe('pyroscope.scrape.default');
    expect(blockId({ name: ['logging'], label: '' })).toBe('logging');
    expect(blockId({ name: ['local', 'file'], label: 'a.b' })).toBe('local.file.a.b');
  });
});

describe('globalId', () => {
  it('is the local ID at the root and is prefixed by the controller ID in a module', () => {
    expect(globalId('', 'local.file.a')).toBe('local.file.a');
    expect(globalId('math.add.example', 'prometheus.scrape.x')).toBe('math.add.example/prometheus.scrape.x');
  });
});
