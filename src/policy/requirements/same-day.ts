// Rules about the day of service and service-specific documentation: other procedures the same day, a separately
// identifiable E/M (modifier 25), trigger-point muscle count, SCS-trial psychological evaluation.
import type { PolicyParams } from '../policies/types';
import type { Citation, Requirement } from '../verdicts';
import type { ServiceKind } from '../picture';
import { dayOf } from '../dates';
import { dosOf, met, missing, notApplicable, notMet, sameRegionGroup, serviceRegion, requirement } from './common';

export function sameDayConflictRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'same-day', 'No epidural injection in the same region on the same day', citation, (p) => p.sameDayConflict, (picture, service, today, rule) => {
    const dos = dosOf(service, today);
    const region = serviceRegion(service);
    const clash = picture.plannedServices.filter((s) => s !== service && rule.kinds.includes(s.kind) && dosOf(s, today) === dos && sameRegionGroup(region, serviceRegion(s)));
    if (clash.length === 0) return met('No conflicting procedure planned the same day in this region.', []);
    return notMet(`Also planned the same day in this region: ${clash.map((s) => s.code).join(', ')}.`, 'Check the payer policy before doing both on one day', clash.flatMap((s) => s.evidence));
  });
}

const EM_KINDS = new Set<ServiceKind>(['em-office-new', 'em-office-established']);

export function sameDayEmRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'same-day', 'A same-day office visit (modifier 25) is separately documented', citation, (p) => p.sameDayEm, (picture, service, today) => {
    const dos = dosOf(service, today);
    const emPlanned = picture.plannedServices.some((s) => EM_KINDS.has(s.kind) && dosOf(s, today) === dos);
    const enc = picture.encounter;
    const emCoded = enc !== undefined && dayOf(enc.date) === dos && enc.types.some((t) => t.code !== undefined && /^992\d\d$/.test(t.code));
    if (!emPlanned && !emCoded) return notApplicable('No office visit billed on the day of the procedure.');
    const work = picture.visitWork.filter((w) => dayOf(w.date) === dos);
    if (work.length > 0) return { ...met('The visit documents separately identifiable work for modifier 25.', work.flatMap((w) => w.evidence)), severity: 'warning' };
    // The procedure itself stays payable; only the E/M line is at risk, so this never decides the verdict.
    return { ...missing('An office visit is billed the same day, but the note does not show work beyond the usual pre-procedure assessment.', 'Document the separate problem evaluated and managed at the visit, or do not bill the E/M'), severity: 'warning' };
  });
}

export function muscleCountRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'other', 'Muscle count matches the trigger-point code (20552: 1-2 muscles, 20553: 3 or more)', citation, (p) => p.muscleCount, (_picture, service) => {
    const n = service.muscleCount;
    if (n === undefined) return { ...missing('The number of muscles injected is not stated.', 'Document which muscles are injected'), severity: 'warning' };
    const want = n >= 3 ? '20553' : '20552';
    if (service.code !== want) return { ...notMet(`${n} muscles ordered under ${service.code}; that count is coded ${want}.`, `Use ${want}`, service.evidence), severity: 'warning' };
    return met(`${n} muscles: ${service.code} fits.`, service.evidence);
  });
}

const PSYCH = /psycholog(y|ical|ist)/i;

export function psychEvaluationRequirement(id: string, citation: Citation): Requirement<PolicyParams> {
  return requirement(id, 'other', 'Psychological evaluation documented before spinal cord stimulation', citation, (p) => p.psychEvaluation, (picture) => {
    for (const n of picture.notes) {
      const m = PSYCH.exec(n.text);
      if (m) {
        const start = m.index;
        const end = Math.min(n.text.length, start + 80);
        return met('A note mentions a psychological evaluation.', [{ ref: n.ref, display: n.title, ...(n.date ? { date: n.date } : {}), quote: { text: n.text.slice(start, end), start, end } }]);
      }
    }
    return missing('No psychological evaluation found in the notes.', 'Document the psychological evaluation (date, clinician, clearance) before the trial');
  });
}
