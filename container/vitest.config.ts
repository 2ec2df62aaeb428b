import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The test seeds state with the runtime's own code, which reads the shared contracts from source.
    alias: { '@escher/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Each case starts a fresh container; with vfs storage that copies the whole image.
    testTimeout: 10 * 60_000,
    hookTimeout: 120_000,
  },
});
