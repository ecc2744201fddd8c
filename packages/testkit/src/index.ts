/** @ingot/testkit: real parts for tests — `ingot` as a child process, HTTP, metrics, files. */
export { spawnIngot, runIngot, describeExit } from './ingot-process.js';
export type { IngotProcess, IngotResult, ProcessExit, SpawnIngotOptions } from './ingot-process.js';
export { startIngot } from './start-ingot.js';
export type { RunningIngot, StartIngotOptions } from './start-ingot.js';
export { fetchText } from './fetch-text.js';
export type { FetchTextInit, TextResponse } from './fetch-text.js';
export { readLines } from './files.js';
export { parseLogfmt } from './logfmt.js';
export { parseMetrics, metricValue } from './metrics.js';
export type { MetricSample } from './metrics.js';
export { waitFor, within, WaitTimeoutError } from './wait-for.js';
export type { WaitOptions } from './wait-for.js';
