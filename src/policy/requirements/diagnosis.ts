// Diagnosis rules: covered ICD-10-CM categories, valid (billable, not deleted) codes, the symptoms the policy needs
// or excludes, and pathology that rules a service out.
import type { Evidence, SymptomFact } from '../picture';
import type { PolicyParams } from '../policies/types';
import type { Citation, Requirement } from '../verdicts';
import { codeProblem, inCategory } from '../icd10';
import { evidenceOf, listMapped, diagnosisCodes, dosOf, met, missing, notMet, sameRegionGroup, serviceRegion, requirement } from './common';
import type { DxCode } from './common';

const codeOf = (c: DxCode): string => c.code;
const codeAndName = (c: DxCode): string => `${c.code} ${c.display}`;

export function diagnosisRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'diagnosis', 'A diagnosis the policy covers for this procedure', citation, (p) => p.diagnosis, (picture, service, _today, rule) => {
    const codes = diagnosisCodes(picture, service);
    const covered = codes.filter((c) => inCategory(c.code, rule.accepted));
    if (covered.length > 0) return met(`Covered diagnosis: ${listMapped(covered, codeAndName)}.`, evidenceOf(covered));
    if (codes.length === 0) return missing('No ICD-10-CM diagnosis on the order or the problem list.', 'Add the diagnosis that supports this procedure to the order');
    const evidence = evidenceOf(codes);
    const excluded = rule.excludedAlone && codes.every((c) => inCategory(c.code, rule.excludedAlone!));
    if (excluded) {
      return notMet(`Only ${rule.excludedLabel ?? 'excluded'} diagnoses (${codes.map((c) => c.code).join(', ')}): not covered for this procedure.`, 'If the exam and imaging show a covered condition, document and code it', evidence);
    }
    return missing(`None of the diagnoses (${codes.map((c) => c.code).join(', ')}) is one this policy covers.`, 'Document and code the condition that supports this procedure', evidence);
  });
}

export function codeValidityRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'diagnosis', 'Diagnosis codes are billable and valid on the date of service', citation, (p) => p.codeValidity, (picture, service, today) => {
    const dos = dosOf(service, today);
    const codes = diagnosisCodes(picture, service);
    const orderProblems: string[] = [];
    const listProblems: string[] = [];
    const fixes: string[] = [];
    let evidence: Evidence[] = [];
    for (const c of codes) {
      const p = codeProblem(c.code, dos);
      if (!p) continue;
      const text = p.kind === 'deleted' ? `${p.code} was deleted on ${p.on}` : `${p.code} is a category header, not a billable code`;
      (c.onOrder ? orderProblems : listProblems).push(text);
      const options = p.kind === 'deleted' ? p.successors : p.children;
      fixes.push(options.length > 0 ? `replace ${p.code} with one of ${options.join(', ')}` : `replace ${p.code} with a complete code`);
      evidence = evidence.concat(c.evidence);
    }
    if (orderProblems.length === 0 && listProblems.length === 0) {
      return met(codes.length > 0 ? `Codes valid on ${dos}: ${listMapped(codes, codeOf, ', ', 8)}.` : 'No codes to check.', evidenceOf(codes));
    }
    const joined = fixes.join('; ');
    const fix = joined.charAt(0).toUpperCase() + joined.slice(1);
    if (orderProblems.length > 0) return missing(`The order's diagnosis cannot go on a claim: ${orderProblems.join('; ')}.`, fix, evidence);
    // Only the problem list is wrong: the claim can still use the order's codes, so this is advice.
    return { ...missing(`Problem-list code cannot go on a claim: ${listProblems.join('; ')}.`, fix, evidence), severity: 'warning' };
  });
}

const LABEL: Record<string, string> = { radicular: 'radicular pain', axial: 'axial pain', 'neurogenic-claudication': 'neurogenic claudication' };

export function symptomRequirement(id: string, text: string, citation: Citation, requiredAlsoByIcd10: string[] = []): Requirement<PolicyParams> {
  return requirement(id, 'diagnosis', text, citation, (p) => p.symptoms, (picture, service, _today, rule) => {
    const region = serviceRegion(service);
    const here = picture.symptoms.filter((s) => sameRegionGroup(region, s.region));
    // An exclusion documented as present and also as absent: the latest dated statement wins; undated, the
    // explicit denial wins (notes often say "history of radiculopathy ... no radicular symptoms now").
    const excluded = here.filter((s) => s.present && rule.excluded.includes(s.kind) && !deniedLater(s, here));
    if (excluded.length > 0) {
      return notMet(`Documented ${excluded.map((s) => LABEL[s.kind]).join(' and ')} excludes this procedure.`, 'If that condition is treated or from a facet synovial cyst, document it', evidenceOf(excluded));
    }
    if (rule.required.length === 0) return met('No excluding symptoms documented.', []);
    const present = here.filter((s) => s.present && rule.required.includes(s.kind));
    if (present.length > 0) return met(`Documented ${[...new Set(present.map((s) => LABEL[s.kind]))].join(' and ')}.`, evidenceOf(present));
    const denied = here.filter((s) => !s.present && rule.required.includes(s.kind));
    const wanted = rule.required.map((k) => LABEL[k]).join(' or ');
    if (denied.length > 0) return notMet(`The note documents no ${wanted}.`, undefined, evidenceOf(denied));
    const byDx = diagnosisCodes(picture, service).filter((c) => inCategory(c.code, requiredAlsoByIcd10));
    if (byDx.length > 0) return met(`Diagnosis ${byDx.map((c) => c.code).join(', ')} names ${wanted}.`, evidenceOf(byDx));
    return missing(`No ${wanted} is documented.`, `Document the ${wanted} (distribution, exam findings) in the note`);
  });
}

function deniedLater(s: SymptomFact, all: SymptomFact[]): boolean {
  return all.some((d) => !d.present && d.kind === s.kind && (!d.date || !s.date || d.date >= s.date));
}

export function excludedPathologyRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'diagnosis', 'No other pathology (fracture, tumour, infection) explains the pain', citation, (p) => p.excludedPathology, (picture, service, _today, rule) => {
    const hits = diagnosisCodes(picture, service).filter((c) => inCategory(c.code, rule.icd10));
    if (hits.length === 0) return met('No excluding pathology on the problem list.', []);
    return notMet(`${hits.map((c) => `${c.code} ${c.display}`).join('; ')} may explain the pain instead.`, 'If this condition does not explain the pain, say why in the note', evidenceOf(hits));
  });
}
