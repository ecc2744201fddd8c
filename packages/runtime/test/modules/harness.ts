/**
 * A data-driven harness for module scenarios (declare / argument / export / import.*), in
 * the roles of upstream's txtar cases: a main config, module files written into a temp
 * directory (the root's `module_path`), files or the main config changed at run time, and
 * the exports or the error expected before and after.
 *
 * A case runs on a real `Controller` over the test components: it is loaded, run, and
 * waited on by bounded polling (`settled()` then a check) until what it expects holds.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { attr, block, parseFile, t, type Diagnostic, type Value } from '@ingot/syntax';
import { afterEach, expect, vi } from 'vitest';
import type { Health, HealthState } from '../../src/component/health.js';
import type { LogFields, Logger } from '../../src/component/options.js';
import { defineComponent, type AnyRegistration } from '../../src/component/registration.js';
import { DefaultRegistry } from '../../src/component/registry.js';
import { Controller, type LiveNode, type LoadOutcome } from '../../src/controller/controller.js';
import { builtinImportSources } from '../../src/modules/sources/index.js';
import { testComponents } from '../../src/testing/components.js';

/** A component below the `generally-available` level the harness runs at (upstream's `testcomponents.experimental`). */
const experimental = defineComponent({
  name: 'testcomponents.experimental',
  stability: 'experimental',
  arguments: block({ fields: { input: attr(t.string, { default: '' }) } }),
  exports: undefined,
  async build() {
    return { run: (signal: AbortSignal) => untilAborted(signal), async update() {} };
  },
});

/** A community component, refused without the flag (upstream's `testcomponents.community`). */
const community = defineComponent({
  name: 'testcomponents.community',
  community: true,
  arguments: block({ fields: { input: attr(t.string, { default: '' }) } }),
  exports: undefined,
  async build() {
    return { run: (signal: AbortSignal) => untilAborted(signal), async update() {} };
  },
});

const registrations: readonly AnyRegistration[] = [...testComponents, experimental, community];

/** A value as plain JavaScript: numbers as `number`, objects as records, capsules by type name. */
export type Plain = null | number | string | boolean | readonly Plain[] | { readonly [key: string]: Plain };

/** What must hold (eventually) after the load or the update of a case. */
export interface Expectation {
  /**
   * Node ID → a subset of its exports' fields, compared deeply. An inner node is named
   * `<module id>/<local id>`, e.g. `outer.x/inner.y/testcomponents.passthrough.pt`.
   */
  readonly exports?: Readonly<Record<string, Readonly<Record<string, Plain>>>>;
  /**
   * A diagnostic of the (last) load: a substring of one diagnostic's message, a RegExp one
   * matches, or `{ exact }` for a whole message.
   */
  readonly error?: string | RegExp | { readonly exact: string };
  /** The last load reported no diagnostics (default when `error` is absent and a load happened). */
  readonly noErrors?: boolean;
  /** Node ID → its health's state, and a substring of its message (or a RegExp it matches). */
  readonly health?: Readonly<Record<string, { readonly state: HealthState; readonly message?: string | RegExp }>>;
  /** The running modules' IDs (`controller.modules` keys), in any order. */
  readonly modules?: readonly string[];
}

/** Files by name relative to the case's directory; `null` removes one. */
export type Files = Readonly<Record<string, string | null>>;

export interface ModuleCase {
  /** The root config (`main.alloy`); `module_path` is the case's directory. */
  readonly main: string;
  /** Module files written into the case's directory before loading. */
  readonly files?: Readonly<Record<string, string>>;
  readonly expect: Expectation;
  /** Applied once `expect` holds: files rewritten, then the main config reloaded. */
  readonly update?: {
    readonly files?: Files;
    readonly main?: string;
    readonly expect: Expectation;
  };
}

export interface HarnessOptions {
  /** How long a case may take to reach what it expects; upstream waits 3 s. */
  readonly timeoutMs?: number;
  readonly communityComponents?: boolean;
}

/** One running case: the controller over the case's directory, and ways to poke at it. */
export class RunningCase {
  readonly dir: string;
  readonly controller: Controller;
  readonly logs: string[];
  /** Every load's outcome, the first load's first. */
  readonly outcomes: LoadOutcome[] = [];
  readonly #abort = new AbortController();
  readonly #run: Promise<void>;
  readonly #timeoutMs: number;

  constructor(dir: string, options: HarnessOptions) {
    this.dir = dir;
    this.logs = [];
    this.#timeoutMs = options.timeoutMs ?? 3000;
    this.controller = new Controller({
      registry: new DefaultRegistry(registrations),
      lookup: { minStability: 'generally-available', communityComponents: options.communityComponents ?? false },
      storagePath: join(dir, '.data'),
      logger: recordingLogger(this.logs),
      modulePath: dir,
      importSources: builtinImportSources,
      concurrency: 4,
    });
    this.#run = this.controller.run(this.#abort.signal);
  }

  /** The last load's outcome. */
  get outcome(): LoadOutcome {
    const outcome = this.outcomes.at(-1);
    if (outcome === undefined) throw new Error('nothing loaded yet');
    return outcome;
  }

  /** The last load's diagnostics' messages. */
  get errors(): readonly string[] {
    return this.outcome.diagnostics.map((d) => d.message);
  }

  /** Parses `source` as `main.alloy` and loads it. */
  async load(source: string): Promise<LoadOutcome> {
    const { file, diagnostics } = parseFile(source, { filename: 'main.alloy' });
    expect(diagnostics.map(formatDiagnostic), 'the main config parses').toEqual([]);
    const outcome = await this.controller.load([file]);
    this.outcomes.push(outcome);
    return outcome;
  }

  /** Writes (or removes, for `null`) files relative to the case's directory. */
  write(files: Files): void {
    for (const [name, content] of Object.entries(files)) {
      const path = join(this.dir, name);
      if (content === null) {
        unlinkSync(path);
      } else {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    }
  }

  /** The live node of `<module id>/<local id>`, or of a root ID. */
  node(id: string): LiveNode | undefined {
    const slash = id.lastIndexOf('/');
    if (slash < 0) return this.controller.node(id);
    return this.controller.modules.get(id.slice(0, slash))?.node(id.slice(slash + 1));
  }

  /** A node's exports as plain values, or undefined when it has none (yet). */
  exports(id: string): Plain | undefined {
    const node = this.node(id);
    if (node === undefined || !('exportsValue' in node)) return undefined;
    return plain(node.exportsValue);
  }

  health(id: string): Health | undefined {
    const node = this.node(id);
    return node !== undefined && 'health' in node ? node.health() : undefined;
  }

  /** What of `expected` does not hold now (empty: all of it holds). */
  mismatches(expected: Expectation): string[] {
    const problems: string[] = [];
    for (const [id, fields] of Object.entries(expected.exports ?? {})) {
      const actual = this.exports(id);
      if (actual === undefined || actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
        problems.push(`${id}: no exports (${this.node(id) === undefined ? 'no such node' : JSON.stringify(actual)})`);
        continue;
      }
      const record = actual as Readonly<Record<string, Plain>>;
      for (const [field, value] of Object.entries(fields)) {
        if (!plainEqual(record[field] ?? null, value)) {
          problems.push(`${id}.${field}: expected ${JSON.stringify(value)}, got ${JSON.stringify(record[field])}`);
        }
      }
    }
    if (expected.error !== undefined) {
      const wanted = expected.error;
      const found = this.errors.some((message) => matches(message, wanted));
      if (!found) problems.push(`no diagnostic matching ${describeError(wanted)} in ${JSON.stringify(this.errors)}`);
    } else if (expected.noErrors !== false && this.outcomes.length > 0 && this.errors.length > 0) {
      problems.push(`unexpected diagnostics ${JSON.stringify(this.errors)}`);
    }
    for (const [id, want] of Object.entries(expected.health ?? {})) {
      const health = this.health(id);
      if (health === undefined) problems.push(`${id}: no health (no such node)`);
      else if (health.state !== want.state || (want.message !== undefined && !matches(health.message, want.message))) {
        problems.push(`${id}: expected health ${want.state} ${describeError(want.message ?? '')}, got ${health.state} ${JSON.stringify(health.message)}`);
      }
    }
    if (expected.modules !== undefined) {
      const actual = [...this.controller.modules.keys()].sort();
      const wanted = [...expected.modules].sort();
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) problems.push(`modules: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(actual)}`);
    }
    return problems;
  }

  /** Polls (bounded) until `expected` holds; fails the test with what did not. */
  async waitFor(expected: Expectation, timeoutMs = this.#timeoutMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let problems: string[] = [];
    for (let attempt = 0; attempt < 10_000; attempt++) {
      await this.controller.settled();
      problems = this.mismatches(expected);
      if (problems.length === 0 || Date.now() >= deadline) break;
      await sleep(10);
    }
    expect(problems, `after ${timeoutMs} ms; last warnings and errors logged:\n${this.logs.slice(-20).join('\n')}`).toEqual([]);
  }

  /** Polls (bounded) until `predicate` holds; fails the test with `what`. */
  async until(what: string, predicate: () => boolean, timeoutMs = this.#timeoutMs): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let ok = false;
    for (let attempt = 0; attempt < 10_000 && !ok; attempt++) {
      await this.controller.settled();
      ok = predicate();
      if (!ok && Date.now() >= deadline) break;
      if (!ok) await sleep(10);
    }
    expect(ok, `${what} (within ${timeoutMs} ms)`).toBe(true);
  }

  /** Stops the controller and waits for everything to stop. */
  async stop(): Promise<void> {
    this.#abort.abort();
    await this.#run;
  }
}

/**
 * Registers the cleanup of every case a test starts (abort, await `run`, remove the temp
 * directory) and returns the functions that start them. Call once at a test file's top.
 */
export function useModuleHarness(options: HarnessOptions = {}): {
  start(files?: Readonly<Record<string, string>>, overrides?: HarnessOptions): RunningCase;
  runCase(testCase: ModuleCase, overrides?: HarnessOptions): Promise<RunningCase>;
} {
  // A case may wait `timeoutMs` twice (before and after its update), and stopping takes a little.
  vi.setConfig({ testTimeout: 4 * (options.timeoutMs ?? 3000) + 5000 });
  const started: RunningCase[] = [];
  afterEach(async () => {
    const cases = started.splice(0);
    for (const running of cases) {
      await running.stop();
      rmSync(running.dir, { recursive: true, force: true });
    }
  });

  const start = (files: Readonly<Record<string, string>> = {}, overrides: HarnessOptions = {}): RunningCase => {
    const dir = mkdtempSync(join(tmpdir(), 'ingot-modules-'));
    const running = new RunningCase(dir, { ...options, ...overrides });
    started.push(running);
    running.write(files);
    return running;
  };

  const runCase = async (testCase: ModuleCase, overrides: HarnessOptions = {}): Promise<RunningCase> => {
    const running = start(testCase.files, overrides);
    await running.load(testCase.main);
    await running.waitFor(testCase.expect);
    const { update } = testCase;
    if (update !== undefined) {
      if (update.files !== undefined) running.write(update.files);
      if (update.main !== undefined) await running.load(update.main);
      await running.waitFor(update.expect);
    }
    return running;
  };

  return { start, runCase };
}

/** `value` as plain JavaScript, for comparisons and messages. */
export function plain(value: Value): Plain {
  switch (value.type) {
    case 'null':
      return null;
    case 'number':
      return Number(value.value);
    case 'string':
    case 'bool':
      return value.value;
    case 'array':
      return value.elements.map(plain);
    case 'object':
      return Object.fromEntries([...value.fields].map(([key, field]) => [key, plain(field)]));
    case 'function':
      return '<function>';
    case 'capsule':
      return `<capsule ${value.capsule.typeName}>`;
  }
}

function plainEqual(a: Plain, b: Plain): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: Plain): Plain {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const record = value as Readonly<Record<string, Plain>>;
  return Object.fromEntries(Object.keys(record).sort().map((key) => [key, sortKeys(record[key]!)]));
}

/** Whether `text` contains `wanted`, matches it (RegExp), or is it (`exact`). */
function matches(text: string, wanted: string | RegExp | { readonly exact: string }): boolean {
  if (typeof wanted === 'string') return text.includes(wanted);
  if (wanted instanceof RegExp) return wanted.test(text);
  return text === wanted.exact;
}

function describeError(error: string | RegExp | { readonly exact: string }): string {
  if (typeof error === 'string') return JSON.stringify(error);
  if (error instanceof RegExp) return String(error);
  return `exactly ${JSON.stringify(error.exact)}`;
}

function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.start.line}:${d.start.column}: ${d.message}`;
}

function recordingLogger(lines: string[]): Logger {
  const log = (level: string) => (message: string, fields?: LogFields) => {
    if (lines.length < 5000) lines.push(`${level}: ${message} ${JSON.stringify(fields ?? {}, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}`);
  };
  const self: Logger = { debug: () => {}, info: () => {}, warn: log('warn'), error: log('error'), child: () => self };
  return self;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
