// The SMART launch_uri: the EHR opens this page with ?iss=&launch=, and it starts the authorization (PKCE S256).
import FHIR from 'fhirclient';
import { launchSettings } from '../src/fhir/session/launch-settings';

const status = document.getElementById('status');

function fail(message: string): void {
  if (!status) return;
  status.textContent = message;
  status.setAttribute('role', 'alert');
}

const params = new URLSearchParams(window.location.search);
if (!params.get('iss')) {
  fail('ClaimReady must be launched from the patient chart in your EHR (no "iss" was given). Open it from the chart again.');
} else {
  // A relaunch starts clean: the previous patient's session state and unsaved work are dropped.
  window.sessionStorage.clear();
  const framed = window.self !== window.top;
  const settings = launchSettings(window.location.href);
  FHIR.oauth2
    .authorize({
      clientId: settings.clientId,
      scope: settings.scope,
      redirectUri: settings.redirectUri,
      pkceMode: 'required',
      // SMART 2 asks for at least 122 bits of state entropy; fhirclient's default has about 95.
      stateKey: crypto.randomUUID(),
      // Inside the EHR's iframe the redirect must complete in the frame, or the login silently stalls.
      completeInTarget: framed,
    })
    .catch((e: unknown) => {
      fail(`Could not reach the EHR's authorization server. ${e instanceof Error ? e.message : ''} Relaunch from the chart.`);
    });
}
