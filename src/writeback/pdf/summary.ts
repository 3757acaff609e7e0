// The packet's words: the medical-necessity summary written from the facts, the requested service with codes (our
// own labels, never AMA descriptors) and the policy's criteria each marked with its evidence. Pure; the PDF layer
// only lays these sections out, and the UI can show the same text.
import { placeOfServiceFor } from '../place-of-service';
import type { ClinicalPicture, Evidence, PlannedService } from '../../policy/picture';
import type { Assessment, CodingSuggestion, FindingStatus } from '../../policy/verdicts';
import { serviceDef } from '../../policy/services';
import { focalCoverage } from '../pas/parties';

export interface PacketParty {
  clinicName: string;
  clinicNpi?: string;
  clinicianName?: string;
  clinicianNpi?: string;
}

export interface PacketSummaryInput {
  picture: ClinicalPicture;
  service: PlannedService;
  assessment: Assessment;
  coding: CodingSuggestion;
  now: string;
  clinic: PacketParty;
  placeOfService?: string;
}

export interface Section {
  heading: string;
  /** Paragraphs; a line starting with "- " is a bullet. */
  lines: string[];
}

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : 'date not recorded');

export function formatHours(h: number): string {
  if (h < 48) return `${Math.round(h)} hours`;
  if (h < 24 * 14) return `${Math.round(h / 24)} days`;
  if (h < 730 * 2) return `${Math.round(h / 168)} weeks`;
  return `${Math.round(h / 730)} months`;
}

const STATUS_LABEL: Record<FindingStatus, string> = { met: 'MET', missing: 'MISSING', 'not-met': 'NOT MET', 'not-applicable': 'N/A' };

/** Evidence for a printed criterion: duplicates (same source and span) once, and at most `max` lines with a count
 * of the rest, so a 17-visit PT course does not bury the criteria. */
export function evidenceDigest(evidence: readonly Evidence[], max = 6): { shown: Evidence[]; more: number } {
  const seen = new Set<string>();
  const unique = evidence.filter((e) => {
    const k = `${e.ref}|${e.quote?.start ?? ''}|${e.display}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { shown: unique.slice(0, max), more: Math.max(0, unique.length - max) };
}

export function evidenceLine(e: Evidence): string {
  const quote = e.quote ? `: "${e.quote.text}"` : '';
  return `${e.display}${e.date ? ` (${day(e.date)})` : ''}${quote}`;
}

function sites(s: PlannedService): string {
  const parts = [s.region, s.levels.length ? s.levels.join(', ') : undefined, s.laterality].filter(Boolean);
  return parts.length ? parts.join(' / ') : 'not specified';
}

function painHistory(p: ClinicalPicture): string[] {
  const out: string[] = [];
  for (const d of p.painDuration) {
    out.push(
      `- Pain duration: ${d.weeks !== undefined ? `${Math.round(d.weeks)} weeks` : 'not stated'}${d.onset ? `, onset ${day(d.onset)}` : ''} as of ${day(d.asOf)}.`,
    );
  }
  for (const s of [...p.painScores].sort((a, b) => a.date.localeCompare(b.date))) {
    out.push(`- ${s.instrument} pain ${s.value}/10${s.context ? ` (${s.context})` : ''} on ${day(s.date)}.`);
  }
  for (const s of p.symptoms) {
    out.push(
      `- ${s.present ? 'Reports' : 'Denies'} ${s.kind.replace('-', ' ')} pain${s.region ? `, ${s.region}` : ''}${s.laterality ? `, ${s.laterality}` : ''}${s.date ? ` (${day(s.date)})` : ''}.`,
    );
  }
  return out.length ? out : ['- No pain scale or duration is documented.'];
}

function conservative(p: ClinicalPicture): string[] {
  const dated = p.conservativeCare
    .filter((c) => c.start || c.end)
    .sort((a, b) => (a.start ?? a.end ?? '').localeCompare(b.start ?? b.end ?? ''));
  const out = dated.map((c) => {
    const weeks = c.weeks !== undefined ? `, ${Math.round(c.weeks)} weeks` : '';
    return `- ${c.description} (${c.kind.replace(/-/g, ' ')}): ${day(c.start)} to ${c.end ? day(c.end) : 'ongoing'}${weeks}; outcome ${c.outcome.replace('-', ' ')}.`;
  });
  // Undated mentions (mostly from note text) are real but secondary: one line, so the dated course stays readable.
  const undated = p.conservativeCare
    .filter((c) => !c.start && !c.end)
    .map(
      (c) =>
        `${c.description} (${c.kind.replace(/-/g, ' ')}${c.weeks !== undefined ? `, ${Math.round(c.weeks)} weeks` : ''}${c.outcome === 'unknown' ? '' : `, ${c.outcome.replace('-', ' ')}`})`,
    );
  if (undated.length) out.push(`- Also documented, without dates: ${[...new Set(undated)].join('; ')}.`);
  return out.length ? out : ['- No conservative care is documented.'];
}

function functional(p: ClinicalPicture): string[] {
  const out = p.functionalStatus.map((f) => {
    const score =
      f.score !== undefined
        ? `${f.instrument ?? 'Score'} ${f.score}${f.instrument === 'ODI' || f.instrument === 'NDI' ? '%' : ''}`
        : undefined;
    return `- ${[score, f.limitation].filter(Boolean).join('; ')} on ${day(f.date)}.`;
  });
  return out.length ? out : ['- No functional assessment is documented.'];
}

function priorResponse(p: ClinicalPicture): string[] {
  const out = [...p.procedureHistory]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((x) => {
      const where = [x.region, x.levels.join(', '), x.laterality].filter(Boolean).join(' ');
      const relief = x.relief.length
        ? x.relief
            .map(
              (r) => `${r.percent}% ${r.measure} relief${r.durationHours !== undefined ? ` lasting ${formatHours(r.durationHours)}` : ''}`,
            )
            .join('; ')
        : 'response not documented';
      const label = serviceDef(x.code)?.label ?? x.display;
      // A procedure told only in a note has no code: say where it comes from, and how sure its date is.
      const when = x.datePrecision ? `${x.datePrecision === 'month' ? 'in the month of' : 'in the year of'} ${day(x.date)}` : day(x.date);
      const what = x.code ? `${x.code} ${label}` : `${label}${x.outside ? ', done elsewhere' : ''}, told in a note`;
      return `- ${when}: ${what}${where ? ` (${where})` : ''}: ${relief}.`;
    });
  return out.length ? out : ['- No prior interventional procedures are documented.'];
}

function imaging(p: ClinicalPicture): string[] {
  const out = p.imaging
    .filter((i) => i.date || i.finding)
    .map(
      (i) => `- ${i.modality} ${day(i.date)}${i.levels.length ? ` (${i.levels.join(', ')})` : ''}: ${i.finding ?? 'finding not recorded'}.`,
    );
  return out.length ? out : ['- No imaging is documented.'];
}

export function packetSections(input: PacketSummaryInput): Section[] {
  const { picture: p, service, assessment: a, coding, clinic } = input;
  const pt = p.patient;
  const cov = focalCoverage(p, a);
  const memberId = cov?.memberId ?? cov?.subscriberId;
  const dos = service.date ?? coding.dateOfService;
  const header: Section = {
    heading: 'Prior authorization request: medical necessity summary',
    lines: [
      `Requesting clinic: ${clinic.clinicName}${clinic.clinicNpi ? `, NPI ${clinic.clinicNpi}` : ''}`,
      ...(clinic.clinicianName
        ? [`Ordering clinician: ${clinic.clinicianName}${clinic.clinicianNpi ? `, NPI ${clinic.clinicianNpi}` : ''}`]
        : []),
      `Patient: ${pt.name ?? 'name not recorded'}; date of birth ${pt.birthDate ?? 'not recorded'}; sex ${pt.sex ?? 'not recorded'}; MRN ${pt.mrn ?? pt.id}`,
      `Payer: ${a.payer.name}${memberId ? `; member ID ${memberId}` : ''}${cov?.planName ? `; plan ${cov.planName}` : ''}`,
      `Prepared: ${input.now}`,
    ],
  };
  const requested: Section = {
    heading: 'Requested service',
    lines: [
      ...coding.lines.map(
        (l) =>
          `- ${l.code}${l.modifiers.length ? `-${l.modifiers.join('-')}` : ''} x ${l.units}: ${l.label || serviceDef(l.code)?.label || ''}`,
      ),
      ...(coding.lines.length ? [] : [`- ${service.code}: ${serviceDef(service.code)?.label ?? ''}`]),
      `Planned date of service: ${dos ? day(dos) : 'not scheduled'}; place of service ${placeOfServiceFor(input.service, input.placeOfService)}`,
      `Levels and laterality: ${sites(service)}`,
      `Diagnoses: ${coding.diagnoses.map((d) => `${d.code} ${d.label}`).join('; ') || service.reasonIcd10.join('; ') || 'none coded'}`,
    ],
  };
  const siteNotes = p.siteMentions
    .filter((s) => s.context === 'plan' || s.context === 'exam')
    .map(
      (s) =>
        `- Documented ${s.context}: ${[s.region, s.levels.join(', '), s.laterality, s.target].filter(Boolean).join(' ')}${s.date ? ` (${day(s.date)})` : ''}.`,
    );
  const criteria: Section = {
    heading: `Policy criteria: ${a.policy.title} (${a.policy.citation.document}, ${a.policy.citation.section})`,
    lines: [
      `Overall: ${a.verdict === 'ready' ? 'all required criteria documented' : a.verdict === 'incomplete' ? 'documentation incomplete' : 'criteria not met'}. Prior authorization required: ${a.priorAuth.required === 'depends' ? `depends (${a.priorAuth.reason})` : a.priorAuth.required ? 'yes' : 'no'}.`,
      ...a.findings.flatMap((f) => [
        `- [${STATUS_LABEL[f.status]}] ${f.message}${f.severity === 'warning' ? ' (advisory)' : ''} (${f.citation.document}, ${f.citation.section}${f.citation.verified ? '' : '; threshold not confirmed'})`,
        ...(() => {
          const { shown, more } = evidenceDigest(f.evidence);
          return [
            ...shown.map((e) => `    Evidence: ${evidenceLine(e)}`),
            ...(more ? [`    Evidence: and ${more} more in the chart`] : []),
          ];
        })(),
      ]),
    ],
  };
  const unique = (lines: string[]): string[] => [...new Set(lines)];
  return [
    header,
    requested,
    { heading: 'Pain history', lines: unique(painHistory(p)) },
    { heading: 'Conservative care tried', lines: conservative(p) },
    { heading: 'Functional impairment', lines: functional(p) },
    { heading: 'Levels and laterality', lines: unique([`- Requested: ${sites(service)}.`, ...siteNotes]) },
    { heading: 'Response to prior procedures', lines: priorResponse(p) },
    { heading: 'Imaging', lines: imaging(p) },
    criteria,
  ];
}
