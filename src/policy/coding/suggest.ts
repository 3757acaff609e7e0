// suggestCoding: services + picture -> claim lines, diagnoses with pointers, and the edits a payer would raise.
import type { CodedDiagnosis, CodingEdit, CodingLine, CodingSuggestion } from '../verdicts';
import type { ClinicalPicture, EncounterFact, PlannedService, SpinalRegion } from '../picture';
import { dayOf } from '../dates';
import { isEsi, isFacet, serviceDef } from '../services';
import { bilateralStyleFor, type BilateralStyle } from './data/payer-coding';
import { ptpPair } from './data/lookup';
import { buildDiagnoses, pointersFor } from './diagnoses';
import { isEm, visitWorkOn } from './edits-claim';
import { validateLines } from './edits';
import { linesForService, serviceForLine } from './lines';
import { CITE } from './citations';
import { kxModifiers } from './edits-kx';

export interface SuggestOptions {
  today: string;
  dateOfService?: string;
  payerId?: string;
  bilateralStyle?: BilateralStyle;
}

const IMAGING_CODES = new Set(['77003', '77012']);

function spinal(code: string): boolean {
  const k = serviceDef(code)?.kind;
  return k !== undefined && (isEsi(k) || isFacet(k));
}

const normRegion = (r: SpinalRegion | undefined): SpinalRegion | undefined => (r === 'sacral' ? 'lumbar' : r);

/** What in the record shows two services were at separate sites (the basis for XS), or undefined. */
export function distinctSite(a: PlannedService, b: PlannedService): string | undefined {
  if (a.region && b.region && normRegion(a.region) !== normRegion(b.region))
    return `different spinal regions (${a.region} and ${b.region})`;
  if (spinal(a.code) && spinal(b.code)) {
    if (a.levels.length > 0 && b.levels.length > 0 && !a.levels.some((l) => b.levels.includes(l)))
      return `different levels (${a.levels.join(', ')} and ${b.levels.join(', ')})`;
    return undefined;
  }
  const ka = serviceDef(a.code)?.kind;
  const kb = serviceDef(b.code)?.kind;
  if (ka && kb && ka !== kb) return `different structures (${ka} and ${kb})`;
  return undefined;
}

function resolveDate(picture: ClinicalPicture, services: readonly PlannedService[], opts: SuggestOptions): string {
  return dayOf(opts.dateOfService ?? services.find((s) => s.date)?.date ?? picture.encounter?.date ?? opts.today);
}

export function suggestCoding(picture: ClinicalPicture, services: PlannedService[], opts: SuggestOptions): CodingSuggestion {
  const dateOfService = resolveDate(picture, services, opts);
  const style = opts.bilateralStyle ?? bilateralStyleFor(opts.payerId);
  const extra: CodingEdit[] = [];
  const includesImaging = services.some((s) => {
    const d = serviceDef(s.code);
    return d?.includesImaging || (d && ['62320', '62322', '62324', '62326'].includes(d.code));
  });
  const imagingOrdered = services.some((s) => IMAGING_CODES.has(s.code));

  const lines: CodingLine[] = [];
  const lineService: PlannedService[] = [];
  for (const svc of services) {
    if (IMAGING_CODES.has(svc.code) && includesImaging) {
      extra.push({
        kind: 'bundling',
        severity: 'info',
        message: `${svc.code} (imaging guidance) was not added as a line: it is included in the injection code.`,
        lines: [],
        citation: CITE.imaging,
        evidence: svc.evidence,
      });
      continue;
    }
    for (const d of linesForService(svc, style, imagingOrdered)) {
      lines.push({
        code: d.code,
        label: serviceDef(d.code)?.label ?? 'Code not in catalogue',
        modifiers: d.modifiers,
        units: d.units,
        diagnosisPointers: [],
        evidence: [...svc.evidence],
        rationale: d.rationale,
      });
      lineService.push(svc);
    }
  }

  kxModifiers(lines, lineService, picture, dateOfService, opts.payerId);

  // Modifier 25 only on documented separate work that day.
  const work = visitWorkOn(picture, dateOfService);
  const encounterEm = emFromEncounter(picture, dateOfService);
  if (encounterEm && !lines.some((l) => isEm(l.code)) && lines.some((l) => spinalOrProcedure(l.code))) {
    const { code, encounter } = encounterEm;
    if (work.length > 0) {
      lines.unshift({
        code,
        label: serviceDef(code)?.label ?? code,
        modifiers: [],
        units: 1,
        diagnosisPointers: [],
        evidence: [...encounter.evidence],
        rationale: [`Office visit ${code} coded on the encounter of ${dateOfService}`],
      });
      lineService.unshift({
        code,
        kind: serviceDef(code)!.kind,
        levels: [],
        reasonIcd10: [],
        source: 'coded',
        evidence: encounter.evidence,
        date: dateOfService,
      });
    } else {
      extra.push({
        kind: 'modifier',
        severity: 'warning',
        message: `${code} is coded on the encounter of ${dateOfService} but was not added: on a procedure day the visit is included in the procedure unless the note shows significant, separately identifiable E/M work, and none was found.`,
        lines: [],
        citation: CITE.mod25,
        evidence: encounter.evidence,
      });
    }
  }
  const hasProcedure = lines.some((l) => !isEm(l.code) && spinalOrProcedure(l.code));
  for (const l of lines) {
    if (!isEm(l.code) || !hasProcedure) continue;
    if (work.length > 0) {
      l.modifiers.push('25');
      l.rationale.push(
        `Modifier 25: separately identifiable E/M work documented on ${dateOfService}: ${work.map((w) => w.description).join('; ')}`,
      );
      l.evidence.push(...work.flatMap((w) => w.evidence));
    } else {
      l.rationale.push('No separately identifiable E/M work found on the procedure day: modifier 25 not added');
    }
  }

  // 59/X only where the pair has modifier indicator 1 and the record shows separate sites.
  lines.forEach((b, j) => {
    lines.forEach((a, i) => {
      if (i === j) return;
      const pair = ptpPair(a.code, b.code);
      if (!pair || pair.column1 !== a.code || pair.column2 !== b.code || pair.indicator !== 1) return;
      if (b.modifiers.some((m) => ['59', 'XE', 'XS', 'XP', 'XU'].includes(m))) return;
      const why = distinctSite(lineService[i]!, lineService[j]!);
      if (!why) return;
      b.modifiers.push('XS');
      b.rationale.push(`XS: NCCI pair ${a.code}/${b.code} allows a bypass (indicator 1) and the record shows ${why}`);
    });
  });

  const diagnoses: CodedDiagnosis[] = buildDiagnoses(picture, services, dateOfService);
  const procedureReasons = services.filter((x) => spinalOrProcedure(x.code) && !isEm(x.code)).flatMap((x) => x.reasonIcd10);
  const separateVisit = lines.some((l) => isEm(l.code) && l.modifiers.includes('25'));
  lines.forEach((l, i) => {
    const svc = lineService[i] ?? serviceForLine(l, services);
    l.diagnosisPointers = pointersFor(l.code, svc, diagnoses, isEm(l.code) ? { procedureReasons } : { reasonsOnly: separateVisit });
  });

  const edits = [
    ...validateLines(lines, diagnoses, { picture, services, dateOfService, ...(opts.payerId ? { payerId: opts.payerId } : {}) }),
    ...extra,
  ];
  return { dateOfService, lines, diagnoses, edits };
}

/** An E/M CPT code on the encounter of the date of service (the EHR's visit coding), when there is one. */
function emFromEncounter(picture: ClinicalPicture, dateOfService: string): { code: string; encounter: EncounterFact } | undefined {
  const candidates = [picture.encounter, ...picture.encounters].filter(
    (e): e is EncounterFact => e !== undefined && dayOf(e.date) === dateOfService,
  );
  for (const encounter of candidates) {
    const code = encounter.types.map((t) => t.code ?? '').find((c) => isEm(c));
    if (code) return { code, encounter };
  }
  return undefined;
}

function spinalOrProcedure(code: string): boolean {
  const k = serviceDef(code)?.kind;
  return k !== undefined && !['drug', 'imaging-guidance', 'chronic-pain-management', 'physical-therapy', 'other'].includes(k);
}
