/**
 * A directed graph of string-identified nodes, each carrying a value. An edge `from → to`
 * reads "`from` depends on `to`". The graph knows nothing about Alloy: the controller puts
 * its nodes in it, `topo.ts` orders them and `cycles.ts` finds the loops.
 *
 * Nodes and edges iterate in insertion order, so every walk over the same graph is
 * deterministic (upstream iterates Go maps, whose order is random).
 */
export class Graph<T> {
  readonly #values = new Map<string, T>();
  readonly #dependencies = new Map<string, Set<string>>();
  readonly #dependants = new Map<string, Set<string>>();

  /** The number of nodes. */
  get size(): number {
    return this.#values.size;
  }

  /** Adds a node. Adding an ID twice is a bug in the caller, which checks for duplicates itself. */
  addNode(id: string, value: T): void {
    if (this.#values.has(id)) throw new Error(`graph already has a node ${JSON.stringify(id)}`);
    this.#values.set(id, value);
    this.#dependencies.set(id, new Set());
    this.#dependants.set(id, new Set());
  }

  hasNode(id: string): boolean {
    return this.#values.has(id);
  }

  /** The value of a node, or `undefined` when there is no such node. */
  node(id: string): T | undefined {
    return this.#values.get(id);
  }

  /** Every node ID, in insertion order. */
  ids(): IterableIterator<string> {
    return this.#values.keys();
  }

  /** Every `[id, value]` pair, in insertion order. */
  entries(): IterableIterator<[string, T]> {
    return this.#values.entries();
  }

  /** Adds the edge `from → to` ("from depends on to"). Adding an existing edge again changes nothing. */
  addEdge(from: string, to: string): void {
    this.#edgesOf(this.#dependencies, from).add(to);
    this.#edgesOf(this.#dependants, to).add(from);
  }

  hasEdge(from: string, to: string): boolean {
    return this.#dependencies.get(from)?.has(to) ?? false;
  }

  /** The nodes `id` has an edge to: what it depends on. */
  dependencies(id: string): ReadonlySet<string> {
    return this.#edgesOf(this.#dependencies, id);
  }

  /** The nodes with an edge to `id`: what depends on it. */
  dependants(id: string): ReadonlySet<string> {
    return this.#edgesOf(this.#dependants, id);
  }

  #edgesOf(edges: Map<string, Set<string>>, id: string): Set<string> {
    const set = edges.get(id);
    if (set === undefined) throw new Error(`graph has no node ${JSON.stringify(id)}`);
    return set;
  }
}
