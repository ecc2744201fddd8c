/**
 * A deterministic corpus of Alloy expressions for the evaluator benchmark, each paired
 * with the same computation written as a plain JavaScript function, the baseline.
 *
 * The mix follows what configurations compute: integer and float arithmetic, comparisons
 * and logic, string functions (`string.format`, `string.join`, case and trimming), and
 * object access, on literals and on scope variables (`targets[3].labels.env`, as component
 * exports are read). Every value is small enough that JavaScript doubles compute exactly
 * what Alloy's int64 arithmetic does, so the baseline's results can be checked against the
 * evaluator's.
 */
import { mulberry32 } from '../test/support/mulberry32.js';

export const DEFAULT_SEED = 0x1d60;

/** Component-export-like variables the expressions read; the same data for the baseline. */
export interface Target {
  readonly address: string;
  readonly port: number;
  readonly labels: { readonly env: string; readonly service_name: string };
}

export interface Corpus {
  /** Alloy source of each expression. */
  readonly sources: readonly string[];
  /** The baseline for each expression: same inputs, same result. */
  readonly baselines: readonly Baseline[];
  /** How many expressions each kind contributed. */
  readonly kinds: ReadonlyMap<string, number>;
  /** The scope variable `targets`. */
  readonly targets: readonly Target[];
}

/** The computation in plain JavaScript; `targets` stands for the scope variable. */
export type Baseline = (targets: readonly Target[]) => unknown;

type Pick = <T>(items: readonly T[]) => T;

interface Generated {
  readonly source: string;
  readonly baseline: Baseline;
}

const WORDS = ['checkout', 'billing', 'frontend', 'ingest', 'profiles', 'cart', 'search', 'auth'];
const ENVS = ['prod', 'staging', 'dev'];
const TARGETS = 64;

/** Each kind draws its inputs and returns the Alloy text and the equivalent function. */
const KINDS: Readonly<Record<string, (int: (max: number) => number, pick: Pick) => Generated>> = {
  'int arithmetic': (int) => {
    const [a, b, c, d, e] = [int(1000), int(1000), int(50), int(1000), int(99) + 1];
    return { source: `(${a} + ${b}) * ${c} - ${d} % ${e}`, baseline: () => (a + b) * c - (d % e) };
  },
  'float arithmetic': (int) => {
    const [x, y, z] = [int(1000) + 0.5, int(100) + 0.25, int(50) + 1];
    return { source: `${x} * ${y} / ${z} + ${z} ^ 2`, baseline: () => (x * y) / z + z ** 2 };
  },
  'comparison and logic': (int) => {
    const [a, b, c] = [int(100), int(100), int(100)];
    return {
      source: `${a} < ${b} && ${b} != ${c} || !(${a} >= ${c})`,
      baseline: () => (a < b && b !== c) || !(a >= c),
    };
  },
  'string functions': (_int, pick) => {
    const [w, x, y] = [pick(WORDS), pick(WORDS), pick(WORDS)];
    return {
      source: `string.to_upper(string.trim_space("  ${w}  ")) + "-" + string.join(["${x}", "${y}"], ",")`,
      baseline: () => `  ${w}  `.trim().toUpperCase() + '-' + [x, y].join(','),
    };
  },
  'string.format': (int, pick) => {
    const [host, port] = [pick(WORDS), 1024 + int(60000)];
    return {
      source: `string.format("%s.svc:%d", "${host}", ${port})`,
      baseline: () => `${host}.svc:${port}`,
    };
  },
  'object literal access': (int, pick) => {
    const [name, port, env] = [pick(WORDS), int(65536), pick(ENVS)];
    return {
      source: `{ name = "${name}", port = ${port}, labels = { env = "${env}" } }.labels.env`,
      baseline: () => ({ name, port, labels: { env } }).labels.env,
    };
  },
  'scope access': (int) => {
    const [i, j] = [int(TARGETS), int(TARGETS)];
    return {
      source: `targets[${i}].labels["service_name"] + ":" + targets[${j}].labels.env`,
      baseline: (targets) => targets[i]!.labels['service_name'] + ':' + targets[j]!.labels.env,
    };
  },
  'scope arithmetic': (int) => {
    const [i, port] = [int(TARGETS), 8081 + int(3)];
    return { source: `targets[${i}].port + 1 == ${port}`, baseline: (targets) => targets[i]!.port + 1 === port };
  },
};

export function generateCorpus(count: number, seed = DEFAULT_SEED): Corpus {
  const random = mulberry32(seed);
  const int = (max: number): number => Math.floor(random() * max);
  const pick: Pick = (items) => items[int(items.length)]!;

  const targets: Target[] = Array.from({ length: TARGETS }, (_, i) => ({
    address: `10.0.${i >> 8}.${i & 255}:${8080 + (i % 3)}`,
    port: 8080 + (i % 3),
    labels: { env: pick(ENVS), service_name: pick(WORDS) },
  }));

  const names = Object.keys(KINDS);
  const kinds = new Map<string, number>();
  const sources: string[] = [];
  const baselines: Baseline[] = [];
  for (let i = 0; i < count; i++) {
    const name = names[i % names.length]!;
    const { source, baseline } = KINDS[name]!(int, pick);
    sources.push(source);
    baselines.push(baseline);
    kinds.set(name, (kinds.get(name) ?? 0) + 1);
  }
  return { sources, baselines, kinds, targets };
}
