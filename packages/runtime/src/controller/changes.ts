import type { LiveNode } from './controller.js';
import { ComponentNode } from './live/component-node.js';
import { CustomComponentNode } from './live/custom-node.js';

/**
 * What a load changed among components (builtin and custom), by ID in evaluation order.
 * Ingot logs it after every reload, which Alloy does not: a one-line answer to "what did
 * my edit do?".
 */
export interface GraphChanges {
  readonly added: readonly string[];
  /** Kept components whose arguments changed, so they were updated. */
  readonly updated: readonly string[];
  readonly removed: readonly string[];
  readonly unchanged: number;
}

export function diffGraphs(
  previous: ReadonlyMap<string, LiveNode>,
  next: ReadonlyMap<string, LiveNode>,
  updated: ReadonlySet<string>,
): GraphChanges {
  const isComponent = (node: LiveNode | undefined): boolean => node instanceof ComponentNode || node instanceof CustomComponentNode;
  const added: string[] = [];
  const changed: string[] = [];
  let unchanged = 0;
  for (const [id, node] of next) {
    if (!isComponent(node)) continue;
    if (previous.get(id) !== node) added.push(id);
    else if (updated.has(id)) changed.push(id);
    else unchanged++;
  }
  const removed = [...previous].filter(([id, node]) => isComponent(node) && next.get(id) !== node).map(([id]) => id);
  return { added, updated: changed, removed, unchanged };
}

/** The log fields of a reload's summary: counts, then the IDs that changed. */
export function changesSummary(changes: GraphChanges): Readonly<Record<string, unknown>> {
  return {
    added: changes.added.length,
    updated: changes.updated.length,
    removed: changes.removed.length,
    unchanged: changes.unchanged,
    ...(changes.added.length > 0 ? { added_ids: changes.added.join(',') } : {}),
    ...(changes.updated.length > 0 ? { updated_ids: changes.updated.join(',') } : {}),
    ...(changes.removed.length > 0 ? { removed_ids: changes.removed.join(',') } : {}),
  };
}
