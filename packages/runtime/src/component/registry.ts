import type { StabilityLevel } from '@ingot/syntax';
import type { AnyRegistration } from './registration.js';
import { checkStability } from './stability.js';

/** What gates a lookup: the `--stability.level` and `--feature.community-components.enabled` flags. */
export interface LookupOptions {
  readonly minStability: StabilityLevel;
  readonly communityComponents: boolean;
}

/** A found component type, or upstream's text for why the name cannot be used. */
export type Lookup =
  | { readonly ok: true; readonly registration: AnyRegistration }
  | { readonly ok: false; readonly message: string };

/** The component types a controller can instantiate. */
export interface Registry {
  lookup(name: string, options: LookupOptions): Lookup;
  /** Every registered name, sorted. */
  names(): readonly string[];
}

const NAME_SEGMENT = /^[A-Za-z][0-9A-Za-z_]*$/;

/** Argument and export names the runtime keeps for itself (spec §3.1). */
const RESERVED_FIELDS: readonly string[] = ['for_each', 'enabled', 'health', 'debug'];

/**
 * A registry over an explicit list of registrations: no registration by import side
 * effect. The list is checked once, here; a bad one is a programming error and throws.
 */
export class DefaultRegistry implements Registry {
  readonly #byName = new Map<string, AnyRegistration>();

  constructor(registrations: readonly AnyRegistration[]) {
    for (const registration of registrations) {
      checkRegistration(registration);
      if (this.#byName.has(registration.name)) {
        throw new Error(`component ${JSON.stringify(registration.name)} registered twice`);
      }
      this.#byName.set(registration.name, registration);
    }
    checkNoPrefixes([...this.#byName.keys()]);
  }

  lookup(name: string, options: LookupOptions): Lookup {
    const registration = this.#byName.get(name);
    if (registration === undefined) {
      return { ok: false, message: `cannot find the definition of component name ${JSON.stringify(name)}` };
    }
    if (registration.community === true) {
      return options.communityComponents
        ? { ok: true, registration }
        : {
            ok: false,
            message:
              `the component ${JSON.stringify(name)} is a community component. ` +
              'Use the --feature.community-components.enabled command-line flag to enable community components',
          };
    }
    const refusal = checkStability(`component ${JSON.stringify(name)}`, registration.stability, options.minStability);
    return refusal === undefined ? { ok: true, registration } : { ok: false, message: refusal };
  }

  names(): readonly string[] {
    return [...this.#byName.keys()].sort();
  }
}

function checkRegistration(registration: AnyRegistration): void {
  const { name } = registration;
  if (!name.split('.').every((segment) => NAME_SEGMENT.test(segment))) {
    throw new Error(`invalid component name ${JSON.stringify(name)}`);
  }
  const argumentNames = fieldNames(registration.arguments);
  const exportNames = fieldNames(registration.exports);
  for (const field of [...argumentNames, ...exportNames]) {
    if (RESERVED_FIELDS.includes(field)) {
      throw new Error(`component ${JSON.stringify(name)} uses the reserved name ${JSON.stringify(field)}`);
    }
  }
  const shared = argumentNames.filter((field) => exportNames.includes(field));
  if (shared.length > 0) {
    throw new Error(`component ${JSON.stringify(name)} has arguments and exports both named ${shared.join(', ')}`);
  }
}

function fieldNames(schema: AnyRegistration['arguments'] | undefined): string[] {
  return schema?.kind === 'struct' ? Object.keys(schema.fields) : [];
}

/** `remote` and `remote.http` cannot both exist: a reference could not tell them apart. */
function checkNoPrefixes(names: readonly string[]): void {
  const registered = new Set(names);
  for (const name of names) {
    const segments = name.split('.');
    for (let length = 1; length < segments.length; length++) {
      const prefix = segments.slice(0, length).join('.');
      if (registered.has(prefix)) {
        throw new Error(`component name ${JSON.stringify(prefix)} is a prefix of ${JSON.stringify(name)}`);
      }
    }
  }
}
