/** What the e2e tests share: started instances stopped after each test, and small configs. */
import { afterEach } from 'vitest';
import { startIngot, type RunningIngot, type StartIngotOptions } from '../src/index.js';

/**
 * `startIngot` for one test file: every instance started in a test is stopped (and its
 * directory removed) after that test, whatever the test's outcome.
 */
export function useIngot(): (options: StartIngotOptions) => Promise<RunningIngot> {
  const started: RunningIngot[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((ingot) => ingot.stop()));
  });
  return async (options) => {
    const ingot = await startIngot(options);
    started.push(ingot);
    return ingot;
  };
}

/** A config string, as Alloy writes one. */
export const str = (text: string): string => JSON.stringify(text);

/** `testcomponents.passthrough "<label>" { input = <input> }`, `input` an expression. */
export function passthrough(label: string, input: string): string {
  return `testcomponents.passthrough ${str(label)} {\n  input = ${input}\n}\n`;
}

/** `testcomponents.lifecycle "<label>"` appending its starts and stops to `file`. */
export function lifecycle(label: string, file: string, value = ''): string {
  return `testcomponents.lifecycle ${str(label)} {\n  file  = ${str(file)}\n  value = ${str(value)}\n}\n`;
}
