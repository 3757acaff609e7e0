// zod as the app's modules get it: the app is served with script-src 'self' and no 'unsafe-eval', so zod must not
// probe for (or use) new Function, which the browser reports as a CSP violation even when the probe's error is caught.
// zod reads the setting when a schema is created, so the build resolves every `import { z } from 'zod'` under src/ to
// this module (vite.config.ts, zodJitless): whichever chunk a schema lands in, the setting has run before it. (Being
// imported first by the entry was not enough: a schema in a chunk shared with a lazy one ran ahead of it.)
import { z } from 'zod';

z.config({ jitless: true });

export { z };
