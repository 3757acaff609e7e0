// App entry (the SMART redirect_uri). The token exchange starts at once, while the React app (the larger part of
// the code) loads and compiles in parallel, instead of after it.
import FHIR from 'fhirclient';

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
