import type { ComponentHandler } from '../api/host.js';
import type { Health } from './health.js';

/**
 * A running component instance (spec §3.3). The runtime builds it with its first decoded
 * arguments, then calls `run` once it is scheduled and `update` whenever its arguments
 * change (never with arguments equal to the current ones).
 */
export interface Component<Args> {
  /**
   * Works until `signal` aborts, then cleans up and settles. Settling for any reason marks
   * the component exited; a rejection is logged. Exclusive resources (ports, locks) are
   * acquired here, not in the factory: during a reload the instance being replaced still
   * runs until the scheduler stops it.
   */
  run(signal: AbortSignal): Promise<void>;

  /**
   * Applies new arguments, possibly while `run` is in progress or before it starts. A
   * rejection means the arguments were refused and the previous ones stay in force.
   * Arguments are shared with the runtime and the UI: treat them as immutable.
   */
  update(args: Args): Promise<void>;

  /** The component's own view of its health, merged into the node's (optional). */
  currentHealth?(): Health;

  /** Extra state for the UI's detail page; must be safe to call at any time (optional). */
  debugInfo?(): unknown;

  /** Serves `/api/v0/component/<global id>/…` (spec §6.3); `path` is what follows the ID (optional). */
  handler?: ComponentHandler;
}
