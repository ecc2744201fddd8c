import { object, type ObjectValue, type Scope, type Value } from '@ingot/syntax';

/** An inner level of the tree: one per ID segment, holding deeper levels and exports. */
interface Branch {
  readonly children: Map<string, Branch | Leaf>;
  /** The branch as an Alloy object, built on first read and dropped on every write below it. */
  view: ObjectValue | undefined;
}

interface Leaf {
  readonly value: Value;
}

/**
 * The variables expressions see (spec §1.11): every node's exports, nested by the segments
 * of its ID, so that `local.file.a.content` reads `local` → `file` → `a` → `content`; plus
 * fixed variables such as `module_path`.
 *
 * Upstream deep-copies the map structure on every evaluation. Here a reference such as
 * `local.file.a.content` is followed down the tree (`lookupPath`) to the exports it names,
 * which are immutable, without building anything: evaluating a thousand components costs a
 * thousand short walks, not a thousand copies of a thousand-entry branch. Only an
 * expression that uses a branch itself as a value (`local.file`) gets an object view of it,
 * an immutable snapshot cached until the next write below it.
 */
export class Variables {
  readonly #root: Branch = { children: new Map(), view: undefined };
  readonly #fixed: Map<string, Value>;
  /** The value last set for each ID, to skip writes that change nothing. */
  readonly #values = new Map<string, Value>();

  constructor(fixed: ReadonlyMap<string, Value> = new Map()) {
    this.#fixed = new Map(fixed);
  }

  /** Sets a fixed variable such as `module_path`. */
  setFixed(name: string, value: Value): void {
    this.#fixed.set(name, value);
  }

  /** The scope an evaluation reads: fixed variables first, then exports. */
  readonly scope: Scope = {
    lookup: (name) => {
      const fixed = this.#fixed.get(name);
      if (fixed !== undefined) return fixed;
      const entry = this.#root.children.get(name);
      return entry === undefined ? undefined : valueOf(entry);
    },
    lookupPath: (names) => {
      const [first] = names;
      if (first === undefined) return undefined;
      const fixed = this.#fixed.get(first);
      if (fixed !== undefined) return { value: fixed, consumed: 1 };
      let entry = this.#root.children.get(first);
      if (entry === undefined) return undefined;
      let consumed = 1;
      while (isBranch(entry) && consumed < names.length) {
        const next: Branch | Leaf | undefined = entry.children.get(names[consumed]!);
        if (next === undefined) break;
        entry = next;
        consumed++;
      }
      return { value: valueOf(entry), consumed };
    },
  };

  /**
   * Records `value` as the exports of node `id`. Fails with upstream's text when a prefix of
   * the ID already holds a value (which phase A's reference rules otherwise prevent).
   */
  set(id: string, value: Value): void {
    // Reloads write every node's exports again, mostly unchanged: that must cost nothing.
    if (this.#values.get(id) === value) return;
    const segments = id.split('.');
    const last = segments.pop()!;
    let branch = this.#root;
    const path: Branch[] = [branch];
    for (const segment of segments) {
      let next = branch.children.get(segment);
      if (next === undefined) {
        next = { children: new Map(), view: undefined };
        branch.children.set(segment, next);
      } else if (!isBranch(next)) {
        throw new Error(`expected a map but found a value for "${segment}" when trying to cache the export for ${id}`);
      }
      branch = next;
      path.push(branch);
    }
    branch.children.set(last, { value });
    this.#values.set(id, value);
    for (const level of path) level.view = undefined;
  }

  /** Forgets the exports of node `id`, pruning levels left empty. */
  delete(id: string): void {
    this.#values.delete(id);
    const segments = id.split('.');
    const path: Branch[] = [this.#root];
    for (const segment of segments.slice(0, -1)) {
      const next = path.at(-1)!.children.get(segment);
      if (next === undefined || !isBranch(next)) return;
      path.push(next);
    }
    path.at(-1)!.children.delete(segments.at(-1)!);
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const level = path[depth]!;
      level.view = undefined;
      if (depth > 0 && level.children.size === 0) path[depth - 1]!.children.delete(segments[depth - 1]!);
    }
  }
}

function isBranch(entry: Branch | Leaf): entry is Branch {
  return 'children' in entry;
}

function valueOf(entry: Branch | Leaf): Value {
  if (!isBranch(entry)) return entry.value;
  entry.view ??= object(new Map([...entry.children].map(([key, child]) => [key, valueOf(child)])));
  return entry.view;
}
