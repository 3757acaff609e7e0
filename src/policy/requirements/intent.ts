// A facet (or SI) injection's intent, diagnostic block or therapeutic joint injection: what the order says, else
// the note's plan; and the requirement that it is said, without the order and the plan disagreeing.
import type { ClinicalPicture, Evidence, InjectionIntent, PlannedService } from '../picture';
import { dosOf, evidenceOf, met, missing, requirement } from './common';
import type { Requirement } from './common';
import { DIAGNOSTIC_WORDS, intentInWords, siIntentInWords, THERAPEUTIC_WORDS } from './sessions';
import { isPlan } from './site';

/**
 * 64490-64495: a diagnostic block or a therapeutic joint injection, as the order says, else the note's plan, else the
 * order's wording; undefined when nothing says (the code alone does not).
 */
export function injectionIntent(
  picture: ClinicalPicture,
  service: PlannedService,
  dos: string,
): { intent?: InjectionIntent; evidence: Evidence[] } {
  if (service.intent) return { intent: service.intent, evidence: service.evidence };
  if (service.kind === 'facet-ia') return { intent: 'therapeutic', evidence: service.evidence };
  if (service.kind === 'si-joint') return siPlannedIntent(picture, service, dos);
  const ordered = intentInWords(service.evidence.map((e) => e.display).join(' '));
  if (ordered) return { intent: ordered, evidence: service.evidence };
  return planIntent(picture, dos);
}

/** A facet injection's intent as the note's plan names it (the target it plans: medial branches or the joint). */
function planIntent(picture: ClinicalPicture, dos: string): { intent?: InjectionIntent; evidence: Evidence[] } {
  const plans = picture.siteMentions.filter((m) => isPlan(m, dos) && m.target);
  const diag = plans.filter((m) => DIAGNOSTIC_WORDS.test(m.target!));
  if (diag.length > 0) return { intent: 'diagnostic', evidence: evidenceOf(diag) };
  const ther = plans.filter((m) => THERAPEUTIC_WORDS.test(m.target!));
  if (ther.length > 0) return { intent: 'therapeutic', evidence: evidenceOf(ther) };
  return { evidence: [] };
}

const INTENT_LABEL: Record<InjectionIntent, string> = {
  diagnostic: 'a diagnostic block',
  therapeutic: 'a therapeutic intra-articular injection',
};

/** A sacroiliac injection's intent: the order's words, else the words of a plan sentence in the notes. */
function siPlannedIntent(
  picture: ClinicalPicture,
  service: PlannedService,
  dos: string,
): { intent?: InjectionIntent; evidence: Evidence[] } {
  const ordered = siIntentInWords(service.evidence.map((e) => e.display).join(' '));
  if (ordered) return { intent: ordered, evidence: service.evidence };
  for (const m of picture.siteMentions) {
    if (!isPlan(m, dos)) continue;
    const said = siIntentInWords(m.evidence.map((e) => e.quote?.text ?? '').join(' '));
    if (said) return { intent: said, evidence: m.evidence };
  }
  return { evidence: [] };
}

export function injectionIntentRequirement(id: string): Requirement {
  return requirement(
    id,
    'other',
    'The order or note says whether the facet injection is a diagnostic block or a therapeutic joint injection',
    (p) => p.injectionIntent,
    (picture, service, today, _rule) => {
      const dos = dosOf(service, today);
      const { intent, evidence } = injectionIntent(picture, service, dos);
      // The order and the note plan naming different procedures: the caps and prerequisites differ, so neither may
      // silently win (round-4 F7: an order for "MBB #1 (diagnostic)" and a plan for a therapeutic joint injection).
      const plan = service.kind === 'facet-ia' || service.kind === 'si-joint' ? undefined : planIntent(picture, dos);
      if (intent && plan?.intent && plan.intent !== intent && evidence !== plan.evidence)
        return missing(
          `The order is for ${INTENT_LABEL[intent]} but the note plans ${INTENT_LABEL[plan.intent]}; the rules differ.`,
          'Correct the order or the plan so that both name the same procedure',
          [...evidence, ...plan.evidence],
        );
      if (intent)
        return met(
          intent === 'diagnostic'
            ? 'A diagnostic block (medial branch or joint) before ablation.'
            : 'A therapeutic intra-articular injection.',
          evidence,
        );
      return missing(
        'The order and the note do not say whether this is a diagnostic block or a therapeutic intra-articular injection; the rules differ.',
        'State on the order or in the plan: diagnostic medial branch block, or therapeutic intra-articular injection',
        service.evidence,
      );
    },
  );
}
