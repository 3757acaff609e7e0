// assess(): run a policy's requirements for one service and payer and derive the verdict. Deterministic: `today`
// is an argument and nothing here reads the clock or the network.
import type { ClinicalPicture, Evidence, PlannedService } from './picture';
import type { Assessment, Citation, Finding, PayerRef, Verdict } from './verdicts';
import { policyFor } from './policies/index';
import { paramsFor, payerDefFor, priorAuthFor, resolvePayer } from './payers';
import { serviceKind } from './services';

const NO_POLICY: Citation = { document: 'ClaimReady', section: 'No payer policy is encoded for this service', verified: false };

/** not-met blockers first, then missing blockers, then warnings, then met, then not applicable. */
function rank(f: Finding): number {
  if (f.status === 'not-applicable') return 4;
  if (f.status === 'met') return 3;
  if (f.severity === 'warning') return 2;
  return f.status === 'not-met' ? 0 : 1;
}

export function verdictOf(findings: readonly Finding[]): Verdict {
  let missing = false;
  for (const f of findings) {
    if (f.severity !== 'blocker') continue;
    if (f.status === 'not-met') return 'not-eligible';
    if (f.status === 'missing') missing = true;
  }
  return missing ? 'incomplete' : 'ready';
}

/** Stable order by rank: one pass per rank over a short list, with no bucket arrays to allocate. */
export function sortFindings(findings: Finding[]): Finding[] {
  const out: Finding[] = [];
  for (let r = 0; r <= 4; r++) for (const f of findings) if (rank(f) === r) out.push(f);
  return out;
}

/** The same resource or note span cited twice (e.g. an order and its reason both pointing at one Condition) is shown once. */
export function uniqueEvidence(list: readonly Evidence[]): Evidence[] {
  // Short lists (nearly all) compare pairwise without building key strings or a Set; a list without repeats is
  // returned as it is.
  if (list.length > 32) return uniqueByKey(list);
  let out: Evidence[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    let dup = false;
    for (let j = 0; j < i && !dup; j++) dup = sameEvidence(list[j]!, e);
    if (dup) out ??= list.slice(0, i);
    else if (out) out.push(e);
  }
  return out ?? (list as Evidence[]);
}

function evidenceKey(e: Evidence): string {
  return e.quote ? `${e.ref}#${e.quote.start}-${e.quote.end}` : e.ref;
}

/** Equal keys as evidenceKey() reads them, compared field by field. */
function sameEvidence(a: Evidence, b: Evidence): boolean {
  if (a.quote && b.quote) return a.ref === b.ref && sameNumber(a.quote.start, b.quote.start) && sameNumber(a.quote.end, b.quote.end);
  if (!a.quote && !b.quote) return a.ref === b.ref;
  return evidenceKey(a) === evidenceKey(b);
}

function sameNumber(a: number, b: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b));
}

function uniqueByKey(list: readonly Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const e of list) {
    const key = evidenceKey(e);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

export function assess(picture: ClinicalPicture, service: PlannedService, payer: PayerRef | string, today: string): Assessment {
  const { payer: ref, policySet } = payerDefFor(payer);
  const kind = service.kind === 'other' ? serviceKind(service.code) : service.kind;
  // A fresh object per call: the requirement memo is keyed by it, so mutated pictures are never served stale.
  const svc: PlannedService = { ...service, kind };
  const policy = policyFor(kind);
  if (!policy) {
    return {
      service,
      payer: ref,
      policy: { id: 'none', title: 'No payer policy for this service', citation: NO_POLICY },
      verdict: 'ready',
      priorAuth: { required: 'depends', reason: 'No payer policy for this service is on file.' },
      findings: [
        {
          requirementId: 'no-policy',
          category: 'other',
          status: 'not-applicable',
          severity: 'warning',
          message: `ClaimReady has no documentation policy for ${service.code}; nothing was checked.`,
          evidence: [],
          citation: NO_POLICY,
        },
      ],
    };
  }
  const params = paramsFor(policy, policySet);
  const findings: Finding[] = [];
  for (const req of policy.requirements) {
    const r = req.check(picture, svc, today, params);
    const citation = r.citation ?? req.citation;
    const unconfirmed = !citation.verified && r.status !== 'not-applicable';
    // A rule we could not confirm never decides the verdict.
    const severity = citation.verified ? r.severity : 'warning';
    const message = unconfirmed ? `Unconfirmed rule (advice only): ${r.message}` : r.message;
    const evidence = r.evidence.length > 1 ? uniqueEvidence(r.evidence) : r.evidence;
    // Two literals rather than adding `fix` afterwards: an added property makes a transition map that a full GC
    // may drop, which throws away the optimised code of everything that handled findings (fix stays the last key).
    const f: Finding =
      r.fix === undefined
        ? { requirementId: req.id, category: req.category, status: r.status, severity, message, evidence, citation }
        : { requirementId: req.id, category: req.category, status: r.status, severity, message, evidence, citation, fix: r.fix };
    findings.push(f);
  }
  const sorted = sortFindings(findings);
  return {
    service,
    payer: ref,
    policy: { id: policy.id, title: policy.title, citation: policy.citation },
    verdict: verdictOf(sorted),
    priorAuth: priorAuthFor(policy.id, policySet),
    findings: sorted,
  };
}

/** Every service against the patient's own payer (from Coverage). */
export function assessAll(picture: ClinicalPicture, services: readonly PlannedService[], today: string): Assessment[] {
  const { payer } = resolvePayer(picture.coverages);
  return services.map((s) => assess(picture, s, payer, today));
}
