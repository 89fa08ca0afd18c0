import { defineConfig } from 'vitest/config';

// The Firefox smoke suite (`npm run test:firefox`): one file, one Firefox, tests in order.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['e2e-firefox/**/*.smoke.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: ['verbose'],
  },
});
