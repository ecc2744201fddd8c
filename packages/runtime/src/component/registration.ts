import type { BodySchema, Decoded, StabilityLevel } from '@ingot/syntax';
import type { Component } from './component.js';
import type { ComponentOptions } from './options.js';

/** The exports a component publishes: nothing at all when it registered no exports schema. */
export type ExportsOf<E extends BodySchema | undefined> = E extends BodySchema ? Decoded<E> : never;

/**
 * A component type (spec §3.1): its name, its stability, the schemas of its arguments and
 * exports, and the factory that builds an instance from its first decoded arguments. A
 * factory that rejects fails the evaluation with `building component: <message>`; the
 * runtime retries on the next evaluation.
 *
 * A community component has no stability level (it is gated by a flag instead); every
 * other component must have one. The union makes the two exclusive.
 */
export type Registration<A extends BodySchema = BodySchema, E extends BodySchema | undefined = BodySchema | undefined> = {
  /** Dot-separated identifiers, e.g. `pyroscope.write`. */
  readonly name: string;
  readonly arguments: A;
  /** `undefined` for a component that never exports anything. */
  readonly exports: E;
  /**
   * Export fields through which data flows *into* this component, such as a `receiver`:
   * a reference to one makes a data-flow edge from the referencing component to this one,
   * for the UI's pipeline graph (spec §1.6). Other references flow the other way.
   */
  readonly receivers?: readonly string[];
  // Method syntax on purpose: its parameters are checked bivariantly, so a registration of a
  // specific component type is still an `AnyRegistration` the registry can hold.
  build(options: ComponentOptions<ExportsOf<E>>, args: Decoded<A>): Promise<Component<Decoded<A>>>;
} & (
  | { readonly stability: StabilityLevel; readonly community?: never }
  | { readonly community: true; readonly stability?: never }
);

/** A registration of any component type, as the registry holds them. */
export type AnyRegistration = Registration<any, any>;

/** Declares a component type with its argument and export types inferred from the schemas. */
export function defineComponent<A extends BodySchema, E extends BodySchema | undefined = undefined>(
  registration: Registration<A, E>,
): Registration<A, E> {
  return registration;
}
