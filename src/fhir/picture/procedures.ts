// Interventional procedure history: code, kind, date, region, levels, laterality, and the relief that followed.
import type { ProcedureFact, ReliefFact } from '../../policy/picture';
import { daysBetween } from '../../policy/dates';
import { serviceKind } from '../../policy/services';
import type { ProcedureR } from './schemas';
import { SYS, byDateThenRef, codeOf, codingOf, evidence, textOf } from './codes';
import { siteOf } from './sites';
import { PT_CODES, namesPt } from './therapy';
import { procedureRelief, type ObservedRelief } from './relief';

export { PT_CODES } from './therapy';

/** A PT session or course: CPT PT codes (with or without their system), SNOMED PT concepts, or PT in the words. */
export function isPtProcedure(p: ProcedureR, code: string | undefined): boolean {
  return (code !== undefined && PT_CODES.includes(code)) || namesPt([p.code, p.category]);
}

/** Relief with no link to its procedure is read as following the latest procedure up to this many days before it. */
const RELIEF_LINK_DAYS = 30;
export const IMAGING_CODES: Record<string, { modality: 'MRI' | 'CT' | 'XR'; region: 'cervical' | 'thoracic' | 'lumbar' }> = {
  '72141': { modality: 'MRI', region: 'cervical' },
  '72142': { modality: 'MRI', region: 'cervical' },
  '72156': { modality: 'MRI', region: 'cervical' },
  '72146': { modality: 'MRI', region: 'thoracic' },
  '72147': { modality: 'MRI', region: 'thoracic' },
  '72157': { modality: 'MRI', region: 'thoracic' },
  '72148': { modality: 'MRI', region: 'lumbar' },
  '72149': { modality: 'MRI', region: 'lumbar' },
  '72158': { modality: 'MRI', region: 'lumbar' },
  '72125': { modality: 'CT', region: 'cervical' },
  '72128': { modality: 'CT', region: 'thoracic' },
  '72131': { modality: 'CT', region: 'lumbar' },
  '72040': { modality: 'XR', region: 'cervical' },
  '72050': { modality: 'XR', region: 'cervical' },
  '72100': { modality: 'XR', region: 'lumbar' },
  '72110': { modality: 'XR', region: 'lumbar' },
};

export function procedureCode(p: ProcedureR): { code: string; system: ProcedureFact['system'] } | undefined {
  const cpt = codeOf(p.code, SYS.cpt);
  if (cpt) return { code: cpt, system: 'cpt' };
  const hcpcs = codeOf(p.code, SYS.hcpcs);
  if (hcpcs) return { code: hcpcs.toUpperCase(), system: 'hcpcs' };
  const snomed = codeOf(p.code, SYS.snomed);
  if (snomed) return { code: snomed, system: 'snomed' };
  const other = p.code?.coding?.find((c) => c.code)?.code;
  return other ? { code: other, system: 'other' } : undefined;
}

export function procedureDate(p: ProcedureR): string | undefined {
  return p.performedDateTime ?? p.performedPeriod?.start ?? p.performedPeriod?.end;
}

const NOT_DONE = ['entered-in-error', 'not-done', 'preparation'];

/**
 * Gives relief with no partOf/focus/derivedFrom the procedure it most likely follows: the one of the day its note
 * names, else the latest one before it (within RELIEF_LINK_DAYS).
 */
function linkByDate(facts: ProcedureFact[], observed: ObservedRelief[]): ReliefFact[] {
  return observed.map(({ namedDay, ...r }) => {
    // An explicit link is kept even to a procedure the record lacks: guessing would attach it to the wrong one.
    if (r.procedureRef || !r.date) return r;
    const named = namedDay ? facts.filter((f) => f.kind !== 'other' && f.date.slice(0, 10) === namedDay).pop() : undefined;
    if (named) return { ...r, procedureRef: `Procedure/${named.id}` };
    let best: ProcedureFact | undefined;
    for (const f of facts) {
      const d = daysBetween(f.date, r.date);
      if (!(d >= 0 && d <= RELIEF_LINK_DAYS) || f.kind === 'other') continue;
      if (!best || f.date > best.date) best = f;
    }
    return best ? { ...r, procedureRef: `Procedure/${best.id}` } : r;
  });
}

export function procedureFacts(list: ProcedureR[], observed: ObservedRelief[]): ProcedureFact[] {
  const out: ProcedureFact[] = [];
  const stated: ReliefFact[] = [];
  for (const p of list) {
    if (NOT_DONE.includes(p.status ?? '')) continue;
    const coded = procedureCode(p);
    const date = procedureDate(p);
    if (!coded || !date) continue;
    if (isPtProcedure(p, coded.code) || IMAGING_CODES[coded.code]) continue;
    const own = procedureRelief(p, date);
    if (own) stated.push(own);
    const display = p.code?.text ?? codingOf(p.code, SYS.cpt)?.display ?? textOf(p.code);
    const site = siteOf(p.bodySite, coded.system === 'cpt' || coded.system === 'hcpcs' ? coded.code : undefined, p.code?.text);
    const fact: ProcedureFact = {
      id: p.id,
      code: coded.code,
      system: coded.system,
      display: display || coded.code,
      kind: coded.system === 'cpt' || coded.system === 'hcpcs' ? serviceKind(coded.code) : 'other',
      date,
      status: p.status ?? 'unknown',
      levels: site.levels,
      relief: [],
      source: 'coded',
      evidence: [evidence('Procedure', p.id, display || coded.code, date)],
    };
    if (site.region) fact.region = site.region;
    if (site.laterality) fact.laterality = site.laterality;
    out.push(fact);
  }
  const relief = [...linkByDate(out, observed), ...stated];
  for (const f of out) f.relief = relief.filter((r) => r.procedureRef === `Procedure/${f.id}`);
  return out.sort(byDateThenRef((f) => f.date));
}
