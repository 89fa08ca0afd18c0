import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.ts',
      'components/**/*.test.tsx',
      'bin/**/*.test.ts',
      'entrypoints/**/*.test.ts',
      'e2e/support/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
