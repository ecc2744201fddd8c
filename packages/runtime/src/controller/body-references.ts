import type { Body, Traversal } from '@ingot/syntax';
import { references } from '@ingot/syntax';

/**
 * Every traversal in a block body: the values of its attributes and, recursively, of its
 * nested blocks (spec §1.6), in source order. These are what a node depends on.
 */
export function bodyReferences(body: Body): Traversal[] {
  const found: Traversal[] = [];
  for (const statement of body) {
    if (statement.kind === 'Attribute') found.push(...references(statement.value));
    else found.push(...bodyReferences(statement.body));
  }
  return found;
}
