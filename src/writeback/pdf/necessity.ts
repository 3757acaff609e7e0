// The medical-necessity document a payer's reviewer reads in two minutes. Page one: who (patient, member id,
// payer), what (codes with our own short labels, ICD-10-CM, levels, side, date or requested period, place of
// service), under which policy (the payer's own, or the Medicare baseline where that is the source), and each
// criterion met with its evidence and date. Then the supporting detail chosen for this request (current pain and a
// short trend, function, the dated conservative-care course, the region's prior procedures and their response,
// concordant imaging) and the ordering clinician's attestation. Nothing ClaimReady wrote is cited as evidence.
import { placeOfServiceFor } from '../place-of-service';
import type { ClinicalPicture, Evidence, PlannedService } from '../../policy/picture';
import type { Assessment, CodingSuggestion, Finding } from '../../policy/verdicts';
import { regionGroupOf, serviceDef } from '../../policy/services';
import type { PasBuild } from '../pas/bundle';
import { focalCoverage } from '../pas/parties';
import type { PacketParty, Section } from './summary';
import { citesOnly, durationMessage, latestScores, outsideRequest, painSince, policyNaming, withoutCodes, type PainSince } from './facts';
import { narrative } from './narrative';

const POS: Record<string, string> = {
  '11': 'office',
  '19': 'off-campus outpatient hospital',
  '22': 'on-campus outpatient hospital',
  '24': 'ambulatory surgical center',
};
const TREND_MAX = 4;
const CARE_MAX = 6;
const OUTCOME: Record<string, string> = {
  failed: 'failed',
  helped: 'helped',
  ongoing: 'ongoing',
  contraindicated: 'contraindicated',
  'not-tolerated': 'not tolerated',
  unknown: 'outcome not documented',
};
/** A sentence from a finding or report text, ending in exactly one period. */
const sentence = (t: string): string => `${t.trim().replace(/[.\s]+$/, '')}.`;

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : 'undated');
const ownOutput = (e: Evidence): boolean => e.ref.startsWith('ClaimReady/') || e.ref.includes('claimready');

function evidenceText(e: Evidence): string {
  const quote = e.quote ? ` ("${e.quote.text.length > 140 ? `${e.quote.text.slice(0, 137)}...` : e.quote.text}")` : '';
  // The order is named as the order: its text alone ("Left L5-S1 TFESI, 2026-11-02") reads as a procedure already done.
  if (e.ref.startsWith('ServiceRequest/')) return `the order "${e.display}"${e.date ? `, dated ${day(e.date)}` : ''}`;
  return `${e.display}${quote}${e.date ? `, ${day(e.date)}` : ''}`;
}

interface CriterionContext {
  outside: { refs: Set<string>; codes: Set<string> };
  since: PainSince | undefined;
  asOf: string;
  sourceOf: (f: Finding) => string | undefined;
}

function criterionLines(f: Finding, c: CriterionContext): string[] {
  const mark = f.status === 'met' ? 'MET' : f.status === 'missing' ? 'NOT DOCUMENTED' : 'NOT MET';
  const ev = citesOnly(
    f.evidence.filter((e) => !ownOutput(e)),
    c.outside.refs,
  );
  const seen = new Set<string>();
  const unique = ev.filter((e) =>
    seen.has(`${e.ref}|${e.quote?.start ?? ''}`) ? false : (seen.add(`${e.ref}|${e.quote?.start ?? ''}`), true),
  );
  // One line a reviewer can check: the record's clinical entry, preferring a dated one over the order itself; a
  // problem-list entry proves only a diagnosis (image guidance or levels are shown by the order, not by the diagnosis).
  const rank = (e: Evidence): number =>
    (e.ref.startsWith('ServiceRequest/') ? 2 : 0) +
    (e.date ? 0 : 1) +
    (e.ref.startsWith('Condition/') && f.category !== 'diagnosis' ? 3 : 0);
  const best = [...unique].sort((x, y) => rank(x) - rank(y))[0];
  const shown = best
    ? [
        `    Evidence: ${evidenceText(best)}${unique.length > 1 ? ` (+${unique.length - 1} more ${unique.length === 2 ? 'entry' : 'entries'} in the record)` : ''}`,
      ]
    : [];
  const text = f.requirementId.endsWith('pain-duration')
    ? durationMessage(f, c.since, c.asOf)
    : withoutCodes(f.message, c.outside.codes).replace(/\b(\d+)\.\d+ weeks\b/g, '$1 weeks'); // whole weeks, never rounded up
  const source = c.sourceOf(f);
  return [
    `- ${mark}: ${sentence(text)}${source ? ` (${source})` : ''}`,
    ...(f.status === 'met' ? shown : f.fix ? [`    Needed: ${f.fix}`] : []),
  ];
}

/** A criterion about diagnoses outside the request only (a problem-list code that cannot be billed) is not one of
 * this request's criteria. */
function aboutRequest(f: Finding, outsideCodes: ReadonlySet<string>): boolean {
  if (f.requirementId !== 'dx-code-valid' || f.status === 'met') return true;
  const codes = f.message.match(/\b[A-TV-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?\b/g) ?? [];
  return !(codes.length > 0 && codes.every((x) => outsideCodes.has(x)));
}

/** A rule ClaimReady may not decide by (graded S2 or no text read): advice, not one of the payer's criteria. */
export const isAdvice = (f: Finding): boolean => !f.citation.verified || f.citation.grade === 'S2' || f.citation.grade === 'none';

const adviceSource = (f: Finding): string =>
  f.citation.grade === 'none' ? 'no coverage text read' : `secondary summary of ${f.citation.document}`;

export interface NecessityInput {
  picture: ClinicalPicture;
  service: PlannedService;
  assessment: Assessment;
  coding: CodingSuggestion;
  clinic: PacketParty;
  now: string;
  placeOfService?: string;
  requested: PasBuild['requested'];
  diagnoses: { code: string; label: string }[];
  /** The assessment's today: the date the pain's duration is counted to when no date of service is set. */
  today: string;
}

/** The day the assessment counted to (the core's dosOf): the planned date, else today. */
export const assessedOn = (i: Pick<NecessityInput, 'service' | 'today'>): string => (i.service.date ?? i.today).slice(0, 10);

export function necessitySections(i: NecessityInput): Section[] {
  const { picture: p, service: s, assessment: a, coding } = i;
  const pt = p.patient;
  const cov = focalCoverage(p, a);
  const when =
    'date' in i.requested
      ? `date of service ${i.requested.date}`
      : `requested period ${i.requested.period.start} to ${i.requested.period.end} (no date scheduled)`;
  const pos = placeOfServiceFor(s, i.placeOfService);
  const lines = coding.lines.length ? coding.lines : [{ code: s.code, label: '', modifiers: [], units: 1 }];
  const asOf = assessedOn(i);
  const naming = policyNaming(a, asOf);
  const outside = outsideRequest(p, new Set(i.diagnoses.map((d) => d.code)));
  const since = painSince(p, a, new Set(i.diagnoses.map((d) => d.code)), asOf);
  const ctx: CriterionContext = {
    outside,
    since,
    asOf: s.date ? `${asOf}, the date of service` : `${asOf} (no date of service scheduled)`,
    sourceOf: naming.sourceOf,
  };
  const relevant = a.findings.filter((f) => f.status !== 'not-applicable' && aboutRequest(f, outside.codes));
  // Only rules read from the payer's own text (or restated item by item) are its criteria; a rule from a secondary
  // summary or no text at all is advice, listed after the supporting detail and never counted as met criteria.
  const applicable = relevant.filter((f) => !isAdvice(f));
  const advice = relevant.filter(isAdvice);
  const met = applicable.filter((f) => f.status === 'met').length;

  const page1: Section[] = [
    {
      heading: 'Prior authorization request: medical necessity',
      lines: [
        `Patient: ${pt.name ?? 'name not recorded'}, born ${pt.birthDate ?? 'not recorded'}, ${pt.sex ?? 'sex not recorded'}; MRN ${pt.mrn ?? pt.id}`,
        `Member ID: ${cov?.memberId ?? cov?.subscriberId ?? 'NOT RECORDED'}; payer ${a.payer.name}${cov?.planName ? `, plan ${cov.planName}` : ''}`,
        `Requesting: ${i.clinic.clinicianName ?? 'ordering clinician not recorded'}${i.clinic.clinicianNpi ? ` (NPI ${i.clinic.clinicianNpi})` : ''}, ${i.clinic.clinicName}${i.clinic.clinicNpi ? ` (NPI ${i.clinic.clinicNpi})` : ''}`,
      ],
    },
    {
      heading: 'Requested service',
      lines: [
        ...lines.map(
          (l) =>
            `- ${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} x ${l.units}: ${serviceDef(l.code)?.label ?? l.label ?? ''}`,
        ),
        `Diagnoses (ICD-10-CM): ${i.diagnoses.map((d) => `${d.code} ${d.label}`.trim()).join('; ') || 'none coded'}`,
        `Region and levels: ${[s.region, s.levels.join(', ')].filter(Boolean).join(' ') || 'not specified'}; side: ${s.laterality ?? 'not specified'}`,
        `When: ${when}; place of service ${pos}${POS[pos] ? ` (${POS[pos]})` : ''}`,
      ],
    },
    {
      heading: applicable.length
        ? `Criteria of the payer's policy: ${met} of ${applicable.length} met`
        : "Criteria of the payer's policy: none held",
      lines: [
        `Policy: ${naming.statement}`,
        ...(applicable.length
          ? applicable.flatMap((f) => criterionLines(f, ctx))
          : ["- ClaimReady holds no text of this payer's criteria for this service; the record is summarised below."]),
      ],
    },
  ];
  // The duration is stated once: in its criterion when the policy has one, else in the detail.
  const stated = applicable.some((f) => f.requirementId.endsWith('pain-duration') && /Pain for about/.test(f.message));
  const summary: Section = { heading: 'Clinical summary', lines: [narrative(i, since, asOf)] };
  const [head, ...rest] = page1;
  const adviceSection: Section[] = advice.length
    ? [
        {
          heading: "Also checked: advice, not the payer's criteria",
          lines: [
            "These come from secondary summaries or general practice, not from the payer's own policy text; they are not counted above.",
            ...advice.flatMap((f) => criterionLines(f, { ...ctx, sourceOf: () => adviceSource(f) })),
          ],
        },
      ]
    : [];
  return [...(head ? [head, summary] : []), ...rest, ...detail(i, stated ? undefined : since), ...adviceSection, attestation(i)];
}

function detail(i: NecessityInput, since: PainSince | undefined): Section[] {
  const { picture: p, service: s } = i;
  const group = regionGroupOf(s.region);
  const inRegion = (r: string | undefined): boolean => !s.region || !r || regionGroupOf(r as never) === group;
  const out: Section[] = [];

  const scores = latestScores(p);
  const current = scores[0];
  const trend = scores.slice(0, TREND_MAX).map((x) => `${x.value}/10 on ${day(x.date)}`);
  const fn = [...p.functionalStatus].filter((f) => f.score !== undefined).sort((x, y) => y.date.localeCompare(x.date))[0];
  out.push({
    heading: 'Pain and function',
    lines: [
      current
        ? `- Current pain: ${current.instrument} ${current.value}/10 on ${day(current.date)}${trend.length > 1 ? `; recent scores ${trend.join(', ')}` : ''}.`
        : '- No pain scale is documented.',
      ...(since ? [`- Duration: ${since.text} as of ${assessedOn(i)} (since ${since.onset}; ${since.source}).`] : []),
      fn
        ? `- Function: ${fn.instrument ?? 'score'} ${fn.score ?? ''}${fn.instrument === 'ODI' || fn.instrument === 'NDI' ? '%' : ''} on ${day(fn.date)}${fn.limitation ? `; ${fn.limitation}` : ''}.`
        : '- No validated function score is documented.',
    ],
  });

  // The timeline a reviewer reads: the latest courses, oldest first; a decade of earlier ones is counted, not listed.
  const dated = p.conservativeCare
    .filter((c) => c.start || c.end)
    .sort((x, y) => (x.start ?? x.end ?? '').localeCompare(y.start ?? y.end ?? ''));
  const care = dated.slice(-CARE_MAX);
  const earlier = dated.slice(0, Math.max(0, dated.length - CARE_MAX));
  const span = (c: (typeof dated)[number]): string => (c.start ?? c.end ?? '').slice(0, 4);
  out.push({
    heading: 'Conservative care',
    lines: care.length
      ? [
          ...(earlier.length
            ? [`- ${earlier.length} earlier courses (${span(earlier[0]!)} to ${span(earlier[earlier.length - 1]!)}) are in the record.`]
            : []),
          ...care.map(
            (c) =>
              `- ${day(c.start)} to ${c.end ? day(c.end) : 'ongoing'}: ${withoutSpan(c.description)}${c.weeks !== undefined && c.end ? `, ${Math.round(c.weeks)} weeks` : ''}${c.outcome === 'ongoing' && !c.end ? '' : `; ${OUTCOME[c.outcome] ?? c.outcome}`}.`,
          ),
        ]
      : ['- No dated conservative care is documented.'],
  });

  const prior = p.procedureHistory
    .filter((x) => serviceDef(x.code) && x.status === 'completed' && inRegion(x.region))
    .sort((x, y) => x.date.localeCompare(y.date));
  if (prior.length) {
    out.push({
      heading: 'Prior procedures in this region and response',
      lines: prior.map((x) => {
        const relief = x.relief.length
          ? x.relief
              .map(
                (r) =>
                  `${r.percent}% ${r.measure} relief${r.durationHours !== undefined ? ` for ${r.durationHours < 48 ? `${Math.round(r.durationHours)} hours` : r.durationHours < 24 * 14 ? `${Math.round(r.durationHours / 24)} days` : r.durationHours < 24 * 56 ? `${Math.round(r.durationHours / 168)} weeks` : `${Math.round(r.durationHours / 730)} months`}` : ''}`,
              )
              .filter((r, k, all) => all.indexOf(r) === k)
              .join('; ')
          : 'response not documented';
        return `- ${day(x.date)}: ${x.code} ${serviceDef(x.code)?.label ?? ''} ${[x.levels.join(', '), x.laterality].filter(Boolean).join(' ')}: ${relief}.`;
      }),
    });
  }

  const imaging = p.imaging
    .filter((m) => inRegion(m.region) && (m.finding || m.date))
    .sort((x, y) => (y.date ?? '').localeCompare(x.date ?? ''))
    .slice(0, 2);
  out.push({
    heading: 'Imaging',
    lines: imaging.length
      ? imaging.map(
          (m) =>
            `- ${m.modality} ${day(m.date)}${m.levels.length ? ` (${m.levels.join(', ')})` : ''}: ${sentence(m.finding ?? 'report on file')}`,
        )
      : ['- No imaging of this region is documented.'],
  });
  return out;
}

/** A course's description without the date span the line already starts with ("Physical therapy, A to B"). */
const withoutSpan = (d: string): string => d.replace(/,?\s*\d{4}-\d{2}-\d{2} to (?:\d{4}-\d{2}-\d{2}|ongoing)\b/, '').trim() || d;

function attestation(i: NecessityInput): Section {
  return {
    heading: 'Attestation of the ordering clinician',
    lines: [
      'I ordered the service above and attest that it is medically necessary for this patient, and that the findings stated here are documented in the medical record.',
      `Clinician: ${i.clinic.clinicianName ?? '______________________'}   NPI: ${i.clinic.clinicianNpi ?? '__________'}`,
      'Signature: ______________________________   Date: ______________',
      `Prepared from the chart on ${i.now.slice(0, 10)} for the clinician's review and signature.`,
    ],
  };
}
