// A payer's coded denial reason, and the clause of the assessed policy it points at. One table: each known reason
// code names the policy rule slots (PolicyParams keys) it is about, and the clause shown is that slot's rule in the
// policy version and payer overlay the service was assessed under (its rule id, document, version and section), so
// a BCBSMA denial for conservative care shows BCBSMA policy 690's clause and a Medicare one the LCD's.
//
// Rows: the sandbox payer's codes (launch/sandbox/payer/decisions.ts keeps its own copy, as a separate payer). The
// PAS reasonCode binding is X12's Service Review Decision Reason Codes (code source 886); that list is licensed by
// X12 and not in the official packages here, so none of its codes is mapped: a reason coded with it (or with
// anything else this table lacks) is shown as unmapped, never guessed from its words.
import type { Assessment, Citation } from './verdicts';
import type { PolicyParams } from './policies/types';
import { payerDefFor, paramsFor } from './payers';
import { POLICIES } from './policies/index';

export const SANDBOX_DENIAL_SYSTEM = 'https://sandbox.claimready.app/CodeSystem/pa-denial-reason';

type Slot = keyof PolicyParams;

export interface DenialReasonRow {
  system: string;
  code: string;
  /** Our short wording of what the code says. */
  label: string;
  /** The policy rules it is about, most specific first. */
  slots: readonly Slot[];
}

export const DENIAL_REASONS: readonly DenialReasonRow[] = [
  {
    system: SANDBOX_DENIAL_SYSTEM,
    code: 'conservative-care',
    label: 'Conservative care not documented for the required time',
    slots: ['conservativeMinimum', 'conservativeFailure'],
  },
  {
    system: SANDBOX_DENIAL_SYSTEM,
    code: 'frequency',
    label: 'More sessions than the policy allows in its window',
    slots: ['frequencyRegion', 'frequencyTotal', 'frequencyTherapeutic', 'frequencyEpisode'],
  },
  {
    system: SANDBOX_DENIAL_SYSTEM,
    code: 'too-soon',
    label: 'Too soon after the previous procedure',
    slots: ['minDaysBetween', 'secondBlock'],
  },
  {
    system: SANDBOX_DENIAL_SYSTEM,
    code: 'prior-response',
    label: 'Relief after the previous procedure or diagnostic blocks not enough',
    slots: ['repeatRelief', 'repeatReliefDuration', 'diagnosticBlocks', 'secondBlock'],
  },
  {
    system: SANDBOX_DENIAL_SYSTEM,
    code: 'diagnosis',
    label: 'Diagnosis does not support the service',
    slots: ['diagnosisList', 'indication'],
  },
];

export type DenialClause =
  { mapped: true; code: string; label: string; clauses: Citation[]; policy: string } | { mapped: false; code?: string; why: string };

function cited(p: PolicyParams, slot: Slot): Citation | undefined {
  const v = p[slot] as { citation?: Citation } | undefined;
  return v?.citation;
}

/**
 * The clause of the assessed policy a coded denial maps to. Where the policy has several rules for the reason
 * (facet blocks count diagnostic and therapeutic sessions apart), the ones the assessment applied to this service
 * are kept.
 */
export function denialClause(
  reason: { system?: string; code: string } | undefined,
  assessment: Assessment,
  dateOfService: string,
): DenialClause {
  if (!reason) return { mapped: false, why: 'The payer gave no reason code, only text: no policy clause can be named.' };
  const row = DENIAL_REASONS.find((r) => r.code === reason.code && r.system === reason.system);
  if (!row)
    return {
      mapped: false,
      code: reason.code,
      why: `The payer's reason code ${reason.code}${reason.system ? ` (${reason.system})` : ''} is not in ClaimReady's table: no policy clause is named for it.`,
    };
  const policy = POLICIES.find((p) => p.id === assessment.policy.id);
  const params = policy && paramsFor(policy, payerDefFor(assessment.payer).policySet, dateOfService);
  const all = params ? row.slots.map((s) => cited(params, s)).filter((c): c is Citation => c !== undefined) : [];
  const applied = all.filter((c) =>
    assessment.findings.some((f) => f.status !== 'not-applicable' && f.citation.ruleId === c.ruleId && f.citation.section === c.section),
  );
  const chosen = (applied.length ? applied : all).filter(
    (c, i, xs) => xs.findIndex((o) => o.ruleId === c.ruleId && o.section === c.section) === i,
  );
  return { mapped: true, code: row.code, label: row.label, clauses: chosen, policy: assessment.policy.title };
}
