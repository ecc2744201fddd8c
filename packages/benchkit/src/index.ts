/** @ingot/benchkit: what the benchmarks share. */
export { numberOption, viaTsx } from './options.js';
export { transpileTree } from './transpile.js';
