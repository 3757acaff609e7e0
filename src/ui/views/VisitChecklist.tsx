// Visit checklist: for each planned service, the payer, the verdict and the findings ordered by what blocks most,
// each with its fix and its evidence one click away. Sized for an 800 px EHR side panel.
import { useMemo } from 'react';
import { useAppData } from '../context';
import { checkServices } from '../../workflow/index';
import { ServiceAssessment } from './visit/ServiceAssessment';
import './VisitChecklist.css';

export function VisitChecklist() {
  const { picture, services, today, openEvidence } = useAppData();
  const { payer, assessments } = useMemo(() => checkServices(picture, services, { today }), [picture, services, today]);
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
      ) : (
        assessments.map((a, i) => <ServiceAssessment key={`${a.service.code}-${i}`} assessment={a} index={i} openEvidence={openEvidence} />)
      )}
    </section>
  );
}
