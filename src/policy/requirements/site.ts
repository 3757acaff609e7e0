// Levels and laterality: present on the order, within the per-session limit and one region, and consistent
// between the order, the note's plan and the diagnosis; plus image guidance. The facet injection's intent is in
// ./intent.ts.
import type { ClinicalPicture, Evidence, Laterality, PlannedService, SiteMention, SpinalRegion } from '../picture';
import { jointsOfNerves, regionOfLevel } from '../levels';
import { familyOf, regionGroupOf, serviceDef } from '../services';
import { icd10Info } from '../icd10';
import { dayOf } from '../dates';
import { dosOf, met, missing, notApplicable, notMet, requirement, plural, sameRegionGroup, evidenceOf } from './common';
import { serviceRegion } from '../levels';
import type { CheckResult, Requirement } from './common';

export function levelLimitRequirement(id: string): Requirement {
  return requirement(
    id,
    'levels',
    'Levels named on the order, within the per-session limit, in one region',
    (p) => p.maxLevels,
    (picture, service, today, limits, ctx) => {
      const rule = limits.byKind[service.kind] ?? limits.default;
      const ev = service.evidence;
      if (service.levels.length === 0) return missing('The order names no spinal level.', 'Add the level(s) to the order (e.g. L4-L5)', ev);
      const groups = new Set(service.levels.map((l) => regionGroupOf(regionOfLevel(l))));
      if (groups.size > 1)
        return notMet(
          `Levels ${service.levels.join(', ')} span more than one spinal region in one session.`,
          'Limit the session to one spinal region',
          ev,
        );
      // The session is the day: another order of the same family that day in another region is a second region.
      const family = familyOf(service.kind)?.id;
      const region = serviceRegion(service);
      const elsewhere = picture.plannedServices.filter(
        (s) =>
          s !== service &&
          s.requestRef !== service.requestRef &&
          family !== undefined &&
          familyOf(s.kind)?.id === family &&
          dosOf(s, today) === ctx.dos &&
          !sameRegionGroup(region, serviceRegion(s)),
      );
      if (elsewhere.length > 0)
        return notMet(
          `Also ordered for the same day in another spinal region: ${elsewhere.map((s) => `${s.code} ${s.levels.join(', ')}`).join('; ')}. One region per session.`,
          'Schedule the other region on another day',
          [...ev, ...evidenceOf(elsewhere)],
        );
      // EHRs send one order per billed line (64493 + 64494 + 64495): the session's levels are all of them.
      const others = sessionOrders(picture, service, ctx.dos, today).filter((s) => s !== service && s.requestRef !== service.requestRef);
      const levels = [...new Set([...service.levels, ...others.flatMap((s) => s.levels)])];
      const count = levels.length;
      if (count > rule.max)
        return notMet(
          others.length > 0
            ? `${plural(count, 'level')} ordered for this session (${service.code} ${service.levels.join(', ')}; also ${others.map((s) => `${s.code} ${s.levels.join(', ')}`).join('; ')}); at most ${rule.max} per session.`
            : `${plural(count, 'level')} ordered (${service.levels.join(', ')}); at most ${rule.max} per session.`,
          `Reduce the session to ${plural(rule.max, 'level')}`,
          others.length > 0 ? [...ev, ...evidenceOf(others)] : ev,
        );
      if (rule.bilateralNotCovered && service.laterality === 'bilateral')
        return notMet(
          `${service.code} is ordered bilateral; the policy does not cover a bilateral interlaminar or caudal injection.`,
          'Order one interlaminar (or caudal) injection, without a bilateral side',
          ev,
        );
      if (rule.lateralityRequired && !service.laterality)
        return missing(`Levels ${service.levels.join(', ')} ordered without a side.`, 'State left, right or bilateral on the order', ev);
      return met(
        `${service.levels.join(', ')}${service.laterality ? `, ${service.laterality}` : ''}: within ${plural(rule.max, 'level')} per session.`,
        ev,
      );
    },
  );
}

/** The day's orders of the service's family in its region group: one session, whatever the number of orders. */
function sessionOrders(picture: ClinicalPicture, service: PlannedService, dos: string, today: string): PlannedService[] {
  const family = familyOf(service.kind)?.id;
  if (family === undefined) return [service];
  const region = serviceRegion(service);
  return picture.plannedServices.filter(
    (s) => familyOf(s.kind)?.id === family && dosOf(s, today) === dos && sameRegionGroup(region, serviceRegion(s)),
  );
}

export function isPlan(m: SiteMention, dos: string): boolean {
  return m.context === 'plan' && (m.levels.length > 0 || !!m.laterality) && !(m.date && dayOf(m.date) > dos);
}

/**
 * Two levels name the same site: equal, or a single vertebra inside a segment ("L5" root or medial branch vs the
 * "L5-S1" segment), because notes name roots and nerves where orders name segments.
 */
function sameSite(a: string, b: string): boolean {
  if (a === b) return true;
  const aSeg = a.includes('-');
  if (aSeg === b.includes('-')) return false;
  const [a1, a2] = a.split('-');
  const [b1, b2] = b.split('-');
  if (a2 === undefined && b2 !== undefined) return a1 === b1 || a1 === b2;
  if (b2 === undefined && a2 !== undefined) return b1 === a1 || b1 === a2;
  return false;
}

// A facet block or ablation plan may name the nerves ("the right L3 and L4 medial branches") where the order names
// the joint they supply (L4-L5): the plan's single vertebrae are also read as nerves for these kinds.
const NERVE_NAMED_KINDS: ReadonlySet<PlannedService['kind']> = new Set(['facet-mbb', 'facet-rfa']);

function asNerveJoints(levels: readonly string[]): string[] | undefined {
  const singles = levels.filter((l) => !l.includes('-'));
  const joints = singles.length > 0 ? jointsOfNerves(singles) : undefined;
  return joints ? [...new Set([...levels.filter((l) => l.includes('-')), ...joints])] : undefined;
}

function planAgrees(kind: PlannedService['kind'], plan: readonly string[], order: readonly string[]): boolean {
  if (levelsAgree(plan, order)) return true;
  const joints = NERVE_NAMED_KINDS.has(kind) ? asNerveJoints(plan) : undefined;
  return joints !== undefined && levelsAgree(joints, order);
}

function levelsAgree(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.every((x) => b.some((y) => sameSite(x, y))) && b.every((y) => a.some((x) => sameSite(x, y)));
}

/**
 * Spinal cord stimulation puts its leads in the epidural space over the cord segments that serve the painful area,
 * not at the painful level: low back and leg pain is covered from about T8 to L1 (Falowski, "Spinal Cord Stimulation
 * for Practitioners": T11-T12 anterior thigh, T11-L1 posterior thigh). So for these kinds, the diagnosis region (key)
 * and the lead region (values) that go together; anything else is still a disagreement.
 */
const LEAD_REGIONS_FOR_PAIN: Partial<Record<SpinalRegion, readonly SpinalRegion[]>> = {
  lumbar: ['thoracic', 'lumbar'],
  sacral: ['thoracic', 'lumbar'],
  thoracic: ['thoracic'],
  cervical: ['cervical'],
};
const LEAD_KINDS: ReadonlySet<PlannedService['kind']> = new Set(['scs-trial']);

/** The diagnosis region and the procedure region agree: same group, or a neurostimulator lead placed where it usually is. */
function regionsAgree(kind: PlannedService['kind'], dxRegion: SpinalRegion, procRegion: SpinalRegion | undefined): boolean {
  if (regionGroupOf(dxRegion) === regionGroupOf(procRegion)) return true;
  return LEAD_KINDS.has(kind) && procRegion !== undefined && (LEAD_REGIONS_FOR_PAIN[dxRegion] ?? []).includes(procRegion);
}

function sideOk(a: Laterality | undefined, b: Laterality | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

export function siteConsistencyRequirement(id: string): Requirement {
  return requirement(
    id,
    'levels-laterality',
    'Levels and side agree between the order, the note plan and the diagnosis',
    (p) => p.siteConsistency,
    (picture, service, today, _rule, ctx) => {
      const dos = dosOf(service, today);
      const problems: string[] = [];
      let evidence: Evidence[] = [...service.evidence];
      // Notes name a site several ways (joint, root, medial branches): one plan mention that agrees is enough. The
      // latest plan, and the latest that agrees (the first one in note order on a tie).
      let latest: SiteMention | undefined;
      let agreeing: SiteMention | undefined;
      // A plan may name the whole session where each order names one of its levels (64493 L4-L5 + 64494 L5-S1).
      const session = [...new Set(sessionOrders(picture, service, dos, today).flatMap((s) => s.levels))];
      for (const m of picture.siteMentions) {
        if (!isPlan(m, dos)) continue;
        const d = m.date ?? '';
        if (!latest || d > (latest.date ?? '')) latest = m;
        if (
          (!agreeing || d > (agreeing.date ?? '')) &&
          (planAgrees(service.kind, m.levels, service.levels) ||
            (session.length > service.levels.length && planAgrees(service.kind, m.levels, session))) &&
          sideOk(m.laterality, service.laterality)
        )
          agreeing = m;
      }
      const plan = agreeing ?? latest;
      if (plan && !agreeing) {
        if (!planAgrees(service.kind, plan.levels, service.levels))
          problems.push(`the order says ${service.levels.join(', ')} but the note plan says ${plan.levels.join(', ')}`);
        if (!sideOk(plan.laterality, service.laterality))
          problems.push(`the order says ${service.laterality} but the note plan says ${plan.laterality}`);
      }
      if (plan) evidence = evidence.concat(plan.evidence);
      const region = serviceRegion(service);
      const group = regionGroupOf(region);
      let usualLead: string | undefined;
      if (group) {
        const codes = ctx.dx.filter((c) => c.onOrder);
        for (const c of codes) {
          const r = icd10Info(c.code)?.region;
          if (r && regionGroupOf(r) !== group && regionsAgree(service.kind, r, region))
            usualLead = `${region} leads for a ${r} diagnosis (${c.code}) are the usual placement for spinal cord stimulation`;
          else if (r && !regionsAgree(service.kind, r, region)) {
            problems.push(`diagnosis ${c.code} is ${r} but the procedure is ${region}`);
            evidence = evidence.concat(c.evidence);
          }
        }
      }
      if (service.laterality && service.laterality !== 'bilateral') {
        const other = picture.symptoms.find(
          (s) =>
            s.present &&
            s.kind === 'radicular' &&
            s.laterality &&
            s.laterality !== 'bilateral' &&
            s.laterality !== service.laterality &&
            (!group || regionGroupOf(s.region) === undefined || regionGroupOf(s.region) === group),
        );
        if (other) {
          problems.push(`the order is ${service.laterality} but the documented radicular symptoms are ${other.laterality}`);
          evidence = evidence.concat(other.evidence);
        }
      }
      if (problems.length > 0)
        return missing(
          `Site disagreement: ${problems.join('; ')}.`,
          'Correct the order or the note so that levels and side match',
          evidence,
        );
      const lead = usualLead ? ` (${usualLead})` : '';
      if (!plan) return met(`No conflicting site in the note plan or the diagnosis${lead}.`, service.evidence);
      return met(`The order, the note plan and the diagnosis agree on the site${lead}.`, evidence);
    },
  );
}

function imageGuidanceCheck(service: PlannedService): CheckResult {
  const def = serviceDef(service.code);
  if (service.imageGuidance === false)
    return notMet(
      'The order asks for no image guidance; this procedure is not covered without it.',
      'Order the procedure with fluoroscopic or CT guidance',
      service.evidence,
    );
  if (def?.imagingFromOrder) {
    if (service.imageGuidance) return met('The order names fluoroscopic or CT guidance.', service.evidence);
    return missing(
      `${service.code} does not say whether the injection is image guided, and the order does not either.`,
      'State fluoroscopic or CT guidance (with contrast) on the order or in the procedure note',
      service.evidence,
    );
  }
  if (def && !def.includesImaging && def.kind !== 'trigger-point') {
    return notMet(
      `${service.code} is the code without imaging guidance; this procedure is not covered without it.`,
      'Use the code with imaging guidance and document fluoroscopy/CT with contrast',
      service.evidence,
    );
  }
  return met('Image guidance is part of the ordered procedure.', service.evidence);
}

/**
 * Image guidance. Where the rule rests on summaries only (SI joint), a procedure they call not covered without
 * guidance still cannot come out "ready": it is held as incomplete (confirm the guidance), never decided not eligible.
 */
export function imageGuidanceRequirement(id: string): Requirement {
  return {
    id,
    category: 'imaging',
    text: 'Performed under fluoroscopic or CT guidance',
    check(ctx, params) {
      const slot = params.imageGuidance;
      if (!slot) return notApplicable('This payer sets no such rule.');
      const r = imageGuidanceCheck(ctx.service);
      const held: CheckResult =
        slot.citation.verified || r.status === 'met'
          ? r
          : {
              ...missing(
                `${r.message} The summaries read this procedure as not covered without image guidance.`,
                r.fix ?? 'Document fluoroscopic or CT guidance with contrast',
                r.evidence,
              ),
              holdsReady: true,
            };
      held.citation = slot.citation;
      return held;
    },
  };
}

export function concordantImagingRequirement(id: string): Requirement {
  return requirement(
    id,
    'imaging',
    'Imaging of the treated region supports the diagnosis (concordant imaging)',
    (p) => p.concordantImaging,
    (picture, service, today, rule) => {
      const dos = dosOf(service, today);
      const region = serviceRegion(service);
      const before = picture.imaging.filter((i) => rule.modalities.includes(i.modality) && !(i.date && dayOf(i.date) > dos));
      const here = before.filter((i) => {
        const r = serviceRegion(i);
        return r === undefined ? region === undefined : sameRegionGroup(region, r);
      });
      const found = here.filter((i) => !i.normal);
      const atLevel = found.filter(
        (i) => i.levels.length === 0 || service.levels.length === 0 || i.levels.some((l) => service.levels.some((s) => sameSite(l, s))),
      );
      const fix = `Attach or summarise the ${rule.modalities.join('/')} report of the ${region ?? 'treated'} spine and how it matches the symptoms`;
      if (atLevel.length > 0) {
        const best = atLevel[0]!;
        return met(
          `${best.modality}${best.date ? ` ${dayOf(best.date)}` : ''}${best.finding ? `: ${best.finding}` : ''}.`,
          evidenceOf(atLevel.slice(0, 3)),
        );
      }
      if (here.length > 0 && found.length === 0)
        return missing(
          `The imaging of the ${region ?? 'treated'} spine on file (${[...new Set(here.map((i) => `${i.modality}${i.date ? ` ${dayOf(i.date)}` : ''}`))].join('; ')}) reads as normal: no finding that supports the diagnosis.`,
          `${fix}; if other imaging shows the pathology, add it`,
          evidenceOf(here),
        );
      if (here.length > 0)
        return missing(
          `The imaging on file (${found.map((i) => `${i.modality} ${i.levels.join(', ')}`).join('; ')}) places its findings at other levels than the order (${service.levels.join(', ')}).`,
          fix,
          evidenceOf(found),
        );
      return missing(`No ${rule.modalities.join('/')} of the ${region ?? 'treated'} spine is on file.`, fix, evidenceOf(before));
    },
  );
}
