/** The testkit's own promises: a start that cannot succeed fails fast and says why; nothing is left behind. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startIngot } from '../src/index.js';
import { passthrough, useIngot } from './support.js';

const start = useIngot();

describe('startIngot', { timeout: 30_000 }, () => {
  it('fails with the captured stderr when ingot exits before listening', async () => {
    const failure = startIngot({ config: 'testcomponents.passthrough "p" {\n' });
    await expect(failure).rejects.toThrow(/^ingot exited \(exit code 1\) without logging now listening for http traffic\n/);
    await expect(failure).rejects.toThrow('Error: could not perform the initial load successfully');
  });

  it('bounds a wait for a log line, and stop() ends the process and removes its directory', async () => {
    const ingot = await start({ config: passthrough('p', '"x"') });
    await expect(ingot.waitForLog('never logged', 50)).rejects.toThrow(/^timed out after 50 ms waiting for a log line with never logged\nstderr of ingot run /);
    expect(existsSync(ingot.dir)).toBe(true);
    expect(await ingot.stop()).toEqual({ code: 0, signal: null });
    expect(existsSync(ingot.dir)).toBe(false);
    expect(await ingot.stop()).toEqual({ code: 0, signal: null });
  });
});
