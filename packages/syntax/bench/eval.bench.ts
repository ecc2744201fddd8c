/**
 * Evaluator benchmark: how many expressions per second `evaluate` gets through, next to the
 * same computations written as plain JavaScript functions, in the same run.
 *
 *   npm run bench                                        (from the root, through turbo)
 *   node --import tsx bench/eval.bench.ts [--count 100000] [--seed N] [--tsx]   (from packages/syntax)
 *
 * The corpus (generate-expressions.ts) mixes arithmetic, comparisons, string functions
 * and object access on literals and on scope variables. Expressions are parsed once,
 * untimed; what is timed is evaluating every one of them against a scope holding
 * `targets`, an array of objects like a component's exports. The baseline calls each
 * expression's JavaScript twin on the same data. Every result is checked against its
 * twin before timing, so both sides provably do the same work. The code timed is `src/`
 * compiled as tsc emits it (see compile-sources.ts); medians of interleaved rounds.
 */
import type { Expression, Value } from '../src/index.js';
import { compileSources } from './compile-sources.js';
import { DEFAULT_SEED, generateCorpus, type Target } from './generate-expressions.js';
import { measure, stage, timing, type Timing } from './measure.js';
import { numberOption, viaTsx } from '@ingot/benchkit';

// ---------------------------------------------------------------------------------------
// Options

const count = numberOption('count', 100_000, true);
const seed = numberOption('seed', DEFAULT_SEED, true);

// ---------------------------------------------------------------------------------------
// Code under test

const compileStart = performance.now();
const srcUrl = viaTsx ? new URL('../src/', import.meta.url) : compileSources();
const compileMs = performance.now() - compileStart;
const load = async <T>(path: string): Promise<T> => (await import(new URL(path, srcUrl).href)) as T;
const { parseExpression } = await load<typeof import('../src/parser/parse.js')>('parser/parse.js');
const { evaluate, scopeOf, array, int, object, string } = await load<typeof import('../src/index.js')>('index.js');

// ---------------------------------------------------------------------------------------
// Inputs

const genStart = performance.now();
const corpus = generateCorpus(count, seed);
const genMs = performance.now() - genStart;

const parseStart = performance.now();
const expressions: Expression[] = corpus.sources.map((source, i) => {
  const { expression, diagnostics } = parseExpression(source);
  if (diagnostics.length > 0) throw new Error(`expression ${i} does not parse: ${diagnostics[0]!.message}\n${source}`);
  return expression;
});
const parseMs = performance.now() - parseStart;

/** The targets as the runtime would expose them: ordered host objects. */
function targetValue(target: Target): Value {
  const labels = object(new Map([['env', string(target.labels.env)], ['service_name', string(target.labels.service_name)]]), true);
  const fields = new Map<string, Value>([
    ['address', string(target.address)],
    ['port', int(BigInt(target.port))],
    ['labels', labels],
  ]);
  return object(fields, true);
}
const scope = scopeOf({ targets: array(corpus.targets.map(targetValue)) });

/** A scalar result as JavaScript sees it, to compare with the baseline's. */
function plain(value: Value): unknown {
  switch (value.type) {
    case 'number':
      return Number(value.value);
    case 'string':
    case 'bool':
      return value.value;
    default:
      return `<${value.type}>`;
  }
}

// Checked once, untimed: both sides must compute the same thing.
expressions.forEach((expression, i) => {
  const result = evaluate(expression, scope);
  if (!result.ok) throw new Error(`expression ${i} fails: ${result.diagnostic.message}\n${corpus.sources[i]}`);
  const expected = corpus.baselines[i]!(corpus.targets);
  if (plain(result.value) !== expected) {
    throw new Error(`expression ${i} gives ${String(plain(result.value))}, its baseline ${String(expected)}\n${corpus.sources[i]}`);
  }
});

console.log('Ingot evaluator benchmark');
console.log(`node ${process.version}, ${process.platform} ${process.arch}; seed ${seed}; corpus generated in ${genMs.toFixed(0)} ms`);
console.log(viaTsx
  ? 'code: src/ as loaded by tsx (esbuild keepNames: slower than the shipped build)'
  : `code: src/ compiled as tsc emits it, in ${compileMs.toFixed(0)} ms (--tsx to time the tsx-loaded sources)`);
console.log(`input: ${count} expressions, parsed (untimed) in ${parseMs.toFixed(0)} ms; kinds:`);
for (const [kind, n] of corpus.kinds) console.log(`  ${kind.padEnd(22)} ${n}`);
console.log('');

// ---------------------------------------------------------------------------------------
// Runs

/** Keeps results reachable so the engine cannot drop the work. */
let sink: unknown;
const evaluateStage = stage(() => {
  for (const expression of expressions) sink = evaluate(expression, scope);
});
/**
 * The baseline takes a few milliseconds per pass, short enough for timer and scheduling
 * noise to matter, so each timed run makes several passes and counts as their mean.
 */
const BASELINE_PASSES = 10;
const { baselines, targets } = corpus;
const baselineStage = stage(() => {
  for (let pass = 0; pass < BASELINE_PASSES; pass++) for (const baseline of baselines) sink = baseline(targets);
}, 3);
measure([baselineStage, evaluateStage], { budgetMs: 20_000 });
void sink;

// ---------------------------------------------------------------------------------------
// Report

const perPass = (t: Timing): Timing => ({ ...t, median: t.median / BASELINE_PASSES, min: t.min / BASELINE_PASSES });
const baselineTiming = perPass(timing(baselineStage));
const evaluateTiming = timing(evaluateStage);
const perSecond = (ms: number): number => count / (ms / 1000);
const ratio = evaluateTiming.median / baselineTiming.median;

const header = ['stage', 'median ms', 'min ms', 'runs', 'expressions/s', 'x baseline'];
const table = [
  ['plain JS functions (baseline)', baselineTiming, '1.0x'] as const,
  ['evaluate', evaluateTiming, `${ratio.toFixed(1)}x`] as const,
].map(([name, t, x]) => [name, t.median.toFixed(1), t.min.toFixed(1), String(t.runs), Math.round(perSecond(t.median)).toLocaleString('en-US'), x]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: readonly string[]): string =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
console.log('');
console.log(
  `evaluate: ${Math.round(perSecond(evaluateTiming.median)).toLocaleString('en-US')} expressions/s, ` +
    `${ratio.toFixed(1)}x the time of plain JS functions`,
);
