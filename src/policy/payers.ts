// Payers as data: the Medicare LCDs are the baseline; a commercial payer is an overlay that replaces some
// thresholds (each with its own citation) and says whether prior authorization is required. No code per payer.
import type { CoverageFact, ServiceKind } from './picture';
import type { Citation, PayerRef, PriorAuthDecision } from './verdicts';
import type { PolicyDef, PolicyId, PolicyParams } from './policies/types';

export interface PayerDef {
  id: string;
  name: string;
  /** How a Coverage is recognised: Organization identifier values, payor names, Source of Payment Typology codes. */
  match: { identifiers: string[]; names: string[]; sopt: string[] };
  /** Thresholds replaced per policy; a key set to undefined removes a baseline rule for this payer. */
  overlays: Partial<Record<PolicyId, Partial<PolicyParams>>>;
  priorAuth: Partial<Record<PolicyId, boolean | 'unknown'>>;
}

const ESI: ServiceKind[] = ['esi-interlaminar', 'esi-transforaminal', 'esi-catheter'];

export const MEDICARE: PayerDef = {
  id: 'medicare',
  name: 'Medicare Part B',
  // SOPT 1 Medicare, 11x Medicare fee-for-service, 12x Medicare managed care; X12 MB (Part B).
  match: { identifiers: ['MEDICARE'], names: ['medicare'], sopt: ['1', '11', '111', '112', '113', '119', '12', '121', '122', '123', '129', 'MB'] },
  overlays: {},
  priorAuth: { 'lcd-epidural': false },
};

const EVICORE = (section: string, note?: string): Citation => ({
  document: 'eviCore CMM-200 Epidural Steroid Injections (2021)',
  section,
  verified: true,
  ...(note ? { note } : {}),
});

export const SUMMIT: PayerDef = {
  id: 'summit',
  name: 'Summit Health Plan',
  match: { identifiers: ['SUMMIT'], names: ['summit health plan'], sopt: [] },
  overlays: {
    'lcd-epidural': {
      conservativeMinimum: {
        value: { weeks: 6, byDiagnosis: [{ label: 'spinal stenosis', icd10: ['M48.0'], weeks: 4 }] },
        citation: EVICORE('Indications: ESI (failed conservative treatment at least 6 weeks for radiculopathy, 4 weeks for spinal stenosis)'),
      },
      minDaysBetween: { value: { days: 7, counts: ESI }, citation: EVICORE('General guidelines (at least 7 days between injections)', 'An older version required 14 days.') },
      frequencyRegion: {
        value: { max: 4, months: 12, counts: ESI, perRegion: true, label: 'ESI injections per spinal region' },
        citation: EVICORE('General guidelines (at most 4 ESIs per region per year)'),
      },
      frequencyEpisode: {
        value: { max: 3, months: 6, counts: ESI, perRegion: true, label: 'ESI injections per region in the 6-month episode' },
        citation: {
          document: 'eviCore CMM-200 Epidural Steroid Injections (2021)',
          section: 'General guidelines (at most 3 ESIs per episode)',
          verified: false,
          note: 'The episode is not defined in data ClaimReady holds; a public summary of another CMM-200 version reads it as 3 per region per 6 months, used here.',
        },
      },
      repeatRelief: {
        value: { minPercent: 50, minHours: 2 * 168, after: ESI },
        citation: EVICORE('Repeat ESI (documented improvement lasting at least 2 weeks)', 'The 2021 text counts at least 2 documented clinical improvements; the older version (and a public summary) reads at least 50% relief for at least 2 weeks, used here.'),
      },
      repeatReliefDuration: undefined,
    },
  },
  priorAuth: { 'lcd-epidural': true },
};

const BCBSMA_690 = (section: string, note?: string): Citation => ({
  document: 'BCBSMA Medical Policy 690 (reminder 2021-12-07)',
  section,
  verified: true,
  ...(note ? { note } : {}),
});

export const BCBSMA: PayerDef = {
  id: 'bcbsma',
  name: 'Blue Cross Blue Shield of Massachusetts',
  match: { identifiers: ['BCBSMA'], names: ['blue cross blue shield of massachusetts'], sopt: [] },
  overlays: {
    'lcd-epidural': {
      conservativeMinimum: {
        value: {
          weeks: 4,
          components: [
            { label: 'prescription-strength analgesics', kinds: ['nsaid', 'analgesic', 'muscle-relaxant', 'neuropathic-agent', 'opioid'], weeks: 4 },
            { label: 'physical therapy', kinds: ['physical-therapy'], weeks: 4 },
          ],
        },
        citation: BCBSMA_690('Criteria (at least 4 weeks of conservative care including prescription-strength analgesics and at least 4 weeks of physical therapy, or why PT was not tolerated)'),
      },
      minDaysBetween: { value: { days: 30, counts: ESI }, citation: BCBSMA_690('Repeat treatment (at least 30 days since the last injection)') },
      frequencyTotal: {
        value: { max: 6, months: 12, counts: ESI, perRegion: false, label: 'ESI injections in any region' },
        citation: BCBSMA_690('Repeat treatment (no more than 6 injections in 12 months)'),
      },
      repeatRelief: {
        value: { minPercent: 1, after: ESI },
        citation: BCBSMA_690('Repeat treatment (previous injections were successful at relieving pain)', 'No percentage is set: any documented relief counts.'),
      },
      repeatReliefDuration: undefined,
    },
  },
  priorAuth: { 'lcd-epidural': true },
};

export const PAYERS: readonly PayerDef[] = [MEDICARE, SUMMIT, BCBSMA];

export function payerById(id: string): PayerDef | undefined {
  const k = id.trim().toLowerCase();
  return PAYERS.find((p) => p.id === k || p.match.identifiers.some((i) => i.toLowerCase() === k));
}

/** The payer's thresholds for one policy: the baseline with the payer's overlay on top. */
export function paramsFor(policy: PolicyDef, payer: PayerDef): PolicyParams {
  const overlay = payer.overlays[policy.id];
  return overlay ? { ...policy.params, ...overlay } : policy.params;
}

export function priorAuthFor(policyId: PolicyId | undefined, payer: PayerDef): PriorAuthDecision {
  const known = policyId ? payer.priorAuth[policyId] : undefined;
  if (known === undefined || known === 'unknown') return { required: 'depends', reason: `${payer.name} has no prior-authorization rule on file for this service.` };
  return known
    ? { required: true, program: payer.name, reason: `${payer.name} requires prior authorization for this service.` }
    : { required: false, reason: `${payer.name} does not require prior authorization for this service.` };
}

function matchCoverage(c: CoverageFact): PayerDef | undefined {
  const id = c.payerId?.trim().toUpperCase();
  if (id) {
    const byId = PAYERS.find((p) => p.match.identifiers.includes(id));
    if (byId) return byId;
  }
  const name = c.payerName?.trim().toLowerCase();
  if (name) {
    const byName = PAYERS.find((p) => p.match.names.some((n) => name === n)) ?? PAYERS.find((p) => p.match.names.some((n) => name.includes(n)));
    if (byName) return byName;
  }
  const type = c.typeCode?.trim().toUpperCase();
  if (type) return PAYERS.find((p) => p.match.sopt.includes(type));
  return undefined;
}

const INACTIVE = new Set(['cancelled', 'entered-in-error', 'draft']);

/** The primary active coverage (lowest order): the one the payer is resolved by and the claim is billed to. */
export function primaryCoverage(coverages: readonly CoverageFact[]): CoverageFact | undefined {
  return coverages.filter((c) => !INACTIVE.has(c.status)).sort((a, b) => (a.order ?? 99) - (b.order ?? 99))[0];
}

function baselineRef(id: string, name: string, note: string): PayerRef {
  return { id, name, fellBackToBaseline: true, note };
}

/**
 * The payer for the patient's primary active coverage (lowest order). An unknown payer, or no coverage, uses the
 * Medicare baseline and says so in PayerRef.fellBackToBaseline / note.
 */
export function resolvePayer(coverages: readonly CoverageFact[]): { payer: PayerRef; policySet: PayerDef } {
  const primary = primaryCoverage(coverages);
  if (!primary) return { payer: baselineRef('none', 'No coverage on file', 'No active coverage found; the Medicare LCD baseline is used.'), policySet: MEDICARE };
  const def = matchCoverage(primary);
  if (def) return { payer: { id: def.id, name: primary.payerName ?? def.name, fellBackToBaseline: false }, policySet: def };
  const name = primary.payerName ?? primary.payerId ?? 'Unknown payer';
  return {
    payer: baselineRef(primary.payerId ?? primary.id, name, `${name} is not a payer ClaimReady knows; the Medicare LCD baseline is used.`),
    policySet: MEDICARE,
  };
}

/** The payer definition behind a PayerRef or payer id; unknown ids fall back to the baseline. */
export function payerDefFor(payer: PayerRef | string): { payer: PayerRef; policySet: PayerDef } {
  if (typeof payer !== 'string') {
    const def = payer.fellBackToBaseline ? MEDICARE : payerById(payer.id);
    if (def) return { payer, policySet: def };
    return { payer: { ...payer, fellBackToBaseline: true, note: `${payer.name} is not a payer ClaimReady knows; the Medicare LCD baseline is used.` }, policySet: MEDICARE };
  }
  const def = payerById(payer);
  if (def) return { payer: { id: def.id, name: def.name, fellBackToBaseline: false }, policySet: def };
  return { payer: baselineRef(payer, payer, `${payer} is not a payer ClaimReady knows; the Medicare LCD baseline is used.`), policySet: MEDICARE };
}
