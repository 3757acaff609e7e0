// assess(): run a policy's requirements for one service and payer and derive the verdict. Deterministic: `today`
// is an argument and nothing here reads the clock or the network. The date of service picks the policy version.
import type { ClinicalPicture, Evidence, PlannedService } from './picture';
import type { Assessment, Citation, Finding, PayerRef, Verdict } from './verdicts';
import { policyFor } from './policies/index';
import { overlayFor, paramsFor, payerDefFor, priorAuthFor } from './payers';
import { serviceKind } from './services';
import { contextFor } from './requirements/common';

const NO_POLICY: Citation = {
  ruleId: 'CR-NO-POLICY',
  document: 'ClaimReady',
  section: 'No payer policy is encoded for this service',
  grade: 'none',
  verified: false,
};

/** not-met blockers first, then missing blockers, then warnings, then met, then not applicable. */
function rank(f: Finding): number {
  if (f.status === 'not-applicable') return 4;
  if (f.status === 'met') return 3;
  if (f.severity === 'warning') return 2;
  return f.status === 'not-met' ? 0 : 1;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'blocker' && f.status === 'not-met')) return 'not-eligible';
  if (findings.some((f) => f.severity === 'blocker' && f.status === 'missing')) return 'incomplete';
  return 'ready';
}

const RANKS = [0, 1, 2, 3, 4];

/** Stable order by rank: each rank's findings in their given order. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const out: Finding[] = [];
  for (const r of RANKS) for (const f of findings) if (rank(f) === r) out.push(f);
  return out;
}

/** The same resource or note span cited twice (e.g. an order and its reason both pointing at one Condition) is shown once. */
export function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  if (list.length < 2) return [...list];
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = e.quote ? `${e.ref}#${e.quote.start}-${e.quote.end}` : e.ref;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function noPolicy(service: PlannedService, payer: PayerRef, message: string): Assessment {
  return {
    service,
    payer,
    policy: { id: 'none', title: 'No payer policy for this service', citation: NO_POLICY },
    verdict: 'ready',
    priorAuth: { required: 'depends', reason: 'No payer policy for this service is on file.' },
    findings: [
      {
        requirementId: 'no-policy',
        category: 'other',
        status: 'not-applicable',
        severity: 'warning',
        message,
        evidence: [],
        citation: NO_POLICY,
      },
    ],
  };
}

export function assess(picture: ClinicalPicture, service: PlannedService, payer: PayerRef | string, today: string): Assessment {
  const { payer: ref, policySet } = payerDefFor(payer);
  const kind = service.kind === 'other' ? serviceKind(service.code) : service.kind;
  const svc: PlannedService = { ...service, kind };
  const policy = policyFor(kind);
  if (!policy) return noPolicy(service, ref, `ClaimReady has no documentation policy for ${service.code}; nothing was checked.`);
  const ctx = contextFor(picture, svc, today);
  const dos = ctx.dos;
  const params = paramsFor(policy, policySet, dos);
  const priorAuth = priorAuthFor(policy.id, policySet, svc, dos);
  const overlay = overlayFor(policy, policySet, dos);
  const policyRef: Assessment['policy'] = { id: policy.id, title: policy.title, citation: policy.citation };
  if (overlay) policyRef.overlay = { document: overlay.document, version: overlay.version };
  if (!params) {
    // A date of service no encoded version governs: nothing can be "ready".
    const citation: Citation = { ...policy.citation, ruleId: 'CR-NO-VERSION' };
    const finding: Finding = {
      requirementId: 'policy-version',
      category: 'other',
      status: 'missing',
      severity: 'blocker',
      message: `No version of ${policy.citation.document} encoded in ClaimReady governs ${dos} (versions: ${policy.versions.map((v) => `${v.from}${v.to ? ` to ${v.to}` : ' on'}`).join('; ')}).`,
      fix: 'Check this date of service against the policy text by hand',
      evidence: [],
      citation,
    };
    return { service, payer: ref, policy: policyRef, verdict: 'incomplete', priorAuth, findings: [finding] };
  }
  const findings: Finding[] = policy.requirements.map((req) => {
    const r = req.check(ctx, params);
    const citation = r.citation ?? policy.citation;
    // A rule whose text was not read (S2, none) never decides the verdict, except that it may hold a "ready".
    const severity = citation.verified || r.holdsReady ? r.severity : 'warning';
    const unconfirmed = !citation.verified && r.status !== 'not-applicable';
    const f: Finding = {
      requirementId: req.id,
      category: req.category,
      status: r.status,
      severity,
      message: unconfirmed ? `Unconfirmed rule (advice only): ${r.message}` : r.message,
      evidence: uniqueEvidence(r.evidence),
      citation,
    };
    return r.fix === undefined ? f : { ...f, fix: r.fix };
  });
  const sorted = sortFindings(findings);
  return { service, payer: ref, policy: policyRef, verdict: verdictOf(sorted), priorAuth, findings: sorted };
}
