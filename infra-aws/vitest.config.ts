import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests read the shared contracts from source, so a change there needs no rebuild.
    alias: { '@escher/shared': fileURLToPath(new URL('../shared/src/index.ts', import.meta.url)) },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // A CDK synthesis or an `escher` CLI run takes seconds alone and minutes on a busy machine.
    testTimeout: 300_000,
    // One file at a time: a synthesis blocks its worker, and parallel ones starve each other.
    fileParallelism: false,
    hookTimeout: 300_000,
  },
});
