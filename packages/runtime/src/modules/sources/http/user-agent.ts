/**
 * The `User-Agent` requests carry unless `headers` sets one, shaped like upstream's
 * (`Alloy/v1.5.0 (linux; binary)`).
 */
import { readFileSync } from 'node:fs';

/** packages/runtime/package.json, four levels up from both `src/` and `dist/`. */
const { version } = JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export const USER_AGENT = `Ingot/v${version} (${process.platform}; node)`;
