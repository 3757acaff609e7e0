// The medical-necessity document a payer's reviewer reads in two minutes. Page one: who (patient, member id,
// payer), what (codes with our own short labels, ICD-10-CM, levels, side, date or requested period, place of
// service), under which policy (the payer's own, or the Medicare baseline where that is the source), and each
// criterion met with its evidence and date. Then the supporting detail chosen for this request (current pain and a
// short trend, function, the dated conservative-care course, the region's prior procedures and their response,
// concordant imaging) and the ordering clinician's attestation. Nothing ClaimReady wrote is cited as evidence.
import type { ClinicalPicture, Evidence, PlannedService } from '../../policy/picture';
import type { Assessment, CodingSuggestion, Finding } from '../../policy/verdicts';
import { regionGroupOf, serviceDef } from '../../policy/services';
import type { PasBuild } from '../pas/bundle';
import type { PacketParty, Section } from './summary';

const POS: Record<string, string> = {
  '11': 'office',
  '19': 'off-campus outpatient hospital',
  '22': 'on-campus outpatient hospital',
  '24': 'ambulatory surgical center',
};
const TREND_MAX = 4;

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : 'undated');
const ownOutput = (e: Evidence): boolean => e.ref.startsWith('ClaimReady/') || e.ref.includes('claimready');

function duration(weeks: number): string {
  return weeks >= 26 ? `${Math.round(weeks / 4.345)} months` : `${Math.round(weeks)} weeks`;
}

function evidenceText(e: Evidence): string {
  const quote = e.quote ? ` ("${e.quote.text.length > 140 ? `${e.quote.text.slice(0, 137)}...` : e.quote.text}")` : '';
  return `${e.display}${quote}${e.date ? `, ${day(e.date)}` : ''}`;
}

function criterionLines(f: Finding): string[] {
  const mark = f.status === 'met' ? 'MET' : f.status === 'missing' ? 'NOT DOCUMENTED' : 'NOT MET';
  const ev = f.evidence.filter((e) => !ownOutput(e));
  const seen = new Set<string>();
  const unique = ev.filter((e) =>
    seen.has(`${e.ref}|${e.quote?.start ?? ''}`) ? false : (seen.add(`${e.ref}|${e.quote?.start ?? ''}`), true),
  );
  // One line a reviewer can check: the record's clinical entry, preferring a dated one over the order itself.
  const rank = (e: Evidence): number => (e.ref.startsWith('ServiceRequest/') ? 2 : 0) + (e.date ? 0 : 1);
  const best = [...unique].sort((x, y) => rank(x) - rank(y))[0];
  const shown = best
    ? [`    Evidence: ${evidenceText(best)}${unique.length > 1 ? ` (+${unique.length - 1} more in the record)` : ''}`]
    : [];
  return [`- ${mark}: ${f.message}`, ...(f.status === 'met' ? shown : f.fix ? [`    Needed: ${f.fix}`] : [])];
}

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
}

export function necessitySections(i: NecessityInput): Section[] {
  const { picture: p, service: s, assessment: a, coding } = i;
  const pt = p.patient;
  const cov = p.coverages.filter((c) => c.status === 'active').sort((x, y) => (x.order ?? 99) - (y.order ?? 99))[0];
  const when =
    'date' in i.requested
      ? `date of service ${i.requested.date}`
      : `requested period ${i.requested.period.start} to ${i.requested.period.end} (no date scheduled)`;
  const pos = i.placeOfService ?? '11';
  const lines = coding.lines.length ? coding.lines : [{ code: s.code, label: '', modifiers: [], units: 1 }];
  const policy = a.payer.fellBackToBaseline
    ? `${a.policy.title} (${a.policy.citation.document}): Medicare baseline, applied because ${a.payer.name} is not a recognised plan`
    : `${a.policy.title} (${a.policy.citation.document}, ${a.policy.citation.section})`;
  const applicable = a.findings.filter((f) => f.status !== 'not-applicable');
  const met = applicable.filter((f) => f.status === 'met').length;

  const page1: Section[] = [
    {
      heading: 'Prior authorization request: medical necessity',
      lines: [
        `Patient: ${pt.name ?? 'name not recorded'}, born ${pt.birthDate ?? 'not recorded'}, ${pt.sex ?? 'sex not recorded'}; MRN ${pt.mrn ?? pt.id}`,
        `Member ID: ${cov?.subscriberId ?? 'NOT RECORDED'}; payer ${a.payer.name}${cov?.planName ? `, plan ${cov.planName}` : ''}`,
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
      heading: `Criteria of the payer's policy: ${met} of ${applicable.length} met`,
      lines: [`Policy: ${policy}`, ...applicable.flatMap(criterionLines)],
    },
  ];
  return [...page1, ...detail(i), attestation(i)];
}

function detail(i: NecessityInput): Section[] {
  const { picture: p, service: s } = i;
  const group = regionGroupOf(s.region);
  const inRegion = (r: string | undefined): boolean => !s.region || !r || regionGroupOf(r as never) === group;
  const out: Section[] = [];

  const scores = [...p.painScores].sort((x, y) => y.date.localeCompare(x.date));
  const current = scores[0];
  const trend = scores.slice(0, TREND_MAX).map((x) => `${x.value}/10 on ${day(x.date)}`);
  const dur = [...p.painDuration].filter((d) => d.weeks !== undefined).sort((x, y) => y.asOf.localeCompare(x.asOf))[0];
  const fn = [...p.functionalStatus].filter((f) => f.score !== undefined).sort((x, y) => y.date.localeCompare(x.date))[0];
  out.push({
    heading: 'Pain and function',
    lines: [
      current
        ? `- Current pain: ${current.instrument} ${current.value}/10 on ${day(current.date)}${trend.length > 1 ? `; recent scores ${trend.join(', ')}` : ''}.`
        : '- No pain scale is documented.',
      ...(dur?.weeks !== undefined
        ? [`- Duration: ${duration(dur.weeks)} as of ${day(dur.asOf)}${dur.onset ? ` (onset ${day(dur.onset)})` : ''}.`]
        : []),
      fn
        ? `- Function: ${fn.instrument ?? 'score'} ${fn.score ?? ''}${fn.instrument === 'ODI' || fn.instrument === 'NDI' ? '%' : ''} on ${day(fn.date)}${fn.limitation ? `; ${fn.limitation}` : ''}.`
        : '- No validated function score is documented.',
    ],
  });

  const care = p.conservativeCare
    .filter((c) => c.start || c.end)
    .sort((x, y) => (x.start ?? x.end ?? '').localeCompare(y.start ?? y.end ?? ''));
  out.push({
    heading: 'Conservative care',
    lines: care.length
      ? care.map(
          (c) =>
            `- ${day(c.start)} to ${c.end ? day(c.end) : 'ongoing'}: ${c.description}${c.weeks !== undefined ? `, ${Math.round(c.weeks)} weeks` : ''}; ${c.outcome.replace('-', ' ')}.`,
        )
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
          (m) => `- ${m.modality} ${day(m.date)}${m.levels.length ? ` (${m.levels.join(', ')})` : ''}: ${m.finding ?? 'report on file'}.`,
        )
      : ['- No imaging of this region is documented.'],
  });
  return out;
}

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
