// Diagnosis rules: a closed list of covered codes (facet article), coverage by indication (ESI), valid codes, the
// symptoms the policy needs or excludes, and pathology that rules a service out.
import type { ClinicalPicture, Evidence, PlannedService, SpinalRegion, SymptomFact, SymptomKind } from '../picture';
import { codeProblem, icd10Info, icd10ReleaseOn, inCategory, replacementsFor } from '../icd10';
import { dayOf } from '../dates';
import { evidenceOf, listOf, dosOf, met, missing, notMet, sameRegionGroup, requirement, advice, noteEvidence } from './common';
import type { DxCode, Requirement } from './common';
import { serviceRegion } from '../levels';
import { uncodedMessage } from './uncoded';
import { noteNamedCodes } from './note-codes';

const codeAndName = (c: DxCode): string => `${c.code} ${c.display}`;

const CYST = /\b(?:synovial|facet(?: joint)?) cysts?\b/gi;
/** A negation earlier in the same clause ("no synovial cyst", "without facet cyst"). */
const NEGATED = /\b(?:no|not|without|negative for|absence of|denies|free of)\b[^.;:\n]*$/i;

/** The first mention of a facet cyst in a text that is not negated in its clause ("no synovial cyst" is not one). */
function affirmedCyst(text: string): { start: number; end: number } | undefined {
  for (const m of text.matchAll(CYST)) {
    const clause =
      text
        .slice(0, m.index)
        .split(/[.;:\n]/)
        .pop() ?? '';
    if (!NEGATED.test(clause)) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** Where the record documents a facet (synovial) cyst: a diagnosis, an imaging finding or a note. */
export function facetCystEvidence(picture: ClinicalPicture, dos: string): Evidence[] {
  const ev: Evidence[] = [];
  for (const d of picture.diagnoses) if (affirmedCyst(d.display)) ev.push(...d.evidence);
  for (const i of picture.imaging) if (i.finding && affirmedCyst(i.finding)) ev.push(...i.evidence);
  if (ev.length > 0) return ev;
  for (const n of picture.notes) {
    if (n.date && dayOf(n.date) > dos) continue;
    const m = affirmedCyst(n.text);
    if (!m) continue;
    const end = Math.min(n.text.length, m.start + Math.max(m.end - m.start, 80));
    return [
      {
        ref: n.ref,
        display: n.title,
        ...(n.date ? { date: n.date } : {}),
        quote: { text: n.text.slice(m.start, end), start: m.start, end },
      },
    ];
  }
  return [];
}

const FACET_CONDITION =
  /\b(?:spondylosis|spondylarthrosis|facet (?:joint )?(?:arthropathy|arthrosis|arthritis|osteoarthritis|hypertrophy|degeneration|disease|syndrome))\b/i;

/** The spondylosis code (M47.81x) for the service's region: what a documented facet condition is coded as. */
function spondylosisCode(service: PlannedService): string | undefined {
  const region = serviceRegion(service);
  const lumbosacral = service.levels.some((l) => /L5-S1/i.test(l));
  const bySite: Partial<Record<SpinalRegion, string>> = {
    cervical: 'M47.812',
    thoracic: 'M47.814',
    lumbar: lumbosacral ? 'M47.817' : 'M47.816',
  };
  return region ? bySite[region] : undefined;
}

/** The fix for a facet service whose diagnoses are off the list: the documented condition that could be coded. */
function facetFix(
  picture: ClinicalPicture,
  service: PlannedService,
  dos: string,
  covered: readonly string[],
): { fix: string; evidence: Evidence[] } {
  // The physician's own assessment first: a covered code the note names is the fix, not one ClaimReady derives.
  const named = noteNamedCodes(picture, dos).find((c) => covered.includes(c.code));
  if (named)
    return {
      fix: `The note's assessment names ${named.code} (${named.label}), which is on the article's list: put ${named.code} on the order and the claim`,
      evidence: [named.evidence],
    };
  const code = spondylosisCode(service);
  const as = code
    ? ` as ${code} (spondylosis without myelopathy or radiculopathy of that region)`
    : ' with the matching M47.81x / M47.89x code for the region';
  const dx = picture.diagnoses.find((d) => FACET_CONDITION.test(d.display));
  if (dx)
    return {
      fix: `The problem list documents "${dx.display}"${dx.icd10 ? ` (coded ${dx.icd10})` : ' (not coded in ICD-10-CM)'}: if that is the condition treated, code it${as}`,
      evidence: dx.evidence,
    };
  const img = picture.imaging.find(
    (i) => i.finding && FACET_CONDITION.test(i.finding) && sameRegionGroup(serviceRegion(service), i.region),
  );
  if (img)
    return {
      fix: `The ${img.modality} report documents "${img.finding}": if that is the condition treated, code it${as}`,
      evidence: img.evidence,
    };
  const note = noteEvidence(picture, FACET_CONDITION, dos);
  if (note?.quote)
    return { fix: `A note documents "${note.quote.text.trim()}": if that is the condition treated, code it${as}`, evidence: [note] };
  return {
    fix: `Document the facet condition found on exam and imaging and code it from the article's list${code ? ` (e.g. ${code})` : ''}`,
    evidence: [],
  };
}

export function closedListRequirement(id: string): Requirement {
  return requirement(
    id,
    'diagnosis',
    "A diagnosis on the billing article's covered list",
    (p) => p.diagnosisList,
    (picture, service, today, rule, ctx) => {
      const dos = dosOf(service, today);
      const codes = ctx.dx;
      const covered = codes.filter((c) => rule.codes.includes(c.code));
      if (covered.length > 0) return met(`Covered diagnosis: ${listOf(covered.map(codeAndName))}.`, evidenceOf(covered));
      const cystCodes = rule.cystOnly ? codes.filter((c) => rule.cystOnly!.codes.includes(c.code)) : [];
      if (cystCodes.length > 0 && rule.cystOnly!.kinds.includes(service.kind)) {
        const cyst = facetCystEvidence(picture, dos);
        if (cyst.length > 0)
          return met(`${cystCodes.map((c) => c.code).join(', ')} with a documented facet cyst.`, [...evidenceOf(cystCodes), ...cyst]);
      }
      if (codes.length === 0) {
        const uncoded = uncodedMessage(picture.diagnoses, service, dos);
        if (uncoded) return missing(uncoded.message, uncoded.fix, uncoded.evidence);
        return missing(
          'No ICD-10-CM diagnosis on the order or the problem list.',
          'Add the diagnosis that supports this procedure to the order',
        );
      }
      const { fix, evidence } = facetFix(picture, service, dos, rule.codes);
      const why =
        cystCodes.length > 0
          ? ` (${cystCodes.map((c) => c.code).join(', ')} is covered only for a documented facet cyst${rule.cystOnly!.kinds.includes(service.kind) ? '' : ', and never for this service'})`
          : '';
      return notMet(`None of the diagnoses (${codes.map((c) => c.code).join(', ')}) is on the article's covered list${why}.`, fix, [
        ...evidenceOf(codes),
        ...evidence,
      ]);
    },
  );
}

/** The latest date among the evidence (YYYY-MM-DD), if any is dated. */
function latestDate(evidence: readonly Evidence[]): string | undefined {
  let out: string | undefined;
  for (const e of evidence) if (e.date && (!out || dayOf(e.date) > out)) out = dayOf(e.date);
  return out;
}

/** Denied on a later day than the statement, or either is undated ("history of radiculopathy ... none now"). */
function deniedOnLaterDay(s: SymptomFact, all: SymptomFact[]): boolean {
  return all.some((d) => !d.present && d.kind === s.kind && (!d.date || !s.date || dayOf(d.date) > dayOf(s.date)));
}

const capitalised = (t: string): string => t.charAt(0).toUpperCase() + t.slice(1);

function deniedLater(s: SymptomFact, all: SymptomFact[]): boolean {
  return all.some((d) => !d.present && d.kind === s.kind && (!d.date || !s.date || d.date >= s.date));
}

export function indicationRequirement(id: string): Requirement {
  return requirement(
    id,
    'diagnosis',
    'A covered indication is documented (radicular pain, stenosis with claudication, post-laminectomy syndrome, acute zoster)',
    (p) => p.indication,
    (picture, service, _today, rule, ctx) => {
      const region = serviceRegion(service);
      if (rule.regions && region && !rule.regions.includes(region)) {
        return notMet(
          `This policy covers the ${rule.regions.join(' or ')} spine only; the order is ${region}.`,
          undefined,
          service.evidence,
        );
      }
      const here = picture.symptoms.filter((s) => sameRegionGroup(region, s.region));
      const present = here.filter((s) => s.present && !deniedLater(s, here));
      const codes = ctx.dx;
      // What the service treats: the order's reasons, else the live problem list.
      const onOrder = codes.filter((c) => c.onOrder);
      const treated = onOrder.length > 0 ? onOrder : codes;
      for (const not of rule.notIndications ?? []) {
        if (treated.length === 0 || !treated.every((c) => inCategory(c.code, not.icd10))) continue;
        return notMet(
          `The service treats ${not.label} (${treated.map((c) => c.code).join(', ')}): not a covered indication (${not.why}).`,
          'If the pain is radicular pain from spinal pathology, neurogenic claudication or acute zoster, document and code that indication',
          evidenceOf(treated),
        );
      }
      for (const ind of rule.indications) {
        const bySymptom = present.filter((s) => ind.symptoms.includes(s.kind));
        if (bySymptom.length > 0) return met(`Indication documented: ${ind.label}.`, evidenceOf(bySymptom));
      }
      for (const ind of rule.indications) {
        if (ind.needsSymptom) continue;
        const byCode = codes.filter((c) => inCategory(c.code, ind.icd10));
        if (byCode.length > 0)
          return met(`Indication documented: ${ind.label} (${byCode.map((c) => c.code).join(', ')}).`, evidenceOf(byCode));
      }
      const labels = rule.indications.map((i) => i.label).join(', ');
      // A symptom documented that this policy does not cover (BCBSMA 690 covers radiculopathy only, not claudication).
      const uncovered = present.filter((s) => s.kind !== 'axial');
      if (uncovered.length > 0)
        return notMet(
          `${capitalised([...new Set(uncovered.map((s) => LABEL[s.kind]))].join(' and '))} is documented, but this policy covers ${labels} only.`,
          `If the patient has ${labels}, document it (distribution, exam findings)`,
          evidenceOf(uncovered),
        );
      const denied = here.filter((s) => !s.present && rule.indications.some((i) => i.symptoms.includes(s.kind)));
      const axialOnly = codes.length > 0 && codes.every((c) => inCategory(c.code, rule.axialIcd10));
      if (denied.length > 0 || axialOnly) {
        const ev = [...evidenceOf(denied), ...evidenceOf(codes)];
        return notMet(
          `Only axial (non-radicular) pain is documented${codes.length ? ` (${codes.map((c) => c.code).join(', ')})` : ''}: not covered.`,
          'If the exam shows radicular pain or neurogenic claudication, document the distribution and findings',
          ev,
        );
      }
      const fix =
        'Document the radicular pain (distribution, exam findings), neurogenic claudication, post-laminectomy syndrome or acute zoster';
      return missing(
        `No covered indication is documented${codes.length ? ` (diagnoses: ${codes.map((c) => c.code).join(', ')})` : ''}.`,
        fix,
        evidenceOf(codes),
      );
    },
  );
}

function problemText(p: NonNullable<ReturnType<typeof codeProblem>>): string {
  if (p.kind === 'deleted') return `${p.code} was deleted on ${p.on}`;
  if (p.kind === 'not-yet-valid') return `${p.code} is valid only from ${p.from}`;
  if (p.kind === 'not-a-code') return `${p.code} is not an ICD-10-CM code in ${p.release}`;
  return `${p.code} is a category header, not a billable code`;
}

/**
 * On a date whose ICD-10-CM release was not read, the check holds the last release read: its citation says so, and
 * which release that is (a code the unread release deleted or expanded would still read as valid).
 */
function withReleaseInForce(base: Requirement): Requirement {
  return {
    ...base,
    check(ctx, params) {
      const r = base.check(ctx, params);
      const inForce = icd10ReleaseOn(dosOf(ctx.service, ctx.today));
      if (inForce.read || !r.citation || !inForce.release) return r;
      const heldName = inForce.held?.release ?? 'no release read';
      r.citation = {
        ...r.citation,
        version: `${heldName} (read); ${inForce.release.release}, in force from ${inForce.release.effective}, not read`,
        note: `ICD-10-CM ${inForce.release.release} was not read: codes are checked against ${heldName}, so a code ${inForce.release.release} deleted or made a header would still read as valid, and one it added is unknown.`,
      };
      return r;
    },
  };
}

export function codeValidityRequirement(id: string): Requirement {
  return withReleaseInForce(codeValidityBase(id));
}

function codeValidityBase(id: string): Requirement {
  return requirement(
    id,
    'diagnosis',
    'Diagnosis codes are billable and valid on the date of service',
    (p) => p.codeValidity,
    (picture, service, today, _rule, ctx) => {
      const dos = dosOf(service, today);
      const codes = ctx.dx;
      const orderProblems: string[] = [];
      const listProblems: string[] = [];
      const fixes: string[] = [];
      const evidence: Evidence[] = [];
      const named = noteNamedCodes(picture, dos);
      for (const c of codes) {
        const p = codeProblem(c.code, dos);
        if (!p) continue;
        (c.onOrder ? orderProblems : listProblems).push(problemText(p));
        const options = replacementsFor(p);
        const generic = options.length > 0 ? `one of ${options.join(', ')}` : `a code valid on ${dos}`;
        // The code the note's assessment names for the same region (M47.816 for a deleted M54.5), else the successors.
        const region = icd10Info(p.code)?.region;
        const own = named.find((n) => n.code !== p.code && sameRegionGroup(region, icd10Info(n.code)?.region));
        if (own) {
          const when = own.evidence.date ? ` of ${own.evidence.date.slice(0, 10)}` : '';
          fixes.push(`replace ${p.code} with ${own.code} (${own.label}), the code the note${when} names (otherwise ${generic})`);
          evidence.push(own.evidence);
        } else fixes.push(`replace ${p.code} with ${generic}`);
        evidence.push(...c.evidence);
      }
      // No ICD-10-CM code at all is nothing a claim can carry: name what the record documents without one.
      if (codes.length === 0) {
        const uncoded = uncodedMessage(picture.diagnoses, service, dos);
        if (uncoded) return missing(uncoded.message, uncoded.fix, uncoded.evidence);
        return missing('No ICD-10-CM diagnosis on the order or the problem list.', 'Add the diagnosis the procedure treats to the order');
      }
      if (orderProblems.length === 0 && listProblems.length === 0) {
        return met(
          `Codes valid on ${dos}: ${listOf(
            codes.map((c) => c.code),
            ', ',
            8,
          )}.`,
          evidenceOf(codes),
        );
      }
      const joined = fixes.join('; ');
      const fix = joined.charAt(0).toUpperCase() + joined.slice(1);
      if (orderProblems.length > 0)
        return missing(`The order's diagnosis cannot go on a claim: ${orderProblems.join('; ')}.`, fix, evidence);
      // Only the problem list is wrong: the claim can still use the order's codes, so this is advice.
      return advice(missing(`Problem-list code cannot go on a claim: ${listProblems.join('; ')}.`, fix, evidence));
    },
  );
}

const LABEL: Record<string, string> = {
  radicular: 'radicular pain',
  axial: 'axial pain',
  'neurogenic-claudication': 'neurogenic claudication',
};

export function symptomRequirement(id: string, text: string, requiredAlsoByIcd10: string[] = []): Requirement {
  return requirement(
    id,
    'diagnosis',
    text,
    (p) => p.symptoms,
    (picture, service, today, rule, ctx) => {
      const region = serviceRegion(service);
      const here = picture.symptoms.filter((s) => sameRegionGroup(region, s.region));
      // An exclusion documented as present and also as absent: the latest dated statement wins; undated, the
      // explicit denial wins (notes often say "history of radiculopathy ... no radicular symptoms now").
      // Here a same-day denial does not cancel: one note that says "without radiation" of the axial pain and then
      // "new L5 radicular leg pain" documents the exclusion, and reading it as denied gave a false "ready".
      const excluded = here.filter((s) => s.present && rule.excluded.includes(s.kind) && !deniedOnLaterDay(s, here));
      // A coded radiculopathy documents it too, unless a note on or after the code's date denies the symptom.
      const coded: { kind: SymptomKind; code: DxCode }[] = [];
      for (const by of rule.excludedByIcd10 ?? []) {
        for (const c of ctx.dx) {
          if (!inCategory(c.code, by.icd10) || !sameRegionGroup(region, icd10Info(c.code)?.region)) continue;
          const since = latestDate(c.evidence);
          const denied = here.some((d) => !d.present && d.kind === by.kind && (!d.date || !since || dayOf(d.date) >= since));
          const affirmed = here.some((s) => s.present && s.kind === by.kind && !deniedOnLaterDay(s, here));
          if (!denied || affirmed) coded.push({ kind: by.kind, code: c });
        }
      }
      if (excluded.length > 0 || coded.length > 0) {
        const cyst = facetCystEvidence(picture, dosOf(service, today));
        if (cyst.length === 0) {
          const kinds = [...new Set([...excluded.map((s) => s.kind), ...coded.map((x) => x.kind)])];
          const codes = coded.length > 0 ? ` (coded ${[...new Set(coded.map((x) => x.code.code))].join(', ')})` : '';
          return notMet(
            `Documented ${kinds.map((k) => LABEL[k]).join(' and ')}${codes} excludes this procedure.`,
            'If that condition is treated, or the radicular pain is from a facet synovial cyst, document it',
            [...evidenceOf(excluded), ...evidenceOf(coded.map((x) => x.code))],
          );
        }
      }
      if (rule.required.length === 0) return met('No excluding symptoms documented.', []);
      const present = here.filter((s) => s.present && rule.required.includes(s.kind));
      if (present.length > 0)
        return met(`Documented ${[...new Set(present.map((s) => LABEL[s.kind]))].join(' and ')}.`, evidenceOf(present));
      const denied = here.filter((s) => !s.present && rule.required.includes(s.kind));
      const wanted = rule.required.map((k) => LABEL[k]).join(' or ');
      if (denied.length > 0) return notMet(`The note documents no ${wanted}.`, undefined, evidenceOf(denied));
      const byDx = ctx.dx.filter((c) => requiredAlsoByIcd10.includes(c.code));
      if (byDx.length > 0) return met(`Diagnosis ${byDx.map((c) => c.code).join(', ')} names ${wanted}.`, evidenceOf(byDx));
      return missing(`No ${wanted} is documented.`, `Document the ${wanted} (distribution, exam findings) in the note`);
    },
  );
}

export function excludedPathologyRequirement(id: string): Requirement {
  return requirement(
    id,
    'diagnosis',
    'No other pathology (fracture, tumour, infection) explains the pain',
    (p) => p.excludedPathology,
    (picture, service, _today, rule, ctx) => {
      const hits = ctx.dx.filter((c) => inCategory(c.code, rule.icd10));
      if (hits.length === 0) return met('No excluding pathology on the problem list.', []);
      return notMet(
        `${hits.map(codeAndName).join('; ')} may explain the pain instead.`,
        'If this condition does not explain the pain, say why in the note',
        evidenceOf(hits),
      );
    },
  );
}
