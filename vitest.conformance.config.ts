import { defineConfig } from 'vitest/config';

/**
 * Upstream conformance data, read from `../shared/conformance` beside the project
 * (or `INGOT_CONFORMANCE_DIR`). Kept apart from `npm test`, which must pass without it.
 */
export default defineConfig({
  resolve: { conditions: ['@ingot/source'] },
  test: {
    name: 'conformance',
    include: ['packages/*/test/conformance/**/*.conformance.test.ts'],
  },
});
