// Where the patient is in a staged treatment, for the prior-auth view: the facet sequence (diagnostic block #1, #2,
// then radiofrequency ablation) and ESI sessions per region in the rolling window. Read from the policy core's own
// facts (sessions as the LCDs count them, the policy version's cited thresholds); nothing here is a rule of its own:
// every limit shown is a policy parameter with its citation.
import type { Citation, ClinicalPicture, PlannedService, ServiceKind, Session } from '../../policy/index';
import {
  addDays,
  addMonths,
  allSessions,
  bestRelief,
  familyKinds,
  familyOf,
  paramsFor,
  policyById,
  regionGroupOf,
  serviceRegion,
} from '../../policy/index';
import { payerFor } from '../../workflow/index';

export interface StageStep {
  label: string;
  state: 'done' | 'this-request' | 'later';
  date?: string;
  /** "85 % relief (pain), 2 h" when a relief is on record for the session. */
  relief?: string;
  /** The step's note: relief under the threshold, too soon, ... */
  note?: string;
}

export interface StageTrack {
  title: string;
  steps: StageStep[];
  /** "2 of at most 4 ESI sessions per spinal region in 12 months used". */
  window?: string;
  /** The first date the planned service fits the limits read here (never before the date of service asked). */
  earliest?: { date: string; why: string };
  /** What this authorization request is for, in the sequence. */
  thisRequest: string;
  /** What comes after it, when the sequence goes on. */
  next?: string;
  citations: Citation[];
}

const BLOCKS = familyKinds('facet-block');
const RFA = familyKinds('facet-rfa');
const ESI = familyKinds('esi');

function reliefText(s: Session): string | undefined {
  const r = bestRelief(s, 'pain') ?? bestRelief(s);
  if (!r) return undefined;
  const hours = r.durationHours;
  const lasted = hours === undefined ? '' : hours >= 24 * 7 ? `, ${Math.round(hours / 24 / 7)} weeks` : `, ${hours} h`;
  return `${r.percent} % relief (${r.measure})${lasted}`;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function inGroup(s: Session, group: ReturnType<typeof regionGroupOf>, kinds: readonly ServiceKind[], dos: string): boolean {
  return s.date < dos && s.kinds.some((k) => kinds.includes(k)) && (group === undefined || s.group === undefined || s.group === group);
}

export function stageTrack(picture: ClinicalPicture, service: PlannedService, today: string): StageTrack | undefined {
  const fam = familyOf(service.kind)?.id;
  const dos = (service.date ?? today).slice(0, 10);
  const group = regionGroupOf(serviceRegion(service));
  // The payer as the rest of the check resolved it (one place: src/workflow), for its overlay of the thresholds.
  const { policySet } = payerFor(picture);
  const sessions = allSessions(picture);
  if (fam === 'facet-block' || fam === 'facet-rfa') {
    const blockPolicy = policyById('lcd-facet-block');
    const rfaPolicy = policyById('lcd-facet-rfa');
    const bp = blockPolicy && paramsFor(blockPolicy, policySet, dos);
    const rp = rfaPolicy && paramsFor(rfaPolicy, policySet, dos);
    const seq = rp?.diagnosticBlocks;
    if (!seq) return undefined;
    const plannedBlock = fam === 'facet-block';
    // A therapeutic joint injection is not a step of the diagnostic sequence.
    if (plannedBlock && service.intent === 'therapeutic') return undefined;
    const lastRfa = sessions.find((s) => inGroup(s, group, RFA, dos));
    const blocks = sessions
      .filter((s) => inGroup(s, group, BLOCKS, dos) && s.intent !== 'therapeutic' && (!lastRfa || s.date > lastRfa.date))
      .reverse();
    const need = seq.value.count;
    const min = seq.value.minPercent;
    const steps: StageStep[] = [];
    for (let i = 0; i < need; i++) {
      const s = blocks[i];
      const label = `Diagnostic block #${i + 1}`;
      if (s) {
        const best = bestRelief(s, 'pain')?.percent;
        const relief = reliefText(s);
        steps.push({
          label,
          state: 'done',
          date: s.date,
          ...(relief ? { relief } : {}),
          ...(best === undefined
            ? { note: 'No relief recorded after it.' }
            : best < min
              ? { note: `Under the ${min} % the policy asks for.` }
              : {}),
        });
      } else steps.push({ label, state: plannedBlock && i === blocks.length ? 'this-request' : 'later' });
    }
    steps.push({ label: 'Radiofrequency ablation', state: plannedBlock ? 'later' : 'this-request' });
    const citations = [seq.citation, ...(bp?.secondBlock ? [bp.secondBlock.citation] : [])];
    const current = steps.find((s) => s.state === 'this-request');
    const missing = need - Math.min(blocks.length, need);
    let earliest: StageTrack['earliest'];
    const last = blocks.at(-1);
    if (plannedBlock && blocks.length === 1 && bp?.secondBlock && last) {
      const d = addDays(last.date, bp.secondBlock.value.minDays);
      earliest = { date: later(d, dos), why: `${bp.secondBlock.value.minDays} days after block #1 (${last.date})` };
    }
    const thisRequest = current
      ? `${current.label} (${service.code}${service.levels.length ? ` ${service.levels.join(', ')}` : ''})`
      : `${service.code}: outside the sequence (${blocks.length} diagnostic blocks already on record)`;
    return {
      title: 'Facet sequence: diagnostic blocks, then ablation',
      steps,
      ...(earliest ? { earliest } : {}),
      thisRequest:
        !plannedBlock && missing > 0
          ? `Radiofrequency ablation, but ${missing} of the ${need} diagnostic blocks ${missing === 1 ? 'is' : 'are'} not on record: the next authorization is for diagnostic block #${blocks.length + 1}`
          : thisRequest,
      ...(plannedBlock ? { next: blocks.length + 1 < need ? `Diagnostic block #${blocks.length + 2}` : 'Radiofrequency ablation' } : {}),
      citations,
    };
  }
  if (fam === 'esi') {
    const policy = policyById('lcd-epidural');
    const p = policy && paramsFor(policy, policySet, dos);
    const f = p?.frequencyRegion;
    if (!f) return undefined;
    const from = addMonths(dos, -f.value.months);
    const prior = sessions.filter((s) => inGroup(s, f.value.perRegion ? group : undefined, f.value.counts, dos));
    const inWindow = prior.filter((s) => s.date > from);
    const steps: StageStep[] = [...inWindow].reverse().map((s) => {
      const relief = reliefText(s);
      return {
        label: `ESI session (${s.group ?? 'region not recorded'})`,
        state: 'done' as const,
        date: s.date,
        ...(relief ? { relief } : {}),
      };
    });
    const n = inWindow.length + 1;
    steps.push({ label: `ESI session ${n} of at most ${f.value.max}`, state: 'this-request' });
    const dates: { date: string; why: string }[] = [];
    if (n > f.value.max) {
      // The oldest of the sessions over the limit has to leave the window first.
      const leaving = [...inWindow].reverse()[n - 1 - f.value.max]!;
      dates.push({
        date: addMonths(leaving.date, f.value.months),
        why: `when the session of ${leaving.date} leaves the ${f.value.months}-month window`,
      });
    }
    const spacing = p.minDaysBetween;
    const lastAny = sessions.find((s) => s.date < dos && s.kinds.some((k) => (spacing?.value.counts ?? ESI).includes(k)));
    if (spacing && lastAny)
      dates.push({
        date: addDays(lastAny.date, spacing.value.days),
        why: `${spacing.value.days} days after the injection of ${lastAny.date}`,
      });
    const latest = dates.sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    return {
      title: `ESI sessions${f.value.perRegion && group ? ` in the ${group} region` : ''}, rolling ${f.value.months} months`,
      steps,
      window: `${inWindow.length} of at most ${f.value.max} ${f.value.label} used in the ${f.value.months} months before ${dos}`,
      ...(latest && latest.date > dos ? { earliest: latest } : {}),
      thisRequest: `ESI session ${n} in ${f.value.months} months (${service.code}${service.levels.length ? ` ${service.levels.join(', ')}` : ''})`,
      citations: [f.citation, ...(spacing ? [spacing.citation] : [])],
    };
  }
  return undefined;
}
