import type { Traversal } from '@ingot/syntax';

/** What a traversal in a node's body refers to. */
export type Resolution =
  /** A node of the graph, and the field path inside its exports. */
  | { readonly kind: 'node'; readonly id: string; readonly path: readonly string[] }
  /** A scope name (a stdlib namespace, `argument`, `module_path`…): no edge. */
  | { readonly kind: 'scope' }
  /** Nothing: upstream's `component "<traversal>" does not exist or is out of scope`. */
  | { readonly kind: 'missing'; readonly message: string };

/**
 * Resolves a traversal such as `pyroscope.write.prod.receiver` against the node IDs of the
 * graph being built (spec §1.6). Growing prefixes are tried, `pyroscope`, then
 * `pyroscope.write`, …; the shortest that names a node wins, and the rest is the path into
 * its exports. Only when no prefix matches is the first name looked up in the scope.
 */
export function resolveReference(
  traversal: Pick<Traversal, 'names'>,
  isNode: (id: string) => boolean,
  isScopeName: (name: string) => boolean,
): Resolution {
  const { names } = traversal;
  for (let length = 1; length <= names.length; length++) {
    const id = names.slice(0, length).join('.');
    if (isNode(id)) return { kind: 'node', id, path: names.slice(length) };
  }
  if (names[0] !== undefined && isScopeName(names[0])) return { kind: 'scope' };
  return { kind: 'missing', message: `component ${JSON.stringify(names.join('.'))} does not exist or is out of scope` };
}
