// One planned service: what it is, the verdict in words, what blocks it first, then what is already fine.
import type { Evidence } from '../../../policy/index';
import type { Assessment, Finding } from '../../../policy/index';
import { serviceDef } from '../../../policy/index';
import { FindingItem } from './FindingItem';

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

export function ServiceAssessment({
  assessment,
  index,
  openEvidence,
}: {
  assessment: Assessment;
  index: number;
  openEvidence: (e: Evidence) => void;
}) {
  const a = assessment;
  const s = a.service;
  const label = serviceDef(s.code)?.label ?? s.code;
  const site = [s.levels.join(', '), s.laterality].filter(Boolean).join(', ');
  const titleId = `vc-service-${index}`;
  const open = a.findings.filter(isOpen);
  const done = a.findings.filter((f) => !isOpen(f));
  return (
    <article className="card stack vc-service" aria-labelledby={titleId} data-verdict={a.verdict}>
      <header className="vc-service__header">
        <h3 id={titleId}>
          {s.code} {label}
          {site && <span className="muted"> · {site}</span>}
        </h3>
        <span className={`verdict verdict--${a.verdict}`}>{VERDICT_TEXT[a.verdict]}</span>
      </header>
      <p className="muted vc-service__meta">
        {a.policy.title} · {priorAuthText(a.priorAuth)} · {summary(a.findings)}
      </p>
      {open.length > 0 ? (
        <>
          <h4>To do, most blocking first</h4>
          <ol className="vc-findings">
            {open.map((f) => (
              <FindingItem key={f.requirementId} finding={f} openEvidence={openEvidence} />
            ))}
          </ol>
        </>
      ) : (
        <p>Every documentation requirement checked is met.</p>
      )}
      {done.length > 0 && (
        <details className="vc-done">
          <summary>Met or not applicable ({done.length})</summary>
          <ol className="vc-findings">
            {done.map((f) => (
              <FindingItem key={f.requirementId} finding={f} openEvidence={openEvidence} />
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}
