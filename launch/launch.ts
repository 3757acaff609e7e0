// The SMART launch_uri: the EHR opens this page with ?iss=&launch=, and it starts the authorization (PKCE S256).
// Opened with only ?iss= (a provider's standalone launch) it asks the EHR for launch/patient, so the EHR lets the
// user pick the patient. Where the browser blocks storage for the embedded app (a cross-site iframe with
// third-party storage blocked), SMART cannot keep its state: the page says so and offers the same launch in a
// window of its own, where storage works.
import FHIR from 'fhirclient';
import { launchSettings } from '../src/fhir/session/launch-settings';
import { FAILURES } from '../src/fhir/session/launch-failure';
import { startLaunchNoteWorker } from '../src/fhir/notes/worker-start';
import './launch.css';

const status = document.getElementById('status');

function fail(message: string): void {
  if (!status) return;
  status.textContent = message;
  status.setAttribute('role', 'alert');
}

/** Whether sessionStorage can be used at all here (it throws SecurityError when the browser blocks it). */
export function storageWorks(): boolean {
  try {
    const s = window.sessionStorage;
    const key = '__claimready_probe__';
    s.setItem(key, '1');
    s.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

function storageBlocked(): void {
  const f = FAILURES['storage-blocked'];
  fail(`${f.title}. ${f.message} ${f.action}`);
  const link = document.createElement('a');
  link.href = window.location.href;
  link.target = '_blank';
  link.rel = 'noopener';
  link.className = 'open-window';
  link.textContent = 'Open ClaimReady in a new window';
  status?.after(link);
}

/** SMART: an EHR launch asks for `launch`; a standalone one for `launch/patient` (the EHR then asks for a patient). */
export function scopeFor(scope: string, standalone: boolean): string {
  if (!standalone) return scope;
  const parts = scope.split(/\s+/).filter((s) => s !== 'launch');
  return [...new Set(['launch/patient', ...parts])].join(' ');
}

const params = new URLSearchParams(window.location.search);
if (!params.get('iss')) {
  fail('ClaimReady must be launched from the patient chart in your EHR (no "iss" was given). Open it from the chart again.');
} else if (!storageWorks()) {
  storageBlocked();
} else {
  // A relaunch starts clean: the previous patient's session state and unsaved work are dropped.
  window.sessionStorage.clear();
  const framed = window.self !== window.top;
  const settings = launchSettings(window.location.href);
  // SMART 2 asks for at least 122 bits of state entropy; fhirclient's default has about 95.
  const stateKey = crypto.randomUUID();
  // The note worker the app page will join (named for this launch's state): its warm-up runs during the authorize
  // redirect and the token exchange (src/fhir/notes/worker-start.ts).
  startLaunchNoteWorker(stateKey);
  FHIR.oauth2
    .authorize({
      clientId: settings.clientId,
      scope: scopeFor(settings.scope, !params.get('launch')),
      redirectUri: settings.redirectUri,
      pkceMode: 'required',
      stateKey,
      // Inside the EHR's iframe the redirect must complete in the frame, or the login silently stalls.
      completeInTarget: framed,
    })
    .catch((e: unknown) => {
      fail(`Could not reach the EHR's authorization server. ${e instanceof Error ? e.message : ''} Relaunch from the chart.`);
    });
}
