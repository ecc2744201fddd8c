import type { BodySchema, Decoded, StabilityLevel } from '@ingot/syntax';

/**
 * A service (spec §1.3): a part of the process itself, such as the HTTP server, that has a
 * node in the root graph, may be configured by a same-named block (`http { … }`), and shares
 * data with components through `getServiceData`. It is built once per process; the root
 * graph's node for it is evaluated on every load and its task is scheduled like a component's.
 */
export interface ServiceDefinition<C extends BodySchema | undefined = BodySchema | undefined> {
  /** The node ID and the block name, e.g. `http`. */
  readonly name: string;
  /** The block's schema; `undefined` for a service that cannot be configured. */
  readonly config: C;
  readonly stability: StabilityLevel;
  /** Services this one needs running first; each becomes a graph edge. */
  readonly dependsOn: readonly string[];
  readonly service: Service<C extends BodySchema ? Decoded<C> : undefined>;
}

export interface Service<Config> {
  /** Runs until `signal` aborts (e.g. the HTTP server listens here, and closes on abort). */
  run(signal: AbortSignal): Promise<void>;
  /** Applies a changed configuration (never called with one equal to the current). */
  update(config: Config): Promise<void>;
  /** What `getServiceData(<name>)` returns to components. */
  data(): unknown;
}

export type AnyServiceDefinition = ServiceDefinition<any>;
