// Two ESI rubric items that are advice (issue 9, F10/F10b): the per-session steroid dose ceilings, and the extra
// documentation for treatment beyond 12 months. The rubric (S1) states both; neither was found in the LCD text
// itself, and the rubric calls the ceilings "recommended", so both are shown and never decide the verdict.
import { addMonths } from '../dates';
import type { Cited, DoseCeilings, LongCourse, PolicyParams } from '../policies/types';
import type { Requirement } from './common';
import { advice, met, missing, notApplicable, notMet, requirement } from './common';
import { priorSessions } from './history';
import { familyKinds } from '../services';

const ESI = familyKinds('esi');

const list = (c: DoseCeilings): string =>
  Object.entries(c.mg)
    .map(([d, mg]) => `${d} ${mg} mg`)
    .join(', ');

export function steroidDoseRequirement(id: string, pick: (p: PolicyParams) => Cited<DoseCeilings> | undefined): Requirement {
  return requirement(
    id,
    'other',
    'Steroid dose per session within the recommended ceiling (advice)',
    pick,
    (_picture, service, _today, rule) => {
      const dose = service.steroidDose;
      if (!dose) return advice(notApplicable(`The order names no steroid dose. Recommended ceilings per session: ${list(rule)}.`));
      const max = rule.mg[dose.drug];
      if (max === undefined)
        return advice(
          met(
            `The order names ${dose.drug} ${dose.mg} mg; the rubric states no ceiling for ${dose.drug} (only ${list(rule)}).`,
            service.evidence,
          ),
        );
      if (dose.mg <= max)
        return advice(met(`The order names ${dose.drug} ${dose.mg} mg per session (recommended ceiling ${max} mg).`, service.evidence));
      return advice(
        notMet(
          `The order names ${dose.drug} ${dose.mg} mg per session, above the recommended ceiling of ${max} mg.`,
          `Use the lowest effective dose (at most ${max} mg ${dose.drug} per session), or document why more is needed`,
          service.evidence,
        ),
      );
    },
  );
}

/**
 * Treatment beyond 12 months. A course is read as the run of ESI sessions in the region group, each within `months`
 * of the next (ClaimReady's reading: the text does not define when treatment starts); the planned session is beyond
 * it when the course began more than `months` before the date of service.
 */
export function longCourseRequirement(id: string, pick: (p: PolicyParams) => Cited<LongCourse> | undefined): Requirement {
  return requirement(
    id,
    'prior-response',
    'Treatment beyond 12 months: extra documentation (advice)',
    pick,
    (_picture, _service, _today, rule, ctx) => {
      const esi = priorSessions(ctx, ESI);
      let start: (typeof esi)[number] | undefined;
      let next = ctx.dos;
      for (const s of esi) {
        if (s.date <= addMonths(next, -rule.months)) break;
        start = s;
        next = s.date;
      }
      if (!start) return advice(notApplicable(`No ESI in this region within ${rule.months} months before: not a continued course.`));
      const opened = addMonths(ctx.dos, -rule.months);
      if (start.date >= opened)
        return advice(
          notApplicable(`The course began with the ${start.date} session, within ${rule.months} months of the date of service.`),
        );
      return advice(
        missing(
          `The course began with the ${start.date} session, more than ${rule.months} months before the date of service: treatment beyond ${rule.months} months may get focused review.`,
          `Document: ${rule.asks.join('; ')}`,
          start.evidence,
        ),
      );
    },
  );
}
