// Visit checklist: for each planned service, the payer, the verdict and the findings ordered by what blocks most,
// each with its fix and its evidence one click away. Sized for an 800 px EHR side panel. No verdict is shown while
// any read that feeds it is still on its way (a slow EHR would otherwise show one the rest of the chart overturns).
import { useMemo } from 'react';
import { useAppData } from '../context';
import { checkServices, payerFor } from '../../workflow/index';
import { PendingService, ServiceAssessment } from './visit/ServiceAssessment';
import { StagedTreatment } from './visit/StagedTreatment';
import { useServiceRequests } from '../lifecycle/use-service-requests';
import type { ServiceApi } from '../lifecycle/api';
import './VisitChecklist.css';

// A performance mark for the bench tools (test/bench/launch-profile.ts): the checklist and the policy core it imports
// are evaluated, which should happen while the chart is still being read, not after (vite.config.ts).
performance.mark('cr:checklist');

/** `api`: tests bind the ClaimReady service in-process; the app reaches it with the user's SMART token. */
export function VisitChecklist({ api }: { api?: ServiceApi } = {}) {
  const { picture, services, today, openEvidence, stillReading, saved, serviceToken } = useAppData();
  const requests = useServiceRequests(picture.patient.id, serviceToken, api);
  const reading = stillReading !== undefined && stillReading.length > 0;
  const checked = useMemo(() => (reading ? undefined : checkServices(picture, services, { today })), [reading, picture, services, today]);
  // The payer comes from Coverage, which is read before anything else: it can be named while the rest loads.
  const payer = checked?.payer ?? payerFor(picture).payer;
  return (
    <section className="visit-checklist stack" aria-labelledby="vc-title">
      <h2 id="vc-title">Visit checklist</h2>
      <p className="vc-payer">
        <strong>Payer:</strong> {payer.name}
        {payer.fellBackToBaseline && <span className="muted"> · {payer.note ?? 'Not recognised; Medicare LCD baseline used.'}</span>}
        <span className="muted"> · Checked as of {today}</span>
      </p>
      {services.length === 0 ? (
        <p className="card">No planned procedure in the launch context. Choose a procedure above to check its documentation.</p>
      ) : checked ? (
        checked.assessments.map((a, i) => (
          <ServiceAssessment
            key={`${a.service.code}-${i}`}
            assessment={a}
            index={i}
            openEvidence={openEvidence}
            picture={picture}
            stages={<StagedTreatment assessment={a} index={i} picture={picture} today={today} saved={saved} service={requests} />}
          />
        ))
      ) : (
        services.map((s, i) => <PendingService key={`${s.code}-${i}`} service={s} index={i} pending={stillReading ?? []} />)
      )}
    </section>
  );
}
