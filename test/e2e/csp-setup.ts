// The e2e suite runs the app under the Content-Security-Policy it is served with (launch/sandbox/security-headers.ts)
// and fails a test on any violation, in the app, the launch page or the chart's app frame.
import { afterEach, expect } from 'vitest';
import { takeCspViolations } from './browser';

afterEach(() => {
  expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
});
