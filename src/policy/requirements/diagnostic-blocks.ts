// The diagnostic-block rules of the facet family, counted in sessions (./sessions): the blocks an ablation or a
// therapeutic joint injection needs, the second diagnostic block, no diagnostic block where an ablation worked, and
// the documented reason an ablation is not possible.
import { addMonths, daysBetween } from '../dates';
import { dosOf, met, missing, notApplicable, notMet, plural, noteEvidence, requirement } from './common';
import type { Ctx, Requirement } from './common';
import type { DiagnosticBlocksRule } from '../policies/types';
import { bestRelief, levelsOverlap, sessionEvidence, type Session } from './sessions';
import { injectionIntent } from './intent';
import { firstDayAfterSpacing } from './eligible';
import { previousSession, priorSessions, windowOpensAfter } from './history';

function summary(blocks: Session[]): string {
  return blocks
    .map((b) => `${b.date}: ${bestRelief(b, 'pain') ? `${bestRelief(b, 'pain')!.percent}%` : 'relief not documented'}`)
    .join('; ');
}

/**
 * Where the service stands in the diagnostic sequence: the latest ablation at its levels, whether it is recent
 * enough that a new ablation is a repeat (no new blocks), and the diagnostic block sessions since it (newest
 * first) with those that reach the rule's relief.
 */
export function diagnosticSequence(
  ctx: Pick<Ctx, 'sessions' | 'dos' | 'service'>,
  rule: DiagnosticBlocksRule,
): { ablation?: Session; repeat: boolean; blocks: Session[]; good: Session[] } {
  const ablation = previousSession(ctx.service, priorSessions(ctx, rule.ablations));
  const repeat = ablation !== undefined && ablation.date > addMonths(ctx.dos, -rule.renewAfterMonths);
  const blocks = priorSessions(ctx, rule.blocks).filter(
    (s) => s.intent !== 'therapeutic' && levelsOverlap(s.levels, ctx.service.levels) && (ablation === undefined || s.date > ablation.date),
  );
  const good = blocks.filter((b) => (bestRelief(b, 'pain')?.percent ?? -1) >= rule.minPercent);
  return { ...(ablation ? { ablation } : {}), repeat, blocks, good };
}

export function diagnosticBlocksRequirement(id: string, text: string): Requirement {
  return requirement(
    id,
    'prior-response',
    text,
    (p) => p.diagnosticBlocks,
    (picture, service, today, rule, ctx) => {
      const dos = dosOf(service, today);
      if (rule.onlyForIntent && injectionIntent(picture, service, dos).intent !== rule.onlyForIntent)
        return notApplicable(`Applies to a ${rule.onlyForIntent} injection only.`);
      const { ablation, repeat, blocks, good } = diagnosticSequence(ctx, rule);
      const renewFrom = ablation ? ablation.date : undefined;
      if (ablation && repeat && rule.ablations.includes(service.kind)) {
        return notApplicable(
          `A previous ablation (${ablation.date}) is on record within ${rule.renewAfterMonths} months: the repeat-ablation rule applies instead.`,
        );
      }
      const undocumented = blocks.filter((b) => !bestRelief(b, 'pain'));
      const weak = blocks.length - good.length - undocumented.length;
      const evidence = blocks.flatMap(sessionEvidence);
      const since = renewFrom
        ? ` since the ablation of ${renewFrom} (more than ${rule.renewAfterMonths} months ago: new blocks are needed)`
        : '';
      // A block told only in a note ("MBBs at another clinic, 90% relief") is a session to confirm, not proof of the
      // prerequisite: the payer asks for the block's own record (date, levels, relief), so it holds "ready" back.
      const told = good.filter((b) => b.procedures.every((p) => p.source === 'note'));
      if (good.length >= rule.count && good.length - told.length < rule.count)
        return missing(
          `${plural(told.length, 'qualifying diagnostic block')} of the ${rule.count} required ${told.length === 1 ? 'is' : 'are'} told only in a note (${summary(told)}).`,
          'Attach the outside procedure record of each block (date, levels, relief after it)',
          evidence,
        );
      if (good.length >= rule.count)
        return met(
          `${plural(good.length, 'diagnostic block session')} with at least ${rule.minPercent}% relief${since} (${summary(blocks)}).`,
          evidence,
        );
      if (good.length + undocumented.length >= rule.count) {
        return missing(
          `Relief after ${plural(undocumented.length, 'diagnostic block')} is not documented (${summary(blocks)}).`,
          `Document the percent relief of the index pain after each diagnostic block (at least ${rule.minPercent}% needed)`,
          evidence,
        );
      }
      const why = weak > 0 ? ` ${plural(weak, 'block')} gave less than ${rule.minPercent}%.` : '';
      const fix =
        blocks.length < rule.count
          ? 'If blocks were done elsewhere, document their dates, levels and relief; otherwise perform the diagnostic blocks first'
          : undefined;
      return notMet(
        `Only ${plural(good.length, 'qualifying diagnostic block')} of ${rule.count} required${since}${blocks.length ? ` (${summary(blocks)})` : ''}.${why}`,
        fix,
        evidence,
      );
    },
  );
}

/** A diagnostic block older than this does not make the planned one a "second" block. */
const SECOND_BLOCK_LOOKBACK_MONTHS = 12;

export function secondBlockRequirement(id: string): Requirement {
  return requirement(
    id,
    'prior-response',
    'A second diagnostic block only after at least 80% relief from the first, at least 2 weeks later',
    (p) => p.secondBlock,
    (picture, service, today, rule, ctx) => {
      const dos = dosOf(service, today);
      if (injectionIntent(picture, service, dos).intent === 'therapeutic') return notApplicable('Not a diagnostic block.');
      const after = windowOpensAfter(dos, SECOND_BLOCK_LOOKBACK_MONTHS);
      const blocks = priorSessions(ctx, rule.blocks).filter(
        (s) => s.intent !== 'therapeutic' && levelsOverlap(s.levels, service.levels) && s.date > after,
      );
      const first = blocks[0];
      // A block ordered for an earlier day and not yet done comes first: this one is the second, judged on its relief.
      const ahead = picture.plannedServices
        .filter(
          (s) =>
            s !== service &&
            s.requestRef !== service.requestRef &&
            rule.blocks.includes(s.kind) &&
            s.intent !== 'therapeutic' &&
            levelsOverlap(s.levels, service.levels) &&
            dosOf(s, today) < dos &&
            dosOf(s, today) > (first?.date ?? after),
        )
        .map((s) => dosOf(s, today))
        .sort()
        .pop();
      if (ahead)
        return missing(
          `A diagnostic block at these levels is ordered for ${ahead}, before this one: a further block needs at least ${rule.minPercent}% relief from it and at least ${rule.minDays} days after it.`,
          `Check this order again after the ${ahead} block, with its relief documented (eligible from ${firstDayAfterSpacing(ahead, rule.minDays)} at the earliest)`,
          service.evidence,
        );
      if (!first) return notApplicable('No earlier diagnostic block at these levels in the last 12 months: this is the first.');
      const r = bestRelief(first, 'pain');
      const days = daysBetween(first.date, dos);
      const ev = sessionEvidence(first);
      if (!r)
        return missing(
          `A diagnostic block was done on ${first.date}, but its relief is not documented (at least ${rule.minPercent}% needed for a second).`,
          `Document the percent relief of the index pain after the ${first.date} block`,
          ev,
        );
      if (r.percent < rule.minPercent)
        return notMet(
          `The ${first.date} block gave ${r.percent}% relief; a further diagnostic block needs at least ${rule.minPercent}%.`,
          undefined,
          ev,
        );
      if (days < rule.minDays)
        return notMet(
          `Only ${days} days since the ${first.date} block; at least ${rule.minDays} needed. Eligible from ${firstDayAfterSpacing(first.date, rule.minDays)}.`,
          `Schedule on or after ${firstDayAfterSpacing(first.date, rule.minDays)} (${rule.minDays} days after the ${first.date} block)`,
          ev,
        );
      return met(`${r.percent}% relief from the ${first.date} block, ${days} days before.`, ev);
    },
  );
}

export function noBlockAfterAblationRequirement(id: string): Requirement {
  return requirement(
    id,
    'prior-response',
    'No diagnostic block at a level whose ablation succeeded',
    (p) => p.noBlockAfterAblation,
    (picture, service, today, rule, ctx) => {
      const dos = dosOf(service, today);
      if (injectionIntent(picture, service, dos).intent === 'therapeutic') return notApplicable('Not a diagnostic block.');
      const after = windowOpensAfter(dos, rule.withinMonths);
      const ablations = priorSessions(ctx, rule.ablations).filter((s) => levelsOverlap(s.levels, service.levels) && s.date > after);
      const good = ablations.find((s) => (bestRelief(s)?.percent ?? -1) >= rule.minPercent);
      if (!good)
        return met(
          ablations.length ? 'No ablation at these levels with lasting success on record.' : 'No ablation at these levels on record.',
          ablations.flatMap(sessionEvidence),
        );
      return notMet(
        `An ablation at these levels on ${good.date} gave ${bestRelief(good)!.percent}% relief: a diagnostic block there is not covered; a repeat ablation follows its own rule.`,
        'Plan a repeat ablation (if its relief lasted long enough) instead of a new diagnostic block',
        sessionEvidence(good),
      );
    },
  );
}

const NOT_A_CANDIDATE =
  /\b(?:not (?:a )?(?:good )?candidate for (?:an? )?(?:RFA|radiofrequency|ablation)|(?:RFA|radiofrequency(?: ablation)?|ablation) (?:is |was )?(?:not (?:possible|an option|indicated|appropriate)|contraindicated)|cannot (?:undergo|have|tolerate) (?:an? )?(?:RFA|radiofrequency|ablation)|declin(?:es|ed) (?:RFA|radiofrequency|ablation))\b/i;

export function ablationNotPossibleRequirement(id: string): Requirement {
  return requirement(
    id,
    'other',
    'Therapeutic joint injection: why the patient is not a candidate for ablation is documented',
    (p) => p.ablationNotPossible,
    (picture, service, today, _rule) => {
      const dos = dosOf(service, today);
      if (injectionIntent(picture, service, dos).intent !== 'therapeutic') return notApplicable('Not a therapeutic joint injection.');
      const ev = noteEvidence(picture, NOT_A_CANDIDATE, dos);
      if (ev) return met('The note says why radiofrequency ablation is not possible.', [ev]);
      return missing(
        'The record does not say why the patient is not a candidate for radiofrequency ablation.',
        'Document why radiofrequency ablation is not possible for this patient (e.g. a device or anatomy that rules it out)',
      );
    },
  );
}
