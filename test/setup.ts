// Unmount React trees between tests in DOM environments (vitest runs without globals, so testing-library's
// automatic cleanup does not register itself).
import { afterEach } from 'vitest';

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => {
    cleanup();
    window.sessionStorage.clear();
  });
}
