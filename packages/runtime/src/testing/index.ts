/** @ingot/runtime/testing: components for tests of the runtime and of programs built on it. */
export { passthrough, summation, count, lifecycle, sink, producer, testComponents } from './components.js';
export type { NumberReceiver } from './components.js';
export { recordingLogger } from './recording-logger.js';
export type { LogLine } from './recording-logger.js';
