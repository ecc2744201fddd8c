import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources, so tests need no build. */
const resolve = { conditions: ['@ingot/source'] };

export default defineConfig({
  test: {
    projects: ['syntax', 'runtime', 'local', 'testkit', 'cli'].map((name) => ({
      resolve,
      test: {
        name,
        root: `packages/${name}`,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/*.conformance.test.ts', '**/node_modules/**'],
      },
    })),
  },
});
