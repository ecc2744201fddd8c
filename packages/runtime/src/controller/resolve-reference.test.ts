import { describe, expect, it } from 'vitest';
import { resolveReference } from './resolve-reference.js';

const nodes = new Set(['pyroscope.write.prod', 'http', 'local.file.a']);
const isNode = (id: string): boolean => nodes.has(id);
const isScopeName = (name: string): boolean => ['string', 'sys', 'module_path'].includes(name);
const resolve = (reference: string) => resolveReference({ names: reference.split('.') }, isNode, isScopeName);

describe('resolveReference', () => {
  it('finds the node and the path into its exports', () => {
    expect(resolve('pyroscope.write.prod.receiver')).toEqual({
      kind: 'node',
      id: 'pyroscope.write.prod',
      path: ['receiver'],
    });
    expect(resolve('local.file.a')).toEqual({ kind: 'node', id: 'local.file.a', path: [] });
  });

  it('takes the shortest matching prefix, so a service name captures its references', () => {
    expect(resolve('http.server.port')).toEqual({ kind: 'node', id: 'http', path: ['server', 'port'] });
  });

  it('leaves scope names alone, but only when no node matches', () => {
    expect(resolve('string.format')).toEqual({ kind: 'scope' });
    expect(resolve('module_path')).toEqual({ kind: 'scope' });
  });

  it('reports anything else with upstream text', () => {
    expect(resolve('pyroscope.write.staging.receiver')).toEqual({
      kind: 'missing',
      message: 'component "pyroscope.write.staging.receiver" does not exist or is out of scope',
    });
  });
});
