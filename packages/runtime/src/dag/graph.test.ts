import { describe, expect, it } from 'vitest';
import { Graph } from './graph.js';

describe('Graph', () => {
  it('keeps nodes and their values in insertion order', () => {
    const graph = new Graph<number>();
    graph.addNode('b', 2);
    graph.addNode('a', 1);
    expect([...graph.entries()]).toEqual([
      ['b', 2],
      ['a', 1],
    ]);
    expect(graph.size).toBe(2);
    expect(graph.node('a')).toBe(1);
    expect(graph.node('c')).toBeUndefined();
    expect(graph.hasNode('b')).toBe(true);
  });

  it('records an edge in both directions and collapses duplicates', () => {
    const graph = new Graph<null>();
    for (const id of ['a', 'b', 'c']) graph.addNode(id, null);
    graph.addEdge('a', 'b');
    graph.addEdge('a', 'b');
    graph.addEdge('c', 'b');
    expect([...graph.dependencies('a')]).toEqual(['b']);
    expect([...graph.dependants('b')]).toEqual(['a', 'c']);
    expect(graph.hasEdge('a', 'b')).toBe(true);
    expect(graph.hasEdge('b', 'a')).toBe(false);
  });

  it('refuses a duplicate node and edges to unknown nodes, which are caller bugs', () => {
    const graph = new Graph<null>();
    graph.addNode('a', null);
    expect(() => graph.addNode('a', null)).toThrow('graph already has a node "a"');
    expect(() => graph.addEdge('a', 'x')).toThrow('graph has no node "x"');
    expect(() => graph.addEdge('x', 'a')).toThrow('graph has no node "x"');
    expect(graph.hasEdge('x', 'a')).toBe(false);
  });
});
