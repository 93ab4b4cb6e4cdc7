// The one vitest configuration of the workspace; each package's vitest.config.ts re-exports it.
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/** Export condition that points each workspace package at its TypeScript source. */
export const SOURCE_CONDITION = '@synthgrad/source';

export default defineConfig({
  // Vitest runs Node tests in Vite's SSR environment: only `ssr.resolve.conditions` reaches them.
  ssr: { resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] } },
  resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] },
  // Test files sit outside the build tsconfig; Oxc must be told about legacy decorators directly.
  oxc: { decorator: { legacy: true } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
  },
});
