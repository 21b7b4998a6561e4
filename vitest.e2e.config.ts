import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension loaded; one file at a time (each launches a browser).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
