// External tester's F19: ongoing conservative care sent without an end date (a PT Procedure in-progress with
// performedPeriod.start only, an active MedicationRequest) runs from its start to the assessment date, never the clock.
// The weeks rule is LCD L39242 / A58993 (Noridian rubric, S1): at least 4 weeks of failed conservative care.
import { describe, expect, it } from 'vitest';
import { toPicture } from '../../../src/fhir/picture/to-picture';
import { assess } from '../../../src/policy/assess';
import { addDays } from '../../../src/policy/dates';
import type { ConservativeCareFact } from '../../../src/policy/picture';
import { esiPicture, tfesi } from '../../policy/build';
import { SYS, ctx, med, record, type R } from './fixtures';

const TODAY = '2026-12-01';
// The order is two weeks after the assessment: the open course is counted to today, not to the date of service.
const ORDER = tfesi({ date: '2026-12-14' });

const ptInProgress = (id: string, start: string, outcome: string, status = 'in-progress'): R => ({
  resourceType: 'Procedure',
  id,
  status,
  code: {
    coding: [
      { system: SYS.cpt, code: '97110', display: 'Therapeutic exercise' },
      { system: SYS.snomed, code: '91251008', display: 'Physical therapy procedure' },
    ],
    text: 'Physical therapy - lumbar program',
  },
  performedPeriod: { start },
  outcome: { text: outcome },
});

const naproxen = (id: string, status: string, authoredOn: string, note: string) =>
  med('MedicationRequest', id, '198013', 'naproxen 500 MG Oral Tablet', {
    status,
    intent: 'order',
    authoredOn,
    dosageInstruction: [{ text: 'as directed' }],
    note: [{ text: note }],
  });

function careOf(...resources: R[]): ConservativeCareFact[] {
  return toPicture(record(...resources), ctx({ today: TODAY })).conservativeCare;
}

function weeksFinding(care: ConservativeCareFact[]) {
  const p = esiPicture();
  p.conservativeCare = care;
  const f = assess(p, ORDER, 'medicare', TODAY).findings.find((x) => x.requirementId === 'conservative-weeks');
  if (!f) throw new Error('no conservative-weeks finding');
  return f;
}

describe('F19: an in-progress PT Procedure with a start and no end', () => {
  it('started 6 weeks before today, no meaningful improvement -> failed, ongoing, 6 weeks -> met', () => {
    const care = careOf(ptInProgress('pt', addDays(TODAY, -42), 'Ongoing; no meaningful improvement so far'));
    expect(care.map((c) => [c.kind, c.outcome, c.ongoing, c.start, c.end ?? null, c.description])).toEqual([
      ['physical-therapy', 'failed', true, '2026-10-20', null, 'Physical therapy, ongoing since 2026-10-20'],
    ]);
    expect(care[0]!.evidence[0]!.display).toBe('Physical therapy - lumbar program, ongoing since 2026-10-20');
    const f = weeksFinding(care);
    expect([f.status, f.message]).toEqual(['met', '6 weeks of failed conservative care; at least 4 weeks needed.']);
  });

  it('started 3 weeks before today -> 3 weeks, below the minimum (not-met)', () => {
    const f = weeksFinding(careOf(ptInProgress('pt', addDays(TODAY, -21), 'No improvement')));
    expect([f.status, f.message]).toEqual(['not-met', '3 weeks of failed conservative care, below the 4 weeks minimum.']);
  });

  it('a start after today (before the date of service) counts 0 weeks', () => {
    const care = careOf(ptInProgress('pt', addDays(TODAY, 3), 'No improvement'));
    expect(care[0]!.ongoing).toBe(true);
    const f = weeksFinding(care);
    expect(f.status).toBe('missing');
    expect(f.message).toMatch(/^Only 0 dated weeks/);
  });

  it('ongoing without a stated failure does not count as failed care', () => {
    const care = careOf(ptInProgress('pt', addDays(TODAY, -42), 'Attending twice weekly'));
    expect(care[0]!.outcome).toBe('ongoing');
    expect(weeksFinding(care).status).toBe('missing');
  });

  it('a completed Procedure with a start and no end keeps its one-day reading (unchanged)', () => {
    const care = careOf(ptInProgress('pt', addDays(TODAY, -42), 'No improvement', 'completed'));
    expect(care[0]!.ongoing).toBeUndefined();
    expect(care[0]!.end).toBe('2026-10-20');
    const f = weeksFinding(care);
    expect([f.status, f.message]).toEqual(['not-met', '0 weeks of failed conservative care, below the 4 weeks minimum.']);
  });
});

describe('F19: a MedicationRequest with authoredOn and no end', () => {
  it('active naproxen for 5 weeks without relief -> ongoing since its start, 5 weeks -> met', () => {
    const care = careOf(naproxen('nap', 'active', addDays(TODAY, -35), 'Still taking it without relief'));
    expect(care.map((c) => [c.kind, c.outcome, c.ongoing, c.description])).toEqual([
      ['nsaid', 'failed', true, 'naproxen 500 MG Oral Tablet, ongoing since 2026-10-27'],
    ]);
    const f = weeksFinding(care);
    expect([f.status, f.message]).toEqual(['met', '5 weeks of failed conservative care; at least 4 weeks needed.']);
  });

  it('the validity period start dates an order without authoredOn', () => {
    const m = naproxen('nap', 'active', '', 'No relief');
    delete (m as { authoredOn?: string }).authoredOn;
    (m as Record<string, unknown>).dispenseRequest = { validityPeriod: { start: addDays(TODAY, -35) } };
    const care = careOf(m);
    expect([care[0]!.start, care[0]!.ongoing]).toEqual(['2026-10-27', true]);
    expect(weeksFinding(care).status).toBe('met');
  });

  it('stopped naproxen without an end keeps its old reading: no length, not ongoing', () => {
    const care = careOf(naproxen('nap', 'stopped', addDays(TODAY, -35), 'No relief'));
    expect([care[0]!.ongoing, care[0]!.end, care[0]!.weeks, care[0]!.description]).toEqual([
      undefined,
      undefined,
      undefined,
      'naproxen 500 MG Oral Tablet',
    ]);
    // As before F19: a one-day span, so 0 weeks (not-met), never counted up to today.
    const f = weeksFinding(care);
    expect([f.status, f.message]).toEqual(['not-met', '0 weeks of failed conservative care, below the 4 weeks minimum.']);
  });

  it('an active order with a validity end is a dated course, not an open one', () => {
    const m = naproxen('nap', 'active', addDays(TODAY, -35), 'No relief');
    (m as Record<string, unknown>).dispenseRequest = { validityPeriod: { start: addDays(TODAY, -35), end: addDays(TODAY, -28) } };
    const care = careOf(m);
    expect([care[0]!.ongoing, care[0]!.weeks]).toEqual([undefined, 1]);
    expect(weeksFinding(care).status).toBe('not-met');
  });
});
