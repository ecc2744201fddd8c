import { NO_POSITION } from '@ingot/syntax';
import { describe, expect, it } from 'vitest';
import { Graph } from '../dag/graph.js';
import { cycleDiagnostics } from './cycle-diagnostics.js';

describe('cycleDiagnostics', () => {
  it('reports each cycle and self reference without a position', () => {
    const graph = new Graph<null>();
    for (const id of ['local.file.a', 'local.file.b', 'local.file.c', 'local.file.d']) graph.addNode(id, null);
    graph.addEdge('local.file.a', 'local.file.b');
    graph.addEdge('local.file.b', 'local.file.a');
    graph.addEdge('local.file.c', 'local.file.c');
    graph.addEdge('local.file.d', 'local.file.a');
    expect(cycleDiagnostics(graph)).toEqual([
      { severity: 'error', message: 'cycle: local.file.b, local.file.a', file: '', start: NO_POSITION },
      { severity: 'error', message: 'self reference: local.file.c', file: '', start: NO_POSITION },
    ]);
  });

  it('reports nothing for an acyclic graph', () => {
    const graph = new Graph<null>();
    graph.addNode('a', null);
    graph.addNode('b', null);
    graph.addEdge('a', 'b');
    expect(cycleDiagnostics(graph)).toEqual([]);
  });
});
