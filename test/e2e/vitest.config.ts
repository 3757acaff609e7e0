import { defineConfig } from 'vitest/config';

// Real Chromium against the sandbox EHR: one file at a time (2-core machines), generous timeouts for the browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    // Every test fails on a Content-Security-Policy violation in any page or frame it opened.
    setupFiles: ['test/e2e/csp-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
