// One planned service: what it is, the verdict in words under the payer's own policy, what blocks it first, then
// what is already fine. While the chart is still being read it shows what is still loading instead of a verdict.
import type { ReactNode } from 'react';
import type { ClinicalPicture, Evidence, PlannedService } from '../../../policy/index';
import type { Assessment, Finding } from '../../../policy/index';
import { serviceDef } from '../../../policy/index';
import { FindingItem } from './FindingItem';
import { policyLabel } from './policy-label';
import { PendingList } from './PendingList';

const VERDICT_TEXT: Record<Assessment['verdict'], string> = {
  ready: 'Ready',
  incomplete: 'Incomplete: documentation missing',
  'not-eligible': 'Not eligible under this policy',
};

function priorAuthText(v: Assessment['priorAuth']): string {
  if (v.required === true) return 'Prior authorization required';
  if (v.required === false) return 'No prior authorization required';
  return `Prior authorization: depends (${v.reason})`;
}

function isOpen(f: Finding): boolean {
  return f.status === 'missing' || f.status === 'not-met';
}

function summary(findings: Finding[]): string {
  const blocking = findings.filter((f) => f.severity === 'blocker' && isOpen(f)).length;
  const advice = findings.filter((f) => f.severity === 'warning' && isOpen(f)).length;
  const parts = [`${blocking} blocking ${blocking === 1 ? 'item' : 'items'}`, `${advice} advice ${advice === 1 ? 'item' : 'items'}`];
  return parts.join(', ');
}

function ServiceTitle({ service, id }: { service: PlannedService; id: string }) {
  const label = serviceDef(service.code)?.label ?? service.code;
  const site = [service.levels.join(', '), service.laterality].filter(Boolean).join(', ');
  return (
    <h3 id={id}>
      {service.code} {label}
      {site && <span className="muted"> · {site}</span>}
    </h3>
  );
}

/** No verdict yet: every read that feeds it is not in, so name what is still coming. */
export function PendingService({ service, index, pending }: { service: PlannedService; index: number; pending: readonly string[] }) {
  const titleId = `vc-service-${index}`;
  return (
    <article className="card stack vc-service" aria-labelledby={titleId} aria-busy="true" data-verdict="pending">
      <header className="vc-service__header">
        <ServiceTitle service={service} id={titleId} />
        <span className="verdict verdict--pending">Checking…</span>
      </header>
      <div className="vc-loading" role="status">
        <p>No verdict yet: the chart is still being read, and what is still coming could change it. Still loading:</p>
        <PendingList pending={pending} />
      </div>
    </article>
  );
}

export function ServiceAssessment({
  assessment,
  index,
  openEvidence,
  picture,
  stages,
}: {
  assessment: Assessment;
  index: number;
  openEvidence: (e: Evidence) => void;
  picture?: ClinicalPicture;
  /** Where the patient is in a staged treatment, and the authorizations on file (StagedTreatment). */
  stages?: ReactNode;
}) {
  const a = assessment;
  const titleId = `vc-service-${index}`;
  const open = a.findings.filter(isOpen);
  const done = a.findings.filter((f) => !isOpen(f));
  const policy = policyLabel(a);
  return (
    <article className="card stack vc-service" aria-labelledby={titleId} data-verdict={a.verdict}>
      <header className="vc-service__header">
        <ServiceTitle service={a.service} id={titleId} />
        <span className={`verdict verdict--${a.verdict}`}>{VERDICT_TEXT[a.verdict]}</span>
      </header>
      <p className="vc-service__policy" data-testid="verdict-policy">
        <strong>Under:</strong> {policy.primary}
        {policy.detail && <span className="muted"> · {policy.detail}</span>}
      </p>
      <p className="muted vc-service__meta">
        {priorAuthText(a.priorAuth)} · {summary(a.findings)}
      </p>
      {open.length > 0 ? (
        <>
          <h4>To do, most blocking first</h4>
          <ol className="vc-findings">
            {open.map((f) => (
              <FindingItem key={f.requirementId} finding={f} openEvidence={openEvidence} {...(picture ? { picture } : {})} />
            ))}
          </ol>
        </>
      ) : (
        <p>Every documentation requirement checked is met.</p>
      )}
      {stages}
      {done.length > 0 && (
        <details className="vc-done">
          <summary>Met or not applicable ({done.length})</summary>
          <ol className="vc-findings">
            {done.map((f) => (
              <FindingItem key={f.requirementId} finding={f} openEvidence={openEvidence} {...(picture ? { picture } : {})} />
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
