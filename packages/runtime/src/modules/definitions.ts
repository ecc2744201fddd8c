import { createHash } from 'node:crypto';
import { format, type Block } from '@ingot/syntax';

/**
 * A custom component's template (spec §4.1): a `declare` block's body, with the scope it was
 * declared in, since the declares and imports it can use are those visible *there*.
 */
export interface Template {
  readonly block: Block;
  /** The file it is written in, for diagnostics. */
  readonly file: string;
  /** The definitions visible where it was declared (its own nested ones are added per instance). */
  readonly scope: Definitions;
  /** `module_path` inside it: that of the module that declares it. */
  readonly modulePath: string;
}

/**
 * The custom components visible from one controller (upstream's custom component registry,
 * spec §4.4): its declares by label and its imported modules by namespace, then those of the
 * enclosing scopes. An imported module starts a scope of its own with no parent: it never
 * sees the importer's declares.
 */
export class Definitions {
  readonly #parent: Definitions | undefined;
  readonly #declares = new Map<string, Template>();
  readonly #imports = new Map<string, Definitions>();
  /** The digest of this scope's own declares and imports, until one changes. */
  #own: string | undefined;

  constructor(parent?: Definitions) {
    this.#parent = parent;
  }

  declare(name: string, template: Template): void {
    this.#declares.set(name, template);
    this.#own = undefined;
  }

  /** Publishes (or replaces) the module an import makes visible under `namespace`. */
  import(namespace: string, module: Definitions): void {
    this.#imports.set(namespace, module);
    this.#own = undefined;
  }

  /** Whether a block whose name starts with `segment` is a custom component here. */
  defines(segment: string): boolean {
    return this.#declares.has(segment) || this.#imports.has(segment) || (this.#parent?.defines(segment) ?? false);
  }

  /**
   * The template a block name instantiates: `name` for a declare, `namespace.name` for an
   * import's declare (only the imported module's top-level declares are visible).
   */
  find(name: readonly string[]): Template | undefined {
    const [first, ...rest] = name;
    if (first === undefined) return undefined;
    for (let scope: Definitions | undefined = this; scope !== undefined; scope = scope.#parent) {
      if (rest.length === 0) {
        const template = scope.#declares.get(first);
        if (template !== undefined) return template;
      }
      const module = scope.#imports.get(first);
      if (module !== undefined) return module.#declares.get(rest.join('.'));
    }
    return undefined;
  }

  /**
   * A digest of everything visible from here: each declare's text and where it comes from,
   * each imported module's digest, and the enclosing scopes'. Two equal digests mean an
   * instance would load exactly the same templates.
   */
  fingerprint(): string {
    if (this.#own === undefined) {
      const hash = createHash('sha1');
      for (const [name, template] of this.#declares) hash.update(`d:${name}:${templateDigest(template)}\0`);
      for (const [namespace, module] of this.#imports) hash.update(`i:${namespace}:${module.fingerprint()}\0`);
      this.#own = hash.digest('hex');
    }
    // Enclosing scopes and imported modules can change on their own: never cached here.
    return this.#parent === undefined ? this.#own : `${this.#own}/${this.#parent.fingerprint()}`;
  }

  /** The declare names of this scope itself, for the API and tests. */
  declareNames(): readonly string[] {
    return [...this.#declares.keys()];
  }
}

const texts = new WeakMap<Block, string>();
const digests = new WeakMap<Template, string>();

/**
 * A template's identity: a digest of where it is written, its module path and its formatted
 * body. Computed once per template (the instances of one declare share it).
 */
export function templateDigest(template: Template): string {
  let digest = digests.get(template);
  if (digest === undefined) {
    let text = texts.get(template.block);
    if (text === undefined) {
      text = format(template.block);
      texts.set(template.block, text);
    }
    digest = createHash('sha1').update(`${template.file}\0${template.modulePath}\0${text}`).digest('hex');
    digests.set(template, digest);
  }
  return digest;
}
