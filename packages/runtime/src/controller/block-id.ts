import type { Block } from '@ingot/syntax';

/**
 * A block's local ID (spec §1.4): its name fragments, then its label, joined by `.`:
 * `pyroscope.scrape "default"` is `pyroscope.scrape.default`, `logging` is `logging`.
 * The label is used as written, so a label with dots adds segments.
 */
export function blockId(block: Pick<Block, 'name' | 'label'>): string {
  const name = block.name.join('.');
  return block.label === '' ? name : `${name}.${block.label}`;
}

/**
 * The global ID of a node: the local ID under the owning controller's ID (`''` at the root),
 * e.g. `math.add.example/prometheus.scrape.x`. Component options, data paths and telemetry use it.
 */
export function globalId(controllerId: string, localId: string): string {
  return controllerId === '' ? localId : `${controllerId}/${localId}`;
}
