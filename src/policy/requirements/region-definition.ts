// Which region a cervical or a thoracic session belongs to when sessions are counted per spinal region (issue 9, F15).
// ClaimReady counts cervical and thoracic together, as the CPT families do (62320/62321 and 64479/64480 are
// "cervical or thoracic"; 62322/62323 and 64483/64484 "lumbar or sacral"). No LCD or billing-article text read here
// defines "spinal region", so this rule only says, when it matters, that the count could not be checked.
import type { SpinalRegion } from '../picture';
import type { FrequencyLimit, PolicyParams } from '../policies/types';
import { regionGroupOf } from '../services';
import { serviceRegion } from '../levels';
import type { CheckResult, Ctx, Requirement } from './common';
import { advice, evidenceOf, met, missing, notApplicable } from './common';
import { sessionsInWindow } from './history';
import type { Session } from './sessions';

function regionOfSession(s: Session): SpinalRegion | undefined {
  for (const p of s.procedures) {
    const r = serviceRegion(p);
    if (r) return r;
  }
  return undefined;
}

/** Reads the limit the payer's per-region rule sets (an overlay may set its own, or none). */
export function regionDefinitionRequirement(id: string): Requirement {
  return {
    id,
    category: 'frequency',
    text: 'Cervical and thoracic sessions counted as one region (advice: the texts read do not define the region)',
    check(ctx, params: PolicyParams): CheckResult {
      const slot = params.regionDefinition;
      const rule = params.frequencyRegion?.value;
      if (!slot || !rule) return notApplicable('This payer sets no such rule.');
      const r = judge(ctx, rule);
      r.citation = slot.citation;
      return r;
    },
  };
}

function judge(ctx: Ctx, rule: FrequencyLimit): CheckResult {
  const service = ctx.service;
  const region = serviceRegion(service);
  if (regionGroupOf(region) !== 'cervical-thoracic') return advice(notApplicable('Not a cervical or thoracic service.'));
  const prior = sessionsInWindow(ctx, rule);
  // Sessions whose own region is the other one of the pair, or is not recorded, are the ones in doubt.
  const doubtful = prior.filter((s) => {
    const r = regionOfSession(s);
    return r === undefined || region === undefined || r !== region;
  });
  if (doubtful.length === 0) return advice(notApplicable(`Every session counted is ${region} like this one.`));
  const list = doubtful.map((s) => `${s.date} (${regionOfSession(s) ?? 'region not recorded'})`).join(', ');
  const withThem = prior.length + 1 <= rule.max;
  const without = prior.length - doubtful.length + 1 <= rule.max;
  const what = region ?? 'cervical or thoracic';
  if (withThem === without)
    return advice(
      met(
        `Sessions counted with this ${what} one although their region may differ: ${list}. The limit of ${rule.max} is ${withThem ? 'kept' : 'exceeded'} whether or not they count.`,
        evidenceOf(doubtful),
      ),
    );
  return advice(
    missing(
      `Sessions counted with this ${what} one: ${list}. ClaimReady counts cervical and thoracic sessions as one region, as the CPT code families do; no LCD or billing-article text read defines "spinal region", so whether they count against the limit of ${rule.max} could not be checked. Counted, this is session ${prior.length + 1}; not counted, session ${prior.length - doubtful.length + 1}.`,
      'Check with the contractor (or its billing article) whether cervical and thoracic sessions share the per-region limit before relying on this count',
      evidenceOf(doubtful),
    ),
  );
}
