// Imported first by the entry: the app is served with script-src 'self' and no 'unsafe-eval', so zod must not probe
// for (or use) new Function, which the browser reports as a CSP violation even when the probe's error is caught.
// zod reads the setting when a schema is created, so this runs before any module that defines one.
import { z } from 'zod';

z.config({ jitless: true });
