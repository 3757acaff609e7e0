// Planned services from active ServiceRequests; the orders handed over at launch (fhirContext) come first.
// Levels and side come from bodySite when it is coded or worded there; many EHRs write them only in the order's
// words (orderDetail, code.text, a note), which are read for what bodySite leaves out. Where bodySite and the words
// disagree, bodySite is used and the disagreement is a data issue, so nobody codes a level the order does not name.
import type { DataIssue, PlannedService, SpinalLevel } from '../../policy/picture';
import { serviceDef, serviceKind } from '../../policy/services';
import type { ConditionR, ServiceRequestR } from './schemas';
import { steroidDoseIn } from './steroid-dose';
import { SYS, allText, byDateThenRef, codeOf, evidence, refId, textOf } from './codes';
import { lateralityInText, levelsInText, namesNerves, siteOf, type Site } from './sites';

const CLOSED = ['entered-in-error', 'revoked', 'completed'];

function imageGuidance(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (/\b(without|no)\s+(image|imaging|fluoro\w*|ultrasound|ct)\b/.test(t)) return false;
  // "Landmark guided", "palpation-guided", "blind": placed by touch, not by imaging.
  if (/\b(?:landmark|palpation)[- ](?:guided|guidance|based|technique)\b|\bblind (?:injection|technique)\b/.test(t)) return false;
  if (/fluoro|ultrasound guid|ct[- ]guid|image[- ]guid|imaging guid/.test(t)) return true;
  return undefined;
}

function muscleCount(sr: ServiceRequestR, text: string): number | undefined {
  const m = /(\d+)\s*(?:trigger points?|muscles?)/i.exec(text);
  if (m) return Number(m[1]);
  const q = sr.quantityQuantity;
  return q?.value !== undefined && /muscle/i.test(q.unit ?? '') ? q.value : undefined;
}

const sameLevels = (a: readonly SpinalLevel[], b: readonly SpinalLevel[]): boolean =>
  a.length === b.length && a.every((l) => b.includes(l));

/** bodySite first, the order's words for what it leaves out; a disagreement between the two is reported. */
function orderSite(sr: ServiceRequestR, code: string, issues: DataIssue[]): Site {
  const worded = [sr.code?.text ?? '', ...(sr.orderDetail ?? []).map(allText)].join(' ; ');
  const site = siteOf(sr.bodySite, code, worded);
  // A note is the last place an order names its levels: read only when nothing else does.
  const noted = (sr.note ?? []).map((n) => n.text ?? '').join(' ; ');
  if (site.levels.length === 0) site.levels.push(...levelsInText(noted, namesNerves(code)));
  const notedSide = site.laterality ? undefined : lateralityInText(noted);
  if (notedSide) site.laterality = notedSide;
  const body = siteOf(sr.bodySite, code);
  const textLevels = levelsInText(worded, namesNerves(code));
  const textSide = lateralityInText(worded);
  const conflict = (what: string, fromBody: string, fromText: string): void => {
    issues.push({
      resourceType: 'ServiceRequest',
      id: sr.id,
      severity: 'warning',
      path: 'bodySite',
      message: `The order's bodySite names ${what} ${fromBody} but its text names ${fromText}; ${fromBody} (bodySite) is used. Correct the order.`,
    });
  };
  if (body.levels.length > 0 && textLevels.length > 0 && !sameLevels(body.levels, textLevels))
    conflict('levels', body.levels.join(', '), textLevels.join(', '));
  if (body.laterality && textSide && body.laterality !== textSide) conflict('the side', body.laterality, textSide);
  return site;
}

export function plannedServices(
  list: ServiceRequestR[],
  conditions: ConditionR[],
  launchIds: readonly string[],
  issues: DataIssue[] = [],
): PlannedService[] {
  const condById = new Map(conditions.map((c) => [c.id, c]));
  const out: PlannedService[] = [];
  for (const sr of list) {
    const fromLaunch = launchIds.includes(sr.id);
    if (CLOSED.includes(sr.status ?? '') || (!fromLaunch && sr.status !== 'active')) continue;
    const code = codeOf(sr.code, SYS.cpt) ?? codeOf(sr.code, SYS.hcpcs)?.toUpperCase();
    if (!code) continue;
    const site = orderSite(sr, code, issues);
    const reasons = new Set<string>();
    for (const rc of sr.reasonCode ?? []) {
      const icd = codeOf(rc, SYS.icd10);
      if (icd) reasons.add(icd.toUpperCase());
    }
    const reasonEvidence = [];
    for (const rr of sr.reasonReference ?? []) {
      const cid = refId(rr.reference, 'Condition');
      const cond = cid ? condById.get(cid) : undefined;
      const icd = cond ? codeOf(cond.code, SYS.icd10) : undefined;
      if (cond && icd) {
        reasons.add(icd.toUpperCase());
        reasonEvidence.push(evidence('Condition', cond.id, textOf(cond.code) || icd));
      }
    }
    const detail = [sr.code?.text ?? '', ...(sr.orderDetail ?? []).map(allText), ...(sr.note ?? []).map((n) => n.text ?? '')].join(' ; ');
    const date = sr.occurrenceDateTime ?? sr.occurrencePeriod?.start;
    const label = sr.code?.text ?? serviceDef(code)?.label ?? code;
    const fact: PlannedService = {
      code,
      kind: serviceKind(code),
      levels: site.levels,
      requestRef: `ServiceRequest/${sr.id}`,
      reasonIcd10: [...reasons],
      source: 'coded',
      evidence: [evidence('ServiceRequest', sr.id, label, sr.authoredOn ?? date), ...reasonEvidence],
    };
    if (site.region) fact.region = site.region;
    if (site.laterality) fact.laterality = site.laterality;
    if (date) fact.date = date;
    const guided = serviceDef(code)?.includesImaging ? true : imageGuidance(detail);
    if (guided !== undefined) fact.imageGuidance = guided;
    const dose = steroidDoseIn(detail);
    if (dose) fact.steroidDose = dose;
    const muscles = muscleCount(sr, detail);
    if (muscles !== undefined) fact.muscleCount = muscles;
    // Units as ordered (e.g. two SCS trial leads); a muscle count is not a unit count.
    const q = sr.quantityQuantity;
    if (q?.value !== undefined && q.value > 0 && !/muscle/i.test(q.unit ?? '')) fact.quantity = q.value;
    out.push(fact);
  }
  const rank = (p: PlannedService): number => {
    const i = launchIds.indexOf(refId(p.requestRef, 'ServiceRequest') ?? '');
    return i === -1 ? launchIds.length : i;
  };
  const byDate = byDateThenRef<PlannedService>((p) => p.date);
  return out.sort((a, b) => rank(a) - rank(b) || byDate(a, b));
}
