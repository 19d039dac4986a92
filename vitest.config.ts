import { defineConfig } from 'vitest/config';

// Two cores here: run files in parallel on forks, keep heavy suites (kernel builds, browser)
// in their own files so they can be skipped when their Debian package is absent.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
