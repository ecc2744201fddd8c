/**
 * Syntax benchmark: how fast `parseFile` reads a large realistic configuration, next to
 * `JSON.parse` of a JSON document of the same structure and about the same size.
 *
 *   npm run bench                                     (from the root, through turbo)
 *   node --import tsx bench/parse.bench.ts [--mb 5] [--seed N] [--tsx]   (from packages/syntax)
 *
 * The code timed is `src/` compiled to JavaScript as tsc emits it (see compile-sources.ts);
 * `--tsx` times the sources as tsx loads them instead, which is much slower for the parser.
 *
 * Stages, timed after a warm-up in interleaved rounds; each figure is the median of its runs:
 *   JSON.parse   the baseline;
 *   scan         the scanner alone, every token read and dropped, as the parser reads them;
 *   parseFile    scanner + Chevrotain parser + AST building, i.e. what users call;
 *   format       the formatter on the parsed file.
 * Ratios compare time per byte with JSON.parse (JSON MB/s / stage MB/s), so a small size
 * difference between the two inputs does not skew them. The target is
 * parse ≤ 4x JSON.parse.
 */
import { compileSources } from './compile-sources.js';
import { DEFAULT_SEED, generateConfigPair } from './generate-config.js';
import { measure, stage, timing, type Timing } from './measure.js';
import { numberOption, viaTsx } from '@ingot/benchkit';

const TARGET_RATIO = 4;

// ---------------------------------------------------------------------------------------
// Options

const sizeMb = numberOption('mb', 5);
const seed = numberOption('seed', DEFAULT_SEED);

// ---------------------------------------------------------------------------------------
// Code under test

const compileStart = performance.now();
const srcUrl = viaTsx ? new URL('../src/', import.meta.url) : compileSources();
const compileMs = performance.now() - compileStart;
const { parseFile, format } = (await import(new URL('index.js', srcUrl).href)) as typeof import('../src/index.js');
const { Scanner } = (await import(new URL('lexer/scanner.js', srcUrl).href)) as typeof import('../src/lexer/scanner.js');

/** Reads every token and keeps none, as the parser's token stream does. */
function scanAll(text: string): number {
  const scanner = new Scanner(text);
  let count = 0;
  while (scanner.scan().tokenType.name !== 'EOF') count++;
  return count;
}


/** Keeps results reachable so the engine cannot drop the work. */
let sink: unknown;

// ---------------------------------------------------------------------------------------
// Inputs

const MB = 1024 * 1024;
const mb = (bytes: number): string => (bytes / MB).toFixed(2);

const genStart = performance.now();
const { alloy, json } = generateConfigPair({ targetBytes: sizeMb * MB, seed });
const genMs = performance.now() - genStart;

// Check the inputs once, untimed: a benchmark of a parse that fails would measure recovery.
const checked = parseFile(alloy.text, { filename: 'bench.alloy' });
if (checked.diagnostics.length > 0) {
  for (const d of checked.diagnostics.slice(0, 10)) console.error(`${d.file}:${d.start.line}:${d.start.column}: ${d.message}`);
  throw new Error(`the generated configuration has ${checked.diagnostics.length} diagnostics`);
}
if (checked.file.body.length !== alloy.blocks) {
  throw new Error(`expected ${alloy.blocks} top-level blocks, parsed ${checked.file.body.length}`);
}
const jsonValue: unknown = JSON.parse(json.text);
if (!Array.isArray(jsonValue) || jsonValue.length !== json.blocks) throw new Error('unexpected JSON document');
const tokenCount = scanAll(alloy.text);

console.log('Ingot syntax benchmark');
console.log(`node ${process.version}, ${process.platform} ${process.arch}; seed ${seed}; inputs generated in ${genMs.toFixed(0)} ms`);
console.log(viaTsx
  ? 'code: src/ as loaded by tsx (esbuild keepNames: slower than the shipped build)'
  : `code: src/ compiled as tsc emits it, in ${compileMs.toFixed(0)} ms (--tsx to time the tsx-loaded sources)`);
console.log(`input: Alloy ${mb(alloy.bytes)} MB (${alloy.bytes} bytes, ${alloy.blocks} top-level blocks, ${tokenCount} tokens)`);
console.log(`       JSON  ${mb(json.bytes)} MB (${json.bytes} bytes, same structure)`);
console.log('');

// ---------------------------------------------------------------------------------------
// Runs

const formattedBytes = Buffer.byteLength(format(checked.file));
const jsonStage = stage(() => (sink = JSON.parse(json.text)), 3);
const scanStage = stage(() => (sink = scanAll(alloy.text)));
const parseStage = stage(() => (sink = parseFile(alloy.text, { filename: 'bench.alloy' })));
const formatStage = stage(() => (sink = format(checked.file)));
measure([jsonStage, scanStage, parseStage, formatStage]);
const jsonTiming = timing(jsonStage);
const scanTiming = timing(scanStage);
const parseTiming = timing(parseStage);
const formatTiming = timing(formatStage);
void sink;

// ---------------------------------------------------------------------------------------
// Report

const mbPerSec = (bytes: number, ms: number): number => bytes / MB / (ms / 1000);
const jsonRate = mbPerSec(json.bytes, jsonTiming.median);
/** Time per byte relative to JSON.parse. */
const ratio = (ms: number): number => jsonRate / mbPerSec(alloy.bytes, ms);

interface Row {
  readonly stage: string;
  readonly timing?: Timing;
  readonly ms: number;
  readonly bytes: number;
  readonly note?: string;
}
const parserOnlyMs = Math.max(0, parseTiming.median - scanTiming.median);
const rows: Row[] = [
  { stage: 'JSON.parse (baseline)', timing: jsonTiming, ms: jsonTiming.median, bytes: json.bytes },
  { stage: 'scan (scanner only)', timing: scanTiming, ms: scanTiming.median, bytes: alloy.bytes },
  { stage: 'parseFile', timing: parseTiming, ms: parseTiming.median, bytes: alloy.bytes },
  { stage: '  parser and tree (parse - scan)', ms: parserOnlyMs, bytes: alloy.bytes, note: 'derived' },
  { stage: 'format', timing: formatTiming, ms: formatTiming.median, bytes: alloy.bytes, note: `${mb(formattedBytes)} MB out` },
];

const header = ['stage', 'median ms', 'min ms', 'runs', 'MB/s', 'x JSON.parse', 'note'];
const table = rows.map((r) => [
  r.stage,
  r.ms.toFixed(1),
  r.timing ? r.timing.min.toFixed(1) : '',
  r.timing ? String(r.timing.runs) : '',
  mbPerSec(r.bytes, r.ms).toFixed(1),
  r.stage.startsWith('JSON') ? '1.0x' : `${ratio(r.ms).toFixed(1)}x`,
  r.note ?? '',
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]): string =>
  cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table) console.log(line(row));
console.log('');

const parseRatio = ratio(parseTiming.median);
const scanShare = (100 * scanTiming.median) / parseTiming.median;
console.log(`parse: ${mbPerSec(alloy.bytes, parseTiming.median).toFixed(1)} MB/s, ${parseRatio.toFixed(1)}x JSON.parse`);
console.log(`  scanner only: ${ratio(scanTiming.median).toFixed(1)}x JSON.parse (${scanShare.toFixed(0)}% of parse time)`);
console.log(`  parser+tree:  ${ratio(parserOnlyMs).toFixed(1)}x JSON.parse (${(100 - scanShare).toFixed(0)}% of parse time)`);
console.log(`format: ${mbPerSec(alloy.bytes, formatTiming.median).toFixed(1)} MB/s, ${ratio(formatTiming.median).toFixed(1)}x JSON.parse`);
console.log(`target: parse ≤ ${TARGET_RATIO}x JSON.parse: ${parseRatio <= TARGET_RATIO ? 'PASS' : 'MISS'} (${parseRatio.toFixed(1)}x)`);
