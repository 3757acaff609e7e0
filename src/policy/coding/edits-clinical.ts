// Edits that compare the claim with the record: diagnoses and pointers, LCD diagnosis coverage, levels and
// laterality between order, note and lines, per-session level limits, and frequency over a rolling 12 months.
import type { CodedDiagnosis, CodingEdit, CodingLine } from '../verdicts';
import type { ClinicalPicture, Evidence, Laterality, PlannedService, ServiceKind, SiteMention, SpinalRegion } from '../picture';
import { familyKinds, serviceDef } from '../services';
import { compareIso, dayOf, inRollingWindow } from '../dates';
import { regionOfLevel, sameLevels } from '../levels';
import { lcdCovers, lcdDxFor } from './lcd-dx';
import { MAX_POINTERS } from './diagnoses';
import { isSidedCode, serviceForLine } from './lines';
import { CITE, LCD_LIMITS } from './citations';

export function diagnosisEdits(lines: readonly CodingLine[], diagnoses: readonly CodedDiagnosis[], dateOfService: string): CodingEdit[] {
  const out: CodingEdit[] = [];
  diagnoses.forEach((d, di) => {
    if (d.billable) return;
    const pointing = lines.map((l, i) => (l.diagnosisPointers.includes(di + 1) ? i : -1)).filter((i) => i >= 0);
    const use =
      d.successors && d.successors.length > 0 ? ` Use one of: ${d.successors.join(', ')}.` : ' Use a more specific billable code.';
    out.push({
      kind: 'invalid-code',
      severity: 'error',
      message: `${d.code} is not billable for a service on ${dayOf(dateOfService)} (deleted or a category header).${use}`,
      lines: pointing,
      citation: CITE.icd10,
      evidence: d.evidence,
    });
  });
  lines.forEach((l, i) => {
    if (l.diagnosisPointers.length === 0)
      out.push({
        kind: 'invalid-code',
        severity: 'error',
        message: `${l.code}: no diagnosis pointer; every line needs at least one.`,
        lines: [i],
        citation: CITE.claimForm,
      });
    if (l.diagnosisPointers.length > MAX_POINTERS)
      out.push({
        kind: 'invalid-code',
        severity: 'error',
        message: `${l.code}: at most ${MAX_POINTERS} diagnosis pointers per line.`,
        lines: [i],
        citation: CITE.claimForm,
      });
    const bad = l.diagnosisPointers.filter((p) => !Number.isInteger(p) || p < 1 || p > diagnoses.length);
    if (bad.length > 0)
      out.push({
        kind: 'invalid-code',
        severity: 'error',
        message: `${l.code}: pointer(s) ${bad.join(', ')} do not point at a diagnosis.`,
        lines: [i],
        citation: CITE.claimForm,
      });
    const list = lcdDxFor(serviceDef(l.code)?.kind ?? 'other');
    const pointed = l.diagnosisPointers.map((p) => diagnoses[p - 1]).filter((d): d is CodedDiagnosis => d !== undefined);
    if (!list || pointed.length === 0) return;
    const covered = pointed.filter((d) => lcdCovers(list, d.code));
    const severity = list.citation.verified ? 'error' : 'warning';
    if (covered.length === 0) {
      out.push({
        kind: 'lcd-dx',
        severity,
        message: `${l.code}: none of ${pointed.map((d) => d.code).join(', ')} is a diagnosis the LCD covers for this procedure.`,
        lines: [i],
        citation: list.citation,
        evidence: pointed.flatMap((d) => d.evidence),
      });
    } else if (!lcdCovers(list, pointed[0]!.code)) {
      out.push({
        kind: 'lcd-dx',
        severity: 'info',
        message: `${l.code}: the first diagnosis (${pointed[0]!.code}) is not one the LCD covers; point ${covered[0]!.code} first.`,
        lines: [i],
        citation: list.citation,
      });
    }
  });
  return out;
}

type Family = { svc: PlannedService; idx: number[] };

function families(lines: readonly CodingLine[], services: readonly PlannedService[]): Family[] {
  const out: Family[] = [];
  lines.forEach((l, i) => {
    const svc = serviceForLine(l, services);
    if (!svc) return;
    const f = out.find((x) => x.svc === svc);
    if (f) f.idx.push(i);
    else out.push({ svc, idx: [i] });
  });
  return out;
}

function sideOf(lines: readonly CodingLine[], idx: readonly number[]): Laterality | 'none' {
  const sided = idx.map((i) => lines[i]!).filter((l) => isSidedCode(l.code));
  if (sided.length === 0) return 'none';
  if (sided.some((l) => l.modifiers.includes('50'))) return 'bilateral';
  const rt = sided.some((l) => l.modifiers.includes('RT'));
  const lt = sided.some((l) => l.modifiers.includes('LT'));
  return rt && lt ? 'bilateral' : rt ? 'right' : lt ? 'left' : 'none';
}

/** Levels the lines bill: primary + add-on units; a facet 3rd-level code (64492/64495) means "three or more". */
function billedLevels(lines: readonly CodingLine[], idx: readonly number[]): { count: number; orMore: boolean } {
  const perCode = new Map<string, number>();
  for (const i of idx) {
    const l = lines[i]!;
    const def = serviceDef(l.code);
    if (!def?.perLevel) continue;
    // RT and LT lines of one code bill the same levels on each side.
    perCode.set(l.code, Math.max(perCode.get(l.code) ?? 0, l.units));
  }
  let count = 0;
  let orMore = false;
  for (const [code, units] of perCode) {
    const def = serviceDef(code)!;
    // Facet codes stand for the 1st, 2nd and 3rd+ level: each unit is one more level billed (64494 x3 bills three
    // second levels, which no order can match).
    count += units;
    if ((def.kind === 'facet-mbb' || def.kind === 'facet-ia') && def.levelOrdinal === 3) orMore = true;
  }
  return { count, orMore };
}

function planMentions(picture: ClinicalPicture, svc: PlannedService, dateOfService: string): SiteMention[] {
  return picture.siteMentions.filter((m) => {
    if (m.context !== 'plan') return false;
    if (m.date && dayOf(m.date) !== dayOf(dateOfService)) return false;
    const region = m.region ?? (m.levels[0] ? regionOfLevel(m.levels[0]) : undefined);
    return !svc.region || !region || sameRegion(region, svc.region);
  });
}

function sameRegion(a: SpinalRegion, b: SpinalRegion): boolean {
  const n = (r: SpinalRegion): SpinalRegion => (r === 'sacral' ? 'lumbar' : r);
  return n(a) === n(b);
}

export function siteEdits(
  lines: readonly CodingLine[],
  picture: ClinicalPicture,
  services: readonly PlannedService[],
  dateOfService: string,
): CodingEdit[] {
  const out: CodingEdit[] = [];
  for (const { svc, idx } of families(lines, services)) {
    const def = serviceDef(svc.code);
    const label = `${svc.code}${svc.levels.length ? ` ${svc.levels.join(', ')}` : ''}`;
    for (const m of planMentions(picture, svc, dateOfService)) {
      const ev: Evidence[] = [...svc.evidence, ...m.evidence];
      if (m.laterality && svc.laterality && m.laterality !== svc.laterality) {
        out.push({
          kind: 'laterality',
          severity: 'error',
          message: `${label}: the order says ${svc.laterality}, the note's plan says ${m.laterality}. Correct one before billing.`,
          lines: idx,
          citation: CITE.siteConsistency,
          evidence: ev,
        });
      }
      if (m.levels.length > 0 && svc.levels.length > 0 && !sameLevels(m.levels, svc.levels)) {
        out.push({
          kind: 'levels',
          severity: 'error',
          message: `${label}: the order names ${svc.levels.join(', ')}, the note's plan names ${m.levels.join(', ')}.`,
          lines: idx,
          citation: CITE.siteConsistency,
          evidence: ev,
        });
      }
    }
    for (const i of idx) {
      const ld = serviceDef(lines[i]!.code);
      const region = svc.region ?? (svc.levels[0] ? regionOfLevel(svc.levels[0]) : undefined);
      const group = region === 'cervical' || region === 'thoracic' ? 'cervical-thoracic' : region ? 'lumbar-sacral' : undefined;
      if (ld?.regionGroup && group && ld.regionGroup !== group) {
        out.push({
          kind: 'levels',
          severity: 'error',
          message: `${lines[i]!.code} is a ${ld.regionGroup} code but the order is for the ${region} spine.`,
          lines: [i],
          citation: CITE.siteConsistency,
          evidence: svc.evidence,
        });
      }
    }
    const side = sideOf(lines, idx);
    if (side !== 'none' || (svc.laterality === 'bilateral' && idx.some((i) => isSidedCode(lines[i]!.code)))) {
      if (svc.laterality && side !== svc.laterality) {
        const billed = side === 'none' ? 'no side' : side;
        out.push({
          kind: 'laterality',
          severity: 'error',
          message: `${label}: the lines bill ${billed} but the order is ${svc.laterality}.`,
          lines: idx,
          citation: CITE.siteConsistency,
          evidence: svc.evidence,
        });
      }
    }
    const billed = billedLevels(lines, idx);
    const ordered = new Set(svc.levels).size;
    if (billed.count > 0 && ordered > 0 && (billed.orMore ? ordered < 3 : billed.count !== ordered)) {
      out.push({
        kind: 'levels',
        severity: 'error',
        message: `${label}: the lines bill ${billed.count}${billed.orMore ? '+' : ''} level(s), the order/note has ${ordered}.`,
        lines: idx,
        citation: CITE.siteConsistency,
        evidence: svc.evidence,
      });
    }
    if (def?.kind === 'esi-transforaminal' && billed.count > 2) {
      out.push({
        kind: 'levels',
        severity: 'error',
        message: `Transforaminal ESI: ${billed.count} levels in one session; the LCD covers at most 2.`,
        lines: idx,
        citation: CITE.esiLevels,
      });
    }
    if (def?.kind === 'esi-interlaminar' && ordered > 1) {
      out.push({
        kind: 'levels',
        severity: 'error',
        message: `Interlaminar ESI: ${ordered} levels ordered; one level per session is covered.`,
        lines: idx,
        citation: CITE.esiLevels,
      });
    }
    if (billed.orMore) {
      out.push({
        kind: 'levels',
        severity: 'error',
        message: 'A third facet level (64492/64495) is not covered: at most 2 levels per session.',
        lines: idx.filter((i) => serviceDef(lines[i]!.code)?.levelOrdinal === 3),
        citation: CITE.facetLevels,
      });
    }
  }
  return out;
}

type FreqGroup = { kinds: readonly ServiceKind[]; limit: number; citation: (typeof CITE)['esiFrequency']; name: string };
// The limits are the policies' own (one home): the coding edit only repeats them for the claim lines.
const FREQ: readonly FreqGroup[] = [
  { kinds: familyKinds('esi'), limit: LCD_LIMITS.esi.value.max, citation: LCD_LIMITS.esi.citation, name: 'ESI' },
  {
    kinds: familyKinds('facet-block'),
    limit: LCD_LIMITS.facetBlock.value.max,
    citation: LCD_LIMITS.facetBlock.citation,
    name: 'facet injection (MBB/IA)',
  },
  { kinds: familyKinds('facet-rfa'), limit: LCD_LIMITS.rfa.value.max, citation: LCD_LIMITS.rfa.citation, name: 'facet RFA' },
];

const NOT_DONE = new Set(['not-done', 'entered-in-error', 'stopped', 'preparation']);

export function frequencyEdits(
  lines: readonly CodingLine[],
  picture: ClinicalPicture,
  services: readonly PlannedService[],
  dateOfService: string,
): CodingEdit[] {
  const out: CodingEdit[] = [];
  for (const { svc, idx } of families(lines, services)) {
    const kind = serviceDef(svc.code)?.kind ?? svc.kind;
    const group = FREQ.find((g) => g.kinds.includes(kind));
    const region = svc.region ?? (svc.levels[0] ? regionOfLevel(svc.levels[0]) : undefined);
    if (!group || !region) continue;
    const prior = picture.procedureHistory.filter(
      (p) =>
        group.kinds.includes(p.kind) &&
        !NOT_DONE.has(p.status) &&
        (p.region ?? (p.levels[0] ? regionOfLevel(p.levels[0]) : undefined)) !== undefined &&
        sameRegion((p.region ?? regionOfLevel(p.levels[0]!))!, region) &&
        compareIso(p.date, dateOfService) < 0 &&
        inRollingWindow(p.date, dateOfService, 12),
    );
    const sessions = new Set(prior.map((p) => dayOf(p.date))).size;
    if (sessions + 1 > group.limit) {
      out.push({
        kind: 'frequency',
        severity: 'error',
        message: `This would be ${group.name} session ${sessions + 1} in the ${region} region in 12 months; the LCD covers at most ${group.limit}.`,
        lines: idx,
        citation: group.citation,
        evidence: prior.flatMap((p) => p.evidence),
      });
    }
  }
  return out;
}
