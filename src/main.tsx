// App entry (the SMART redirect_uri). The token exchange starts at once, while the React app (the larger part of
// the code) loads and compiles in parallel, instead of after it.
import FHIR from 'fhirclient';
import { z } from 'zod';

// The app is served with script-src 'self' and no 'unsafe-eval': zod must not probe for (or use) new Function,
// which the browser reports as a CSP violation even when the probe's error is caught.
z.config({ jitless: true });

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

// The refresh token is bound to this client: send client_id with every refresh (RFC 6749 §6 for public clients).
FHIR.oauth2.settings.refreshTokenWithClientId = true;
const ready = FHIR.oauth2.ready();
const ui = import('./ui/boot');

ready.then(
  async (client) => (await ui).renderApp(container, client),
  async (error: unknown) => (await ui).renderLaunchProblem(container, error),
);
