// App entry (the SMART redirect_uri). The token exchange starts at once, and the record read the moment the token
// arrives, while the React app (the larger part of the code) loads and compiles in parallel, instead of after it.
import FHIR from 'fhirclient';

// The launch, by its SMART state (in this URL until fhirclient's ready() has used it): the launch page started the
// note worker for it, which this page joins.
const launch = new URLSearchParams(window.location.search).get('state') ?? undefined;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

// The refresh token is bound to this client: send client_id with every refresh (RFC 6749 §6 for public clients).
FHIR.oauth2.settings.refreshTokenWithClientId = true;
const ready = FHIR.oauth2.ready();
// The read's code loads during the token exchange. The React app is fetched and compiled then too (index.html
// modulepreloads it), but runs only once the reads are on their way: its evaluation holds the main thread, and the
// token's callback, which starts the reads, would otherwise wait behind it.
const reads = import('./ui/hooks/early-read');
// The note worker as soon as that module is in, not when the token is: the launch page's, still warming up or warm,
// else a new one whose warm-up then runs during the token exchange and the searches. (Not imported here: the entry
// would carry the read's modules and the zod schemas among them, and evaluate them before the token request is sent.)
reads.then((m) => m.startNoteWorker(launch)).catch(() => undefined);
const ui = () => import('./ui/boot');

ready.then(
  async (client) => {
    // A performance mark for the bench tools (test/bench/launch-cpu.ts): the token is in.
    performance.mark('cr:token');
    // A read that cannot start early (a launch the workspace will refuse, say) starts, or is refused, in React.
    const early = await reads.then((m) => m.startEarlyRead(client)).catch(() => undefined);
    (await ui()).renderApp(container, client, early);
  },
  async (error: unknown) => (await ui()).renderLaunchProblem(container, error),
);
