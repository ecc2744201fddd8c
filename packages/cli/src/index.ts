export { main, version } from './main.js';
export { processIo, type Io, type Output } from './io.js';
export { fmt, type FmtOptions } from './commands/fmt.js';
export { demo, type DemoOptions } from './commands/demo.js';
export type { MainOptions } from './main.js';
export type { HandledSignal, Signals } from './io.js';
export { builtinComponents } from './components.js';
