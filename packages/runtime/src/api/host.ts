import type { ComponentInfo } from './component-info.js';

/** The answer to a reload request: upstream's text either way (spec §2.3, §2.5). */
export type ReloadOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * A handler a component serves under `/api/v0/component/<global id>/` (spec §6.3). `path` is
 * what follows the ID: `''` for the ID itself, `/` for the ID and a trailing slash, `/x/y`…
 */
export type ComponentHandler = (
  request: import('node:http').IncomingMessage,
  response: import('node:http').ServerResponse,
  path: string,
) => void | Promise<void>;

/**
 * What the HTTP server needs of a running Ingot: everything it shows or triggers, and nothing
 * of how the runtime works. The CLI implements it over the root controller.
 */
export interface RuntimeHost {
  /** True once the first load succeeded. */
  ready(): boolean;
  /** Re-reads the config and applies it; serialized with every other reload. */
  reload(): Promise<ReloadOutcome>;
  /** Names of root-level components whose health is `unhealthy`, in evaluation order. */
  unhealthyComponents(): readonly string[];
  /**
   * The components of a controller (`''` = root; a custom component's global ID for its
   * module), health only, or `undefined` for an unknown module.
   */
  components(moduleId: string): readonly ComponentInfo[] | undefined;
  /** One component in detail (arguments, exports, debug info), or `undefined`. */
  component(moduleId: string, localId: string): ComponentInfo | undefined;
  /** Whether a component with this global ID exists, and its handler if it serves one. */
  componentHandler(globalId: string): { readonly exists: boolean; readonly handler?: ComponentHandler };
  /** The whole `/metrics` exposition: process, controller, config and every current component's metrics. */
  metrics(): Promise<string>;
  /** The cluster's peers for `/api/v0/web/peers`; a single node until clustering exists. */
  peers(): readonly { readonly name: string; readonly addr: string; readonly isSelf: boolean; readonly state: string }[];
}
