import { defineConfig } from 'vitest/config';

/**
 * Upstream conformance data, read from `../shared/conformance` beside the project
 * (or `INGOT_CONFORMANCE_DIR`). Kept apart from `npm test`, which must pass without it.
 */
const conditions = ['@ingot/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: 'conformance',
    include: ['packages/*/test/conformance/**/*.conformance.test.ts'],
  },
});
