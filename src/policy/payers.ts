// Payers as data: the Medicare LCDs are the baseline; a commercial payer is an overlay that replaces some
// thresholds (each with its own citation), pinned to the guideline version and effective dates it encodes, and says
// whether prior authorization is required. No code per payer.
import type { CoverageFact, PlannedService } from './picture';
import type { Citation, PayerRef, PriorAuthDecision } from './verdicts';
import type { PolicyDef } from './policies/def';
import type { PolicyId, PolicyParams } from './policies/types';
import { versionFor } from './policies/index';
import { cite } from './policies/cite';
import { familyKinds } from './services';
import { medicarePriorAuth } from './prior-auth';
import { ESI_BASELINE } from './policies/lcd-epidural';

/** A payer's replacement thresholds for one policy, as one guideline version states them. */
export interface Overlay {
  document: string;
  version: string;
  /** First date of service (inclusive) the version governs. */
  from: string;
  /** Last date of service (inclusive), when superseded. */
  to?: string;
  /** Thresholds replaced; a key set to undefined removes a baseline rule for this payer. */
  params: Partial<PolicyParams>;
}

export interface PayerDef {
  id: string;
  name: string;
  /** How a Coverage is recognised: Organization identifier values, payor names, Source of Payment Typology codes. */
  match: { identifiers: string[]; names: string[]; sopt: string[] };
  overlays: Partial<Record<PolicyId, Overlay[]>>;
  /** Prior authorization: per policy for a commercial plan, or Medicare's programs decided from the service. */
  priorAuth:
    | { kind: 'per-policy'; byPolicy: Partial<Record<PolicyId, boolean>> }
    | { kind: 'medicare' }
    /** The plan keeps its own list, which ClaimReady does not hold: always "depends", with this reason. */
    | { kind: 'plan-list'; reason: string };
}

const ESI = familyKinds('esi');

export const MEDICARE: PayerDef = {
  id: 'medicare',
  name: 'Medicare Part B',
  // Source of Payment Typology (PHDSC, https://nahdo.org/sopt): 1 Medicare, 12 Medicare (Non-managed Care), 121
  // Medicare FFS, 129 Medicare Non-managed Care Other; X12 MB (Medicare Part B).
  match: {
    identifiers: ['MEDICARE'],
    names: ['medicare'],
    sopt: ['1', '12', '121', '129', 'MB'],
  },
  overlays: {},
  priorAuth: { kind: 'medicare' },
};

/**
 * Medicare Advantage (Part C) plans: a private plan, not Original Medicare. Coverage follows the Medicare baseline
 * (an MA plan must cover what Original Medicare covers, under the NCDs and the LCDs of its area), but prior
 * authorization is the plan's own: CMS's Medicare programs (WISeR, the OPD list) are for Original Medicare only.
 */
export const MEDICARE_ADVANTAGE: PayerDef = {
  id: 'medicare-advantage',
  name: 'Medicare Advantage plan',
  // SOPT 11 Medicare (Managed Care), 111 HMO, 112 PPO, 113 POS, 119 Managed Care Other; 123 Medicare MSA, which
  // SOPT files under non-managed care but CMS counts as a Medicare Advantage plan; X12 16 (HMO Medicare risk).
  match: {
    identifiers: [],
    names: ['medicare advantage', 'medicare hmo', 'medicare ppo', 'medicare replacement', 'medicare part c'],
    sopt: ['11', '111', '112', '113', '119', '123', '16'],
  },
  overlays: {},
  priorAuth: {
    kind: 'plan-list',
    reason:
      "A Medicare Advantage plan keeps its own prior-authorization list, which ClaimReady does not hold; CMS's WISeR and OPD programs apply to Original Medicare only. Check the plan's list.",
  },
};

/**
 * A payer ClaimReady does not know (or no coverage): the Medicare LCD criteria stand in as the baseline, but not
 * Medicare's prior-authorization programs, which bind Original Medicare only.
 */
export const UNKNOWN_PAYER: PayerDef = {
  id: 'baseline',
  name: 'Medicare LCD baseline',
  match: { identifiers: [], names: [], sopt: [] },
  overlays: {},
  priorAuth: {
    kind: 'plan-list',
    reason:
      "This payer's prior-authorization rules are not on file in ClaimReady (the Medicare baseline stands in for its coverage criteria only); ask the payer.",
  },
};

const CMM200 = 'eviCore CMM-200 Epidural Steroid Injections';
const CMM200_NOTE =
  'CMM-200 versions disagree: at least 7 days between injections in the 2021 version, 14 in the older one (and 14 for a repeat ESI, 7 for a repeat diagnostic SNRB, in another summary). The plan is pinned to the version in force on the date of service; version dates are the document dates seen, not confirmed effective dates.';
const evicore =
  (version: string) =>
  (ruleId: string, section: string, note?: string): Citation =>
    cite({ ruleId, document: CMM200, version, section, grade: 'S1', note: note ? `${note} ${CMM200_NOTE}` : CMM200_NOTE });

function cmm200(
  version: string,
  spacingDays: number,
  repeat: { minPercent: number; minWeeks: number; note: string },
): Partial<PolicyParams> {
  const c = evicore(version);
  return {
    conservativeMinimum: {
      value: { weeks: 6, byDiagnosis: [{ label: 'spinal stenosis', icd10: ['M48.0'], weeks: 4 }] },
      citation: c(
        'EVICORE-CONSERVATIVE',
        'Indications: ESI (failed conservative treatment at least 6 weeks for radiculopathy, 4 weeks for a spinal stenosis trial)',
      ),
    },
    minDaysBetween: {
      value: { days: spacingDays, counts: ESI },
      citation: c('EVICORE-SPACING', `General guidelines (at least ${spacingDays} days between injections)`),
    },
    frequencyRegion: {
      value: { max: 4, months: 12, counts: ESI, perRegion: true, label: 'ESI sessions per spinal region' },
      citation: c('EVICORE-FREQUENCY', 'General guidelines (at most 4 ESIs per region per year)'),
    },
    frequencyEpisode: {
      value: { max: 3, months: 6, counts: ESI, perRegion: true, label: 'ESI sessions per region in the 6-month episode' },
      citation: cite({
        ruleId: 'EVICORE-EPISODE',
        document: CMM200,
        version,
        section: 'General guidelines (at most 3 ESIs per episode)',
        grade: 'S2',
        note: 'The episode is not defined in data ClaimReady holds; a summary of another CMM-200 version reads it as 3 per region per 6 months, used here as advice.',
      }),
    },
    repeatRelief: {
      value: { minPercent: repeat.minPercent, minWeeks: repeat.minWeeks, after: ESI },
      citation: c('EVICORE-REPEAT', `Repeat ESI (documented improvement lasting at least ${repeat.minWeeks} weeks)`, repeat.note),
    },
  };
}

export const SUMMIT: PayerDef = {
  id: 'summit',
  name: 'Summit Health Plan',
  match: { identifiers: ['SUMMIT'], names: ['summit health plan'], sopt: [] },
  overlays: {
    'lcd-epidural': [
      {
        document: CMM200,
        version: 'V1.0.2019 (document dated 2019-02-23)',
        from: '2019-02-23',
        to: '2020-12-31',
        params: cmm200('V1.0.2019', 14, {
          minPercent: 50,
          minWeeks: 2,
          note: 'The older version: at least 50% relief for at least 2 weeks.',
        }),
      },
      {
        document: CMM200,
        version: '2021 version (effective date within 2021 not read; 2021-01-01 used)',
        from: '2021-01-01',
        params: cmm200('2021', 7, {
          minPercent: 50,
          minWeeks: 2,
          note: 'The 2021 text counts at least 2 documented clinical improvements for at least 2 weeks; ClaimReady reads them as at least 50% relief for 2 weeks.',
        }),
      },
    ],
  },
  priorAuth: { kind: 'per-policy', byPolicy: { 'lcd-epidural': true } },
};

const BCBSMA_690 = (ruleId: string, section: string, note?: string): Citation =>
  cite({
    ruleId,
    document: 'BCBSMA Medical Policy 690',
    version: 'provider news reminder 2021-12-07',
    section,
    grade: 'P',
    ...(note ? { note } : {}),
  });

/** NRS/VAS where "moderate" begins on the common 0-10 bands (BCBSMA-690-PAIN). */
const BCBSMA_MODERATE_PAIN = 4;

export const BCBSMA: PayerDef = {
  id: 'bcbsma',
  name: 'Blue Cross Blue Shield of Massachusetts',
  match: {
    identifiers: ['BCBSMA'],
    // As clinics write the plan on a Coverage; a bare "BCBS" or "Blue Cross" names no plan (every state has one).
    names: [
      'blue cross blue shield of massachusetts',
      'blue cross and blue shield of massachusetts',
      'blue cross blue shield of ma',
      'bcbs of massachusetts',
      'bcbs massachusetts',
      'bcbs of ma',
      'bcbs ma',
      'bcbsma',
      'blue cross massachusetts',
      'blue cross ma',
    ],
    sopt: [],
  },
  overlays: {
    'lcd-epidural': [
      {
        document: 'BCBSMA Medical Policy 690',
        version: 'provider news reminder 2021-12-07',
        from: '2021-12-07',
        params: {
          indication: {
            value: {
              ...ESI_BASELINE.indication!.value,
              indications: ESI_BASELINE.indication!.value.indications.filter((i) => i.symptoms.includes('radicular')),
              regions: ['lumbar', 'cervical'],
            },
            citation: BCBSMA_690(
              'BCBSMA-690-DX',
              'Criteria: lumbar or cervical radiculopathy',
              "Radiculopathy is the policy's only indication: Medicare's others (stenosis with neurogenic claudication, post-laminectomy syndrome, acute zoster) are not BCBSMA's, and the lumbar and cervical spine are the regions it names.",
            ),
          },
          conservativeMinimum: {
            value: {
              weeks: 4,
              components: [
                {
                  label: 'prescription-strength analgesics',
                  kinds: ['nsaid', 'analgesic', 'muscle-relaxant', 'neuropathic-agent', 'opioid'],
                  weeks: 4,
                },
                { label: 'physical therapy', kinds: ['physical-therapy'], weeks: 4 },
              ],
            },
            citation: BCBSMA_690(
              'BCBSMA-690-CONSERVATIVE',
              'Criteria: at least 4 weeks of conservative care including prescription-strength analgesics and at least 4 weeks of physical therapy (or why PT was not tolerated)',
              'The picture does not tell prescription from over-the-counter analgesics; every analgesic course counts.',
            ),
          },
          painIntensity: {
            value: { minScore: BCBSMA_MODERATE_PAIN, label: 'moderate-severe pain' },
            citation: BCBSMA_690(
              'BCBSMA-690-PAIN',
              'Criteria: persistent pain of at least moderate-severe intensity',
              `The policy sets no scale or number: ${BCBSMA_MODERATE_PAIN}/10 is where the usual 0-10 bands (1-3 mild, 4-6 moderate, 7-10 severe) begin "moderate", ClaimReady's reading of "at least moderate-severe".`,
            ),
          },
          minDaysBetween: {
            value: { days: 30, counts: ESI },
            citation: BCBSMA_690('BCBSMA-690-SPACING', 'Repeat treatment: at least 30 days since the last injection'),
          },
          // Policy 690 sets its own cap (6 in 12 months, any region); Medicare's per-region cap is not BCBSMA's rule.
          frequencyRegion: undefined,
          frequencyTotal: {
            value: { max: 6, months: 12, counts: ESI, perRegion: false, label: 'ESI sessions in any region' },
            citation: BCBSMA_690('BCBSMA-690-FREQUENCY', 'Repeat treatment: no more than 6 injections in 12 months'),
          },
          repeatRelief: {
            value: { minPercent: 1, after: ESI },
            citation: BCBSMA_690(
              'BCBSMA-690-REPEAT',
              'Repeat treatment: previous injections were successful at relieving pain',
              'No percentage is set: any documented relief counts.',
            ),
          },
        },
      },
    ],
  },
  priorAuth: { kind: 'per-policy', byPolicy: { 'lcd-epidural': true } },
};

// Medicare Advantage before Medicare: a plan name holding "medicare advantage" also holds "medicare".
export const PAYERS: readonly PayerDef[] = [MEDICARE_ADVANTAGE, MEDICARE, SUMMIT, BCBSMA];

export function payerById(id: string): PayerDef | undefined {
  const k = id.trim().toLowerCase();
  return PAYERS.find((p) => p.id === k || p.match.identifiers.some((i) => i.toLowerCase() === k));
}

/** The overlay version in force on a date of service, if the payer has one for the policy. */
export function overlayFor(policy: PolicyDef, payer: PayerDef, dateOfService: string): Overlay | undefined {
  const dos = dateOfService.slice(0, 10);
  return payer.overlays[policy.id]?.find((o) => dos >= o.from && (o.to === undefined || dos <= o.to));
}

/** The payer's thresholds for one policy on a date of service: the version in force with the payer's overlay on top. */
export function paramsFor(policy: PolicyDef, payer: PayerDef, dateOfService: string): PolicyParams | undefined {
  const version = versionFor(policy, dateOfService);
  if (!version) return undefined;
  const overlay = overlayFor(policy, payer, dateOfService);
  return overlay ? { ...version.params, ...overlay.params } : version.params;
}

export function priorAuthFor(
  policyId: PolicyId | undefined,
  payer: PayerDef,
  service: PlannedService,
  dateOfService: string,
): PriorAuthDecision {
  if (payer.priorAuth.kind === 'medicare') return medicarePriorAuth(service, dateOfService);
  if (payer.priorAuth.kind === 'plan-list') return { required: 'depends', reason: payer.priorAuth.reason };
  const known = policyId ? payer.priorAuth.byPolicy[policyId] : undefined;
  if (known === undefined)
    return { required: 'depends', reason: `${payer.name} has no prior-authorization rule on file for this service.` };
  return known
    ? { required: true, program: payer.name, reason: `${payer.name} requires prior authorization for this service.` }
    : { required: false, reason: `${payer.name} does not require prior authorization for this service.` };
}

/** Lower case, punctuation as spaces: a name is matched by whole words, so "BCBS MA" is not found in "BCBS Maine". */
function words(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function matchCoverage(c: CoverageFact): PayerDef | undefined {
  const id = c.payerId?.trim().toUpperCase();
  if (id) {
    const byId = PAYERS.find((p) => p.match.identifiers.includes(id));
    if (byId) return byId;
  }
  // A Medicare type code says which Medicare before a carrier's name can: "Humana" with SOPT 111 is Humana's Medicare
  // Advantage plan, not its commercial plan, and "Medicare" with 111 is not Original Medicare.
  const type = c.typeCode?.trim().toUpperCase();
  const byType = type ? PAYERS.find((p) => p.match.sopt.includes(type)) : undefined;
  if (byType && type !== '1') return byType;
  const name = c.payerName ? words(c.payerName) : '';
  if (name) {
    const byName =
      PAYERS.find((p) => p.match.names.some((n) => name === n)) ??
      PAYERS.find((p) => p.match.names.some((n) => ` ${name} `.includes(` ${n} `)));
    if (byName) return byName;
  }
  return byType;
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
  if (!primary)
    return {
      payer: baselineRef('none', 'No coverage on file', 'No active coverage found; the Medicare LCD baseline is used.'),
      policySet: UNKNOWN_PAYER,
    };
  const def = matchCoverage(primary);
  if (def) return { payer: { id: def.id, name: primary.payerName ?? def.name, fellBackToBaseline: false }, policySet: def };
  const name = primary.payerName ?? primary.payerId ?? 'Unknown payer';
  return {
    payer: baselineRef(primary.payerId ?? primary.id, name, `${name} is not a payer ClaimReady knows; the Medicare LCD baseline is used.`),
    policySet: UNKNOWN_PAYER,
  };
}

/** The payer definition behind a PayerRef or payer id; unknown ids fall back to the baseline. */
export function payerDefFor(payer: PayerRef | string): { payer: PayerRef; policySet: PayerDef } {
  if (typeof payer !== 'string') {
    const def = payer.fellBackToBaseline ? UNKNOWN_PAYER : payerById(payer.id);
    if (def) return { payer, policySet: def };
    return {
      payer: {
        ...payer,
        fellBackToBaseline: true,
        note: `${payer.name} is not a payer ClaimReady knows; the Medicare LCD baseline is used.`,
      },
      policySet: UNKNOWN_PAYER,
    };
  }
  const def = payerById(payer);
  if (def) return { payer: { id: def.id, name: def.name, fellBackToBaseline: false }, policySet: def };
  return {
    payer: baselineRef(payer, payer, `${payer} is not a payer ClaimReady knows; the Medicare LCD baseline is used.`),
    policySet: UNKNOWN_PAYER,
  };
}
