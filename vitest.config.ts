import { defineConfig } from 'vitest/config';

/**
 * Workspace packages resolve to their TypeScript sources, so tests need no build and never
 * run a stale one. Tests run in Vite's server (SSR) environment, whose conditions are set
 * apart from the client's.
 */
const conditions = ['@ingot/source', 'node', 'import', 'module', 'default'];
const resolve = { conditions };
const ssr = { resolve: { conditions, externalConditions: conditions } };

export default defineConfig({
  test: {
    projects: ['syntax', 'runtime', 'local', 'testkit', 'cli'].map((name) => ({
      resolve,
      ssr,
      test: {
        name,
        root: `packages/${name}`,
        include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
        exclude: ['**/*.conformance.test.ts', '**/node_modules/**'],
      },
    })),
  },
});
