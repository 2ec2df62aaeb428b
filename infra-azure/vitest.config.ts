import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests read the shared contracts from source, so a change there needs no rebuild.
    // The subpath comes first: an alias also matches the ids that start with it.
    alias: {
      '@escher/shared/testing': fileURLToPath(new URL('../shared/src/testing/index.ts', import.meta.url)),
      '@escher/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
