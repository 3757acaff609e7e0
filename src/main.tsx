// App entry (the SMART redirect_uri): finish the authorization, then hand the client to the React tree.
import FHIR from 'fhirclient';
import { createRoot } from 'react-dom/client';
import { StrictMode } from 'react';
import { Root } from './ui/Root';
import { LaunchProblemScreen } from './ui/LaunchProblemScreen';
import { classifyLaunchFailure } from './fhir/session';
import './ui/styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
const root = createRoot(container);

FHIR.oauth2.ready().then(
  (client) => {
    root.render(
      <StrictMode>
        <Root client={client} />
      </StrictMode>,
    );
  },
  (error: unknown) => {
    root.render(<LaunchProblemScreen problem={classifyLaunchFailure(error)} />);
  },
);
