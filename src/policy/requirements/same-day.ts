// Rules about the session and service-specific documentation: other blocks in the same session, sedation, a
// separately identifiable E/M (modifier 25), trigger-point muscle count, SCS-trial psychological evaluation,
// sacroiliac provocative tests, and services a policy does not cover.
import type { ClinicalPicture, PlannedService, ProvocativeTestFact, ServiceKind } from '../picture';
import { addDays, dayOf } from '../dates';
import { serviceDef } from '../services';
import { advice, dosOf, evidenceOf, met, missing, notApplicable, notMet, noteEvidence, requirement } from './common';
import type { CheckResult, Requirement } from './common';
import { facetCystEvidence } from './diagnosis';

/** Other planned services on the same date, and procedures already done that day. */
function sameDay(
  picture: ClinicalPicture,
  service: PlannedService,
  today: string,
  kinds: readonly ServiceKind[],
): { codes: string[]; evidence: PlannedService['evidence'] } {
  const dos = dosOf(service, today);
  const planned = picture.plannedServices.filter(
    (s) =>
      s !== service && s.requestRef !== service.requestRef && kinds.includes(s.kind) && s.kind !== service.kind && dosOf(s, today) === dos,
  );
  const done = picture.procedureHistory.filter(
    (p) =>
      kinds.includes(p.kind) &&
      p.kind !== service.kind &&
      dayOf(p.date) === dos &&
      p.status !== 'entered-in-error' &&
      p.status !== 'not-done',
  );
  return { codes: [...planned.map((s) => s.code), ...done.map((p) => p.code)], evidence: [...evidenceOf(planned), ...evidenceOf(done)] };
}

export function sameSessionBlocksRequirement(id: string): Requirement {
  return requirement(
    id,
    'same-day',
    'No other kind of block in the same session (any region; facet cyst excepted)',
    (p) => p.sameSessionBlocks,
    (picture, service, today, rule) => {
      const other = sameDay(picture, service, today, rule.kinds);
      if (other.codes.length === 0) return met('No other block planned or done the same day.', []);
      if (rule.cystException) {
        const cyst = facetCystEvidence(picture, dosOf(service, today));
        if (cyst.length > 0)
          return met(`Also the same day: ${other.codes.join(', ')}; allowed for a documented facet cyst.`, [...other.evidence, ...cyst]);
      }
      return notMet(
        `Also planned or done the same day: ${other.codes.join(', ')}. Different blocks in one session are not covered.`,
        'Schedule the blocks on different days',
        other.evidence,
      );
    },
  );
}

const SEDATION_NEED =
  /\b(?:(?:severe )?anxiety|claustrophob\w*|unable to (?:tolerate|lie still|cooperate)|cannot (?:tolerate|lie still)|movement disorder|sedation (?:is )?(?:required|needed|necessary))\b/i;

/** An order that asks for sedation or anaesthesia in its own words ("with IV moderate sedation", "under MAC"). */
const SEDATION_ORDERED =
  /\b(?:with|under)\s+(?:IV\s+|intravenous\s+)?(?:(?:moderate|conscious|deep|minimal)\s+)?(?:sedation|MAC|monitored an(?:a)?esthesia(?: care)?|general an(?:a)?esthesia)\b/i;

const SEDATION_WORDS = String.raw`(?:sedation|MAC|monitored an(?:a)?esthesia(?: care)?|general an(?:a)?esthesia)`;
/**
 * A note that plans sedation for the procedure: "moderate IV sedation is planned", "Plan: ... under MAC". Clinics
 * often write it only there, not as a 99152 line. Tense decides: a past procedure done under sedation is not a plan.
 */
const SEDATION_PLANNED_IN_NOTE = new RegExp(
  String.raw`(?<!\b(?:no|without|not)\s+(?:\w+\s+){0,2})\b(?:(?:moderate|conscious|deep|minimal|IV|intravenous)\s+)*${SEDATION_WORDS}\b[^.;\n]{0,60}?\b(?:is|are|will be)\s+(?:planned|requested|scheduled|recommended)\b|\bplan(?:ned)?\b[^.\n]{0,160}?\b(?:with|under)\s+(?:IV\s+|intravenous\s+)?(?:(?:moderate|conscious|deep|minimal)\s+)?${SEDATION_WORDS}\b`,
  'i',
);
/** Most notes never name sedation: one cheap scan rules them out before the full pattern (assess() runs per service). */
const SEDATION_GATE = /sedat|\bMAC\b|an(?:a)?esthe/i;
/** How far back a note's plan is taken as this visit's plan: ClaimReady's reading, as for a baseline score. */
const NOTE_PLAN_DAYS = 30;

export function sedationRequirement(id: string): Requirement {
  return requirement(
    id,
    'same-day',
    'No sedation or anaesthesia with the procedure unless the policy allows it and the need is documented',
    (p) => p.sedation,
    (picture, service, today, rule) => {
      const dos = dosOf(service, today);
      const planned = picture.plannedServices.filter(
        (s) => (s.kind === 'sedation' || serviceDef(s.code)?.kind === 'sedation') && dosOf(s, today) === dos,
      );
      // The order itself may ask for it ("... under fluoroscopy with IV moderate sedation") without a sedation line.
      const inOrder = service.evidence.filter((e) => SEDATION_ORDERED.test(e.display));
      const inNote =
        planned.length === 0 && inOrder.length === 0
          ? noteEvidence(
              {
                ...picture,
                notes: picture.notes.filter(
                  (n) => (!n.date || dayOf(n.date) >= addDays(dos, -NOTE_PLAN_DAYS)) && SEDATION_GATE.test(n.text),
                ),
              },
              SEDATION_PLANNED_IN_NOTE,
              dos,
            )
          : undefined;
      if (planned.length === 0 && inOrder.length === 0 && !inNote) return met('No sedation or anaesthesia planned.', []);
      if (inNote && !rule.allowedWithDocumentedNeed)
        // Read from prose, not an order: the gap is shown with its words, and the clinic confirms (not a denial).
        return missing(
          'A note plans sedation/anaesthesia for the procedure: not covered with this procedure.',
          'Perform the procedure with local anaesthetic only and correct the plan, or document why it cannot be done that way',
          [inNote],
        );
      const ev = inNote ? [inNote] : [...evidenceOf(planned), ...inOrder];
      const what = planned.length > 0 ? planned.map((s) => s.code).join(', ') : inOrder.length > 0 ? 'named on the order' : 'in the note';
      if (!rule.allowedWithDocumentedNeed)
        return notMet(
          `Sedation/anaesthesia planned (${what}): not covered with this procedure.`,
          'Perform the procedure with local anaesthetic only, or document why it cannot be done that way',
          ev,
        );
      const need = noteEvidence(picture, SEDATION_NEED, dos);
      if (need) return met('Sedation planned; the note documents why it is needed.', [...ev, need]);
      return missing(
        `Sedation/anaesthesia planned (${what}) without a documented need.`,
        'Document why sedation is medically necessary for this patient',
        ev,
      );
    },
  );
}

const EM_KINDS = new Set<ServiceKind>(['em-office-new', 'em-office-established']);

export function sameDayEmRequirement(id: string): Requirement {
  return requirement(
    id,
    'same-day',
    'A same-day office visit (modifier 25) is separately documented',
    (p) => p.sameDayEm,
    (picture, service, today, _rule) => {
      const dos = dosOf(service, today);
      const emPlanned = picture.plannedServices.some((s) => EM_KINDS.has(s.kind) && dosOf(s, today) === dos);
      const enc = picture.encounter;
      const emCoded =
        enc !== undefined && dayOf(enc.date) === dos && enc.types.some((t) => t.code !== undefined && /^992\d\d$/.test(t.code));
      if (!emPlanned && !emCoded) return notApplicable('No office visit billed on the day of the procedure.');
      const work = picture.visitWork.filter((w) => dayOf(w.date) === dos);
      // The procedure itself stays payable; only the E/M line is at risk, so this never decides the verdict.
      if (work.length > 0) return advice(met('The visit documents separately identifiable work for modifier 25.', evidenceOf(work)));
      return advice(
        missing(
          'An office visit is billed the same day, but the note does not show work beyond the usual pre-procedure assessment.',
          'Document the separate problem evaluated and managed at the visit, or do not bill the E/M',
        ),
      );
    },
  );
}

export function muscleCountRequirement(id: string): Requirement {
  return requirement(
    id,
    'other',
    'Muscle count matches the trigger-point code (20552: 1-2 muscles, 20553: 3 or more)',
    (p) => p.muscleCount,
    (_picture, service, _today, _rule) => {
      const n = service.muscleCount;
      if (n === undefined) return advice(missing('The number of muscles injected is not stated.', 'Document which muscles are injected'));
      const want = n >= 3 ? '20553' : '20552';
      if (service.code !== want)
        return advice(notMet(`${n} muscles ordered under ${service.code}; that count is coded ${want}.`, `Use ${want}`, service.evidence));
      return met(`${n} muscles: ${service.code} fits.`, service.evidence);
    },
  );
}

export function psychEvaluationRequirement(id: string): Requirement {
  return requirement(
    id,
    'other',
    'Psychological evaluation documented before spinal cord stimulation',
    (p) => p.psychEvaluation,
    (picture, service, today, _rule) => {
      // Read with its context (fhir/notes): "has not been scheduled" or "will be referred for" is no evaluation.
      const dos = dosOf(service, today);
      const before = picture.psychEvaluations.filter((f) => !f.date || dayOf(f.date) <= dos);
      const done = before.find((f) => f.status === 'done');
      if (done) return met('A note documents a psychological evaluation.', done.evidence);
      const pending = before.filter((f) => f.status !== 'done');
      if (pending.length)
        return missing(
          pending.some((f) => f.status === 'not-done')
            ? 'The notes say the psychological evaluation has not been done yet.'
            : 'The notes plan a psychological evaluation; none is documented as done.',
          'Document the completed psychological evaluation (date, clinician, clearance) before the trial',
          pending.flatMap((f) => f.evidence),
        );
      return missing(
        'No psychological evaluation found in the notes.',
        'Document the psychological evaluation (date, clinician, clearance) before the trial',
      );
    },
  );
}

/** One note's provocative tests by result. */
interface Exam {
  positive: Set<string>;
  negative: Set<string>;
  unstated: Set<string>;
  facts: ProvocativeTestFact[];
}

export function provocativeTestsRequirement(id: string): Requirement {
  return requirement(
    id,
    'other',
    'Positive sacroiliac provocative tests documented',
    (p) => p.provocativeTests,
    (picture, _service, _today, rule, ctx) => {
      // Counted per examination (note), distinct tests with a positive result only: a test written as negative, or
      // named with no result, is not a positive finding.
      const byNote = new Map<string, Exam>();
      for (const f of picture.provocativeTests) {
        if (f.date && dayOf(f.date) > ctx.dos) continue;
        let n = byNote.get(f.noteRef);
        if (!n) byNote.set(f.noteRef, (n = { positive: new Set(), negative: new Set(), unstated: new Set(), facts: [] }));
        n[f.result].add(f.test);
        n.facts.push(f);
      }
      let best: Exam | undefined;
      for (const n of byNote.values()) if (!best || n.positive.size > best.positive.size) best = n;
      const positive = best?.positive.size ?? 0;
      const others = best
        ? [
            best.negative.size > 0 ? `${best.negative.size} written as negative (${[...best.negative].join(', ')})` : '',
            best.unstated.size > 0 ? `${best.unstated.size} with no result stated (${[...best.unstated].join(', ')})` : '',
          ].filter(Boolean)
        : [];
      const evidence = best ? evidenceOf(best.facts.filter((f) => f.result === 'positive')) : [];
      const tail = others.length > 0 ? `; ${others.join(', ')}` : '';
      if (positive >= rule.min)
        return met(
          `${positive} positive sacroiliac provocative tests in one examination (${[...best!.positive].join(', ')})${tail}.`,
          evidence,
        );
      return missing(
        `${positive} positive sacroiliac provocative tests documented${tail}; at least ${rule.min} positive tests are needed.`,
        `Document at least ${rule.min} positive provocative tests with their results (e.g. FABER, thigh thrust, distraction, compression, Gaenslen)`,
        evidence,
      );
    },
  );
}

/**
 * A service the policy does not cover at all. Read from a text that decides (P, S1), it is not eligible whatever the
 * chart says; from summaries only, it still cannot be "ready" (held as incomplete: confirm coverage first).
 */
export function notCoveredRequirement(id: string): Requirement {
  const text = 'The service is covered by the policy';
  return {
    id,
    category: 'other',
    text,
    check(ctx, params) {
      const slot = params.notCovered;
      if (!slot) return notApplicable('This payer sets no such rule.');
      const label = slot.value.label;
      const r: CheckResult = slot.citation.verified
        ? notMet(
            `${label} is not covered by this policy; nothing in the chart changes that.`,
            'Plan a covered alternative (a sacroiliac joint injection when its criteria are met)',
            ctx.service.evidence,
          )
        : {
            ...missing(
              `${label} is not covered according to every source read; no change to the chart makes it covered, but those sources are summaries, so it is held rather than denied.`,
              "Plan a covered alternative, or obtain the contractor's written coverage position first",
              ctx.service.evidence,
            ),
            holdsReady: true,
          };
      r.citation = slot.citation;
      return r;
    },
  };
}
