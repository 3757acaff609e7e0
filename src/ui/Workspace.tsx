// The patient workspace: reads the record, builds the picture, and hosts the three views over it.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type Client from 'fhirclient/lib/Client';
import type { LaunchContext } from '../fhir/index';
import { fhirclientReader } from '../fhir/index';
import { fhirclientWriter } from '../writeback/index';
import { classifyLaunchFailure, launchFailure } from '../fhir/index';
import { resumePendingSaves } from '../writeback/index';
import { usePicture } from './hooks/usePicture';
import { essentialReadsMissing } from './read-plan';
import { grantedAccess } from '../fhir/index';
import { AppDataContext, type AppData } from './context';
import { clinicFromChart, resourceIndex } from '../writeback/index';
import { PICTURE, usePatientRecord } from './hooks/usePatientRecord';
import type { EarlyRead } from './hooks/early-read';
import { useServiceSelection } from './hooks/useServiceSelection';
import { useSmartStyle } from './hooks/useSmartStyle';
import { useEvidencePanel, useStoredTab } from './hooks/useWorkspaceState';
import { LaunchProblemScreen } from './LaunchProblemScreen';
import { PatientBanner } from './components/PatientBanner';
import { DataIssues } from './components/DataIssues';
import { EvidencePanel } from './components/EvidencePanel';
import { ServicePicker } from './components/ServicePicker';
import { StillReading } from './components/StillReading';
import { Tabs } from './components/Tabs';

// The coder and prior-auth views (and the PDF library behind the latter) load when first opened. The visit
// checklist (the policy core behind the verdict) is not on the first paint either: it starts loading with this module,
// while the chart is still being read, and the workspace waits for it before it shows the verdict.
const checklist = import('./views/VisitChecklist');
checklist.catch(() => undefined);
const CodingReview = lazy(() => import('./views/CodingReview').then((m) => ({ default: m.CodingReview })));
const PriorAuth = lazy(() => import('./views/PriorAuth').then((m) => ({ default: m.PriorAuth })));

const RESUME_AFTER_MS = 1000;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type ChecklistModule = Awaited<typeof checklist>;

function useChecklist(): { module?: ChecklistModule; failed: boolean } {
  const [state, setState] = useState<{ module?: ChecklistModule; failed: boolean }>({ failed: false });
  useEffect(() => {
    let live = true;
    checklist.then(
      (module) => live && setState({ module, failed: false }),
      () => live && setState({ failed: true }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function Workspace({ client, context, early }: { client: Client; context: LaunchContext; early?: EarlyRead | undefined }) {
  const [today] = useState(localToday);
  const reader = useMemo(() => fhirclientReader(client), [client]);
  const access = useMemo(() => grantedAccess(context.grantedScopes.join(' ')), [context.grantedScopes]);
  // A write that meets an ended session (401, refused refresh) ends the workspace: a Retry could never succeed.
  const [sessionEnded, setSessionEnded] = useState(false);
  const writer = useMemo(
    () => (access.creatable.length > 0 ? fhirclientWriter(client, { onSessionEnded: () => setSessionEnded(true) }) : null),
    [client, access],
  );
  const essentialMissing = useMemo(() => essentialReadsMissing(access.canRead), [access]);
  const state = usePatientRecord(reader, context.patientId, access, early);
  // After the record's searches, so the style sheet does not take one of the browser's connections first.
  useSmartStyle(context.smartStyleUrl);
  const built = usePicture(state.record, {
    patientId: context.patientId,
    encounterId: context.encounterId,
    serviceRequestIds: context.serviceRequestIds,
    today,
  });
  const picture = built.picture;
  // Complete only when the picture on screen was built from the whole record: while the final picture is still being
  // built the provisional one stays up, and a verdict from it could be overturned.
  const complete = state.complete && built.current;
  const stillReading = useMemo(() => (complete ? [] : state.pending.length > 0 ? state.pending : [PICTURE]), [complete, state.pending]);
  const selection = useServiceSelection(picture, context.serviceRequestIds);
  // A save cut short last time (reload, closed tab, lost session) is finished once the whole picture is on screen,
  // a moment later: its look-ups are housekeeping and must not queue ahead of the chart's reads or the first verdict.
  const shown = complete;
  // A performance mark for the bench tools (test/bench/launch-profile.ts): the whole picture is on screen.
  useEffect(() => {
    if (complete) performance.mark('cr:complete');
  }, [complete]);
  useEffect(() => {
    if (!writer || !shown) return;
    const t = setTimeout(() => {
      void resumePendingSaves(writer, context.patientId, { app: 'ClaimReady', ...(context.user ? { user: context.user } : {}) }).catch(
        () => undefined,
      );
    }, RESUME_AFTER_MS);
    return () => clearTimeout(t);
  }, [writer, shown, context.patientId, context.user]);
  const resources = useMemo(
    () => (state.complete && state.record ? resourceIndex(state.record.resources) : undefined),
    [state.complete, state.record],
  );
  const clinic = useMemo(
    () =>
      resources &&
      clinicFromChart(resources, {
        requestRefs: selection.services.map((s) => s.requestRef),
        encounterId: context.encounterId,
        patientId: context.patientId,
        user: context.user,
      }).clinic,
    [resources, selection.services, context],
  );
  const { evidence, open: openEvidence, close: closeEvidence } = useEvidencePanel();
  const [tab, setTab] = useStoredTab();
  const visit = useChecklist();
  // Read at each call: fhirclient replaces the token when it refreshes it.
  const serviceToken = useCallback(() => client.state.tokenResponse?.access_token, [client]);

  // Only once the whole record is read: a view must not start over from the suggestion because a page was late.
  const saved = state.complete ? state.record?.saved : undefined;
  const data: AppData | null = useMemo(
    () =>
      picture
        ? {
            picture,
            today,
            services: selection.services,
            writer,
            user: context.user,
            openEvidence,
            resources,
            clinic,
            serviceToken,
            stillReading,
            ...(saved ? { saved } : {}),
          }
        : null,
    [picture, today, selection.services, writer, context.user, openEvidence, resources, clinic, serviceToken, stillReading, saved],
  );

  if (sessionEnded) return <LaunchProblemScreen problem={launchFailure('expired')} />;
  if (essentialMissing.length > 0) {
    const denied = launchFailure('denied-scope');
    return <LaunchProblemScreen problem={{ ...denied, message: `${denied.message} Not granted: ${essentialMissing.join(', ')}.` }} />;
  }
  // A read that ended (session expired, EHR gone) is fatal even after a partial picture: results would be wrong.
  if (state.error) return <LaunchProblemScreen problem={classifyLaunchFailure(state.error, { grantedScopes: context.grantedScopes })} />;
  if (visit.failed || built.failed) {
    return (
      <main className="workspace">
        <p role="alert">
          {visit.failed ? 'The visit checklist' : 'The chart’s notes'} could not be loaded. Reload ClaimReady from the chart.
        </p>
      </main>
    );
  }
  if (!data || !picture || !visit.module) {
    return (
      <main className="workspace">
        <p role="status" className="loading">
          Reading the chart…
        </p>
      </main>
    );
  }
  return (
    <AppDataContext.Provider value={data}>
      <div className="workspace" data-testid="workspace" data-complete={complete ? 'true' : 'false'}>
        {context.needPatientBanner && <PatientBanner patient={picture.patient} />}
        <header className="workspace__header">
          <h1 className="app-title">ClaimReady</h1>
          {!complete && (
            <p role="status" className="reading-banner">
              Still reading the chart: no verdict, coding or packet is shown until it is all in.
            </p>
          )}
        </header>
        <DataIssues issues={picture.dataIssues} />
        <ServicePicker selection={selection} />
        <Tabs current={tab} onChange={setTab} />
        <main id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} aria-busy={!complete} className="workspace__panel">
          {tab === 'visit' && <visit.module.VisitChecklist />}
          <Suspense fallback={<p role="status">Loading…</p>}>
            {tab === 'coding' && (complete ? <CodingReview /> : <StillReading view="Coding review" pending={stillReading} />)}
            {tab === 'prior-auth' && (complete ? <PriorAuth /> : <StillReading view="Prior authorization" pending={stillReading} />)}
          </Suspense>
        </main>
        {evidence && <EvidencePanel evidence={evidence} notes={picture.notes} onClose={closeEvidence} />}
      </div>
    </AppDataContext.Provider>
  );
}
