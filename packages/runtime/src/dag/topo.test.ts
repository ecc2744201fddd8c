import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Graph } from './graph.js';
import { topologicalOrder } from './topo.js';

function graphOf(ids: readonly string[], edges: readonly (readonly [string, string])[]): Graph<null> {
  const graph = new Graph<null>();
  for (const id of ids) graph.addNode(id, null);
  for (const [from, to] of edges) graph.addEdge(from, to);
  return graph;
}

describe('topologicalOrder', () => {
  it('puts dependencies first, ready nodes in insertion order', () => {
    // write ← scrape ← discovery; relabel is independent.
    const graph = graphOf(
      ['scrape', 'relabel', 'write', 'discovery'],
      [
        ['scrape', 'write'],
        ['scrape', 'discovery'],
      ],
    );
    expect(topologicalOrder(graph)).toEqual(['relabel', 'write', 'discovery', 'scrape']);
  });

  it('orders an empty graph', () => {
    expect(topologicalOrder(new Graph())).toEqual([]);
  });

  it('throws on a cycle, which the loader must have rejected', () => {
    const graph = graphOf(['a', 'b', 'c'], [
      ['a', 'b'],
      ['b', 'a'],
    ]);
    expect(() => topologicalOrder(graph)).toThrow('graph has a cycle through a, b');
  });

  it('walks a long chain without recursion', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `n${i}`);
    const graph = graphOf(ids, ids.slice(1).map((id, i) => [id, ids[i]!] as const));
    expect(topologicalOrder(graph)).toEqual(ids);
  });

  it('respects every edge of a random acyclic graph', () => {
    // Edges only from a higher to a lower index make the graph acyclic.
    const acyclic = fc.integer({ min: 1, max: 30 }).chain((size) =>
      fc.tuple(
        fc.constant(size),
        fc
          .array(fc.tuple(fc.nat(size - 1), fc.nat(size - 1)), { maxLength: 80 })
          .map((pairs) => pairs.filter(([a, b]) => a !== b).map(([a, b]) => [Math.max(a, b), Math.min(a, b)] as const)),
      ),
    );
    fc.assert(
      fc.property(acyclic, ([size, edges]) => {
        const ids = Array.from({ length: size }, (_, i) => `n${i}`);
        const graph = graphOf(ids, edges.map(([a, b]) => [`n${a}`, `n${b}`] as const));
        const order = topologicalOrder(graph);
        expect([...order].sort()).toEqual([...ids].sort());
        const position = new Map(order.map((id, i) => [id, i]));
        for (const [a, b] of edges) expect(position.get(`n${b}`)!).toBeLessThan(position.get(`n${a}`)!);
      }),
    );
  });
});
