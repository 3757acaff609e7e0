// Where the patient is in a staged treatment: the facet sequence (diagnostic blocks, then radiofrequency ablation,
// then repeat ablations until the last one is too old and the blocks start again) and ESI sessions per region in
// the rolling window. Every number comes from the policy version in force (with the payer's overlay) and every
// count from the same helpers the requirements use, so the track and the verdict cannot disagree; the track adds
// only the order of the steps and the dates the rules' own intervals give.
import type { ClinicalPicture, PlannedService } from './picture';
import type { Citation } from './verdicts';
import type { PayerDef } from './payers';
import type { Cited, FrequencyLimit, PolicyParams } from './policies/types';
import { paramsFor } from './payers';
import { policyById } from './policies/index';
import { familyOf, regionGroupOf } from './services';
import { serviceRegion } from './levels';
import { addMonths, HOURS_PER_MONTH, HOURS_PER_WEEK } from './dates';
import { dosOf } from './requirements/common';
import { allSessions, bestRelief, sessionsBefore, type Session } from './requirements/sessions';
import { diagnosticSequence } from './requirements/diagnostic-blocks';
import { priorSessions, repeatedSession, sessionsInWindow } from './requirements/history';
import { earliestUnderLimit, firstDayAfterSpacing, firstDayOutOfWindow } from './requirements/eligible';
import { injectionIntent } from './requirements/intent';

export interface StageStep {
  label: string;
  state: 'done' | 'this-request' | 'later';
  date?: string;
  /** "85 % relief (pain), 2 weeks" when a relief is on record for the session. */
  relief?: string;
  /** Whether the session's relief reaches what the next step asks of it (absent: no such rule). */
  qualifies?: boolean;
  /** Why it does not: under the threshold, no relief recorded ... */
  note?: string;
}

export interface StageTrack {
  title: string;
  steps: StageStep[];
  /** "2 of at most 4 ESI sessions per spinal region used in the 12 months before 2026-12-01". */
  window?: { used: number; max: number; text: string };
  /** The first date the planned service fits the limits read here; only when it is after the date of service. */
  earliest?: { date: string; why: string };
  /** What this authorization request is for, in the sequence. */
  thisRequest: string;
  /** What comes after it, when the sequence goes on. */
  next?: string;
  /** The rules the track was read from, with their document, version and section. */
  citations: Citation[];
}

function describeHours(h: number): string {
  if (h >= HOURS_PER_MONTH) return `${Math.round((h / HOURS_PER_MONTH) * 10) / 10} months`;
  if (h >= HOURS_PER_WEEK) return `${Math.round((h / HOURS_PER_WEEK) * 10) / 10} weeks`;
  return `${h} h`;
}

function reliefText(s: Session): string | undefined {
  const r = bestRelief(s, 'pain') ?? bestRelief(s);
  if (!r) return undefined;
  return `${r.percent} % relief (${r.measure})${r.durationHours === undefined ? '' : `, ${describeHours(r.durationHours)}`}`;
}

function codeText(service: PlannedService): string {
  return `${service.code}${service.levels.length ? ` ${service.levels.join(', ')}` : ''}`;
}

/** The latest of the candidate dates, when it falls after the date of service. */
function latestAfter(dos: string, dates: { date: string; why: string }[]): { date: string; why: string } | undefined {
  const latest = dates.filter((d) => d.date !== '').sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  return latest && latest.date > dos ? latest : undefined;
}

function windowOf(
  ctx: { sessions: Session[]; dos: string; service: PlannedService },
  f: Cited<FrequencyLimit>,
): { window: NonNullable<StageTrack['window']>; inWindow: Session[]; earliest?: { date: string; why: string } } {
  const inWindow = sessionsInWindow(ctx, f.value);
  const next = earliestUnderLimit(inWindow, f.value.max, f.value.months);
  return {
    inWindow,
    window: {
      used: inWindow.length,
      max: f.value.max,
      text: `${inWindow.length} of at most ${f.value.max} ${f.value.label} used in the ${f.value.months} months before ${ctx.dos}`,
    },
    ...(next
      ? { earliest: { date: next.date, why: `when the session of ${next.leaving} leaves the ${f.value.months}-month window` } }
      : {}),
  };
}

function doneStep(label: string, s: Session, minPercent: number | undefined, measure: 'pain' | undefined): StageStep {
  const relief = reliefText(s);
  const best = (measure ? bestRelief(s, measure) : bestRelief(s))?.percent;
  const step: StageStep = { label, state: 'done', date: s.date, ...(relief ? { relief } : {}) };
  if (minPercent === undefined) return step;
  if (best === undefined) return { ...step, qualifies: false, note: 'No relief recorded after it.' };
  if (best < minPercent) return { ...step, qualifies: false, note: `Under the ${minPercent} % the policy asks for.` };
  return { ...step, qualifies: true };
}

function facetTrack(picture: ClinicalPicture, service: PlannedService, payer: PayerDef, today: string): StageTrack | undefined {
  const dos = dosOf(service, today);
  const blockPolicy = policyById('lcd-facet-block');
  const rfaPolicy = policyById('lcd-facet-rfa');
  const bp: PolicyParams | undefined = blockPolicy && paramsFor(blockPolicy, payer, dos);
  const rp: PolicyParams | undefined = rfaPolicy && paramsFor(rfaPolicy, payer, dos);
  const seq = rp?.diagnosticBlocks;
  if (!seq) return undefined;
  const plannedBlock = familyOf(service.kind)?.id === 'facet-block';
  // A therapeutic joint injection is not a step of the diagnostic sequence.
  if (plannedBlock && injectionIntent(picture, service, dos).intent === 'therapeutic') return undefined;
  const ctx = { sessions: allSessions(picture), dos, service };
  const { ablation, repeat, blocks } = diagnosticSequence(ctx, seq.value);
  const { count, minPercent, renewAfterMonths } = seq.value;
  const citations: Citation[] = [seq.citation];
  const dates: { date: string; why: string }[] = [];

  // A planned ablation within the renewal window of the last one: a repeat, judged on that ablation's relief.
  if (!plannedBlock && ablation && repeat) {
    const rr = rp.repeatRelief;
    const steps: StageStep[] = [doneStep('Radiofrequency ablation', ablation, rr?.value.minPercent, undefined)];
    const r = bestRelief(ablation);
    const minHours = rr?.value.minMonths !== undefined ? rr.value.minMonths * HOURS_PER_MONTH : undefined;
    if (rr && r && r.percent >= rr.value.minPercent && minHours !== undefined && (r.durationHours ?? -1) < minHours)
      steps[0] = { ...steps[0]!, qualifies: false, note: `Relief lasted under the ${describeHours(minHours)} a repeat asks for.` };
    steps.push({ label: 'Repeat radiofrequency ablation', state: 'this-request' });
    if (rr) citations.push(rr.citation);
    const f = rp.frequencyRegion;
    const w = f && windowOf(ctx, f);
    if (f) citations.push(f.citation);
    if (w?.earliest) dates.push(w.earliest);
    const renew = firstDayOutOfWindow(ablation.date, renewAfterMonths);
    const earliest = latestAfter(dos, dates);
    return {
      title: 'Facet sequence: repeat ablation',
      steps,
      ...(w ? { window: w.window } : {}),
      ...(earliest ? { earliest } : {}),
      thisRequest: `Repeat radiofrequency ablation (${codeText(service)}), ${ablation.date} ablation less than ${renewAfterMonths} months before: no new diagnostic blocks needed`,
      next: `From ${renew} the ${ablation.date} ablation is ${renewAfterMonths} months old: new diagnostic blocks before the next ablation`,
      citations,
    };
  }

  const oldest = [...blocks].reverse();
  const steps: StageStep[] = oldest.map((s, i) => doneStep(`Diagnostic block #${i + 1}`, s, minPercent, 'pain'));
  const good = steps.filter((s) => s.qualifies).length;
  const prefix: StageStep[] = [];
  if (ablation && !repeat)
    prefix.push({
      ...doneStep('Radiofrequency ablation', ablation, undefined, undefined),
      note: `More than ${renewAfterMonths} months before: new blocks are needed.`,
    });
  else if (ablation) {
    // A block planned where an ablation worked recently: the policy's own bar says whether that is covered.
    const nb = bp?.noBlockAfterAblation;
    const worked =
      nb !== undefined &&
      ablation.date > addMonths(dos, -nb.value.withinMonths) &&
      (bestRelief(ablation)?.percent ?? -1) >= nb.value.minPercent;
    if (nb && worked) citations.push(nb.citation);
    prefix.push({
      ...doneStep('Radiofrequency ablation', ablation, undefined, undefined),
      ...(nb && worked
        ? {
            note: `Gave at least ${nb.value.minPercent} % relief: a diagnostic block at these levels is not covered; a repeat ablation is.`,
          }
        : {}),
    });
  }
  if (plannedBlock) {
    steps.push({ label: `Diagnostic block #${oldest.length + 1}`, state: 'this-request' });
    for (let i = oldest.length + 1; i < count; i++) steps.push({ label: `Diagnostic block #${i + 1}`, state: 'later' });
    steps.push({ label: 'Radiofrequency ablation', state: 'later' });
    const second = bp?.secondBlock;
    const last = blocks[0];
    if (second && last) {
      citations.push(second.citation);
      dates.push({
        date: firstDayAfterSpacing(last.date, second.value.minDays),
        why: `${second.value.minDays} days after the block of ${last.date}`,
      });
    }
  } else {
    for (let i = oldest.length; i < count; i++) steps.push({ label: `Diagnostic block #${i + 1}`, state: 'later' });
    steps.push({ label: 'Radiofrequency ablation', state: 'this-request' });
    // Blocks still missing: the next step is a block, eligible the rule's days after the last one.
    const second = bp?.secondBlock;
    const last = blocks[0];
    if (good < count && second && last) {
      citations.push(second.citation);
      dates.push({
        date: firstDayAfterSpacing(last.date, second.value.minDays),
        why: `for the next diagnostic block: ${second.value.minDays} days after the block of ${last.date}`,
      });
    }
  }
  const f = (plannedBlock ? bp : rp)?.frequencyRegion;
  const w = f && windowOf(ctx, f);
  if (f) citations.push(f.citation);
  if (w?.earliest) dates.push(w.earliest);
  const earliest = latestAfter(dos, dates);
  const missing = count - Math.min(good, count);
  const thisRequest = plannedBlock
    ? `Diagnostic block #${oldest.length + 1} (${codeText(service)})`
    : missing > 0
      ? `Radiofrequency ablation (${codeText(service)}), but ${missing} of the ${count} diagnostic blocks with at least ${minPercent} % relief ${missing === 1 ? 'is' : 'are'} not on record: the next authorization is for a diagnostic block`
      : `Radiofrequency ablation (${codeText(service)}) after ${count} diagnostic blocks with at least ${minPercent} % relief`;
  return {
    title: 'Facet sequence: diagnostic blocks, then ablation',
    steps: [...prefix, ...steps],
    ...(w ? { window: w.window } : {}),
    ...(earliest ? { earliest } : {}),
    thisRequest,
    ...(plannedBlock
      ? { next: good + 1 >= count ? 'Radiofrequency ablation' : `Diagnostic block #${oldest.length + 2}` }
      : { next: `A repeat ablation within ${renewAfterMonths} months of this one needs no new blocks` }),
    citations,
  };
}

function esiTrack(picture: ClinicalPicture, service: PlannedService, payer: PayerDef, today: string): StageTrack | undefined {
  const dos = dosOf(service, today);
  const policy = policyById('lcd-epidural');
  const p = policy && paramsFor(policy, payer, dos);
  // The payer's own cap where its overlay replaces the per-region one (BCBSMA: any region).
  const f = p?.frequencyRegion ?? p?.frequencyTotal;
  if (!p || !f) return undefined;
  const ctx = { sessions: allSessions(picture), dos, service };
  const group = regionGroupOf(serviceRegion(service));
  const w = windowOf(ctx, f);
  const rr = p.repeatRelief;
  // The session a repeat is judged on, as the relief rule finds it (not only those in the window).
  const previous = rr ? repeatedSession(service, priorSessions(ctx, rr.value.after), rr.value) : undefined;
  const steps: StageStep[] = [...w.inWindow].reverse().map((s) => ({
    ...doneStep(`ESI session (${s.group ?? 'region not recorded'})`, s, s === previous ? rr?.value.minPercent : undefined, undefined),
  }));
  const n = w.inWindow.length + 1;
  steps.push({ label: `ESI session ${n} of at most ${f.value.max}`, state: 'this-request' });
  const dates = w.earliest ? [w.earliest] : [];
  const spacing = p.minDaysBetween;
  const last = spacing ? sessionsBefore(ctx, spacing.value.counts)[0] : undefined;
  if (spacing && last)
    dates.push({
      date: firstDayAfterSpacing(last.date, spacing.value.days),
      why: `${spacing.value.days} days after the injection of ${last.date}`,
    });
  const earliest = latestAfter(dos, dates);
  return {
    title: `ESI sessions${f.value.perRegion && group ? ` in the ${group} region` : ''}, rolling ${f.value.months} months`,
    steps,
    window: w.window,
    ...(earliest ? { earliest } : {}),
    thisRequest: `ESI session ${n} in ${f.value.months} months (${codeText(service)})`,
    citations: [f.citation, ...(spacing ? [spacing.citation] : []), ...(rr && previous ? [rr.citation] : [])],
  };
}

/** The staged track of a planned service under the payer's policy set, or undefined when its family has none. */
export function stageTrack(picture: ClinicalPicture, service: PlannedService, payer: PayerDef, today: string): StageTrack | undefined {
  const fam = familyOf(service.kind)?.id;
  if (fam === 'facet-block' || fam === 'facet-rfa') return facetTrack(picture, service, payer, today);
  if (fam === 'esi') return esiTrack(picture, service, payer, today);
  return undefined;
}
