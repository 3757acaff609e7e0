// The medical-necessity document states one pain onset, and it must agree with the duration check (LCD L39242,
// ESI-DURATION: at least 4 weeks): a resolved, unrelated or health-concern problem never dates the pain there either.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import { addDays } from '../../src/policy/dates';
import type { DiagnosisFact } from '../../src/policy/picture';
import { painSince } from '../../src/writeback/pdf/facts';
import { esiPicture, tfesi, TODAY } from '../policy/build';

function dx(icd10: string, days: number, extra: Partial<DiagnosisFact> = {}): DiagnosisFact {
  return {
    icd10,
    display: icd10,
    clinicalStatus: 'active',
    onset: addDays(TODAY, -days),
    source: 'coded',
    evidence: [{ ref: `Condition/${icd10}`, display: icd10 }],
    ...extra,
  };
}

/** The requested radiculopathy began 10 days ago; older problems are on the list beside it. */
function picture(others: DiagnosisFact[]) {
  const p = esiPicture();
  p.painDuration = [];
  p.diagnoses[0]!.onset = addDays(TODAY, -10);
  p.diagnoses.push(...others);
  return p;
}

const duration = (a: ReturnType<typeof assess>) => a.findings.find((f) => f.requirementId === 'esi-pain-duration')!.status;

describe('painSince states the onset the duration check counted', () => {
  it('a live chronic-pain code off the request at the 4-week threshold is the onset, not an older resolved or unrelated problem', () => {
    const p = picture([
      dx('G89.29', 28),
      dx('M51.16', 400, { clinicalStatus: 'resolved' }),
      dx('I10', 2000),
      dx('M54.50', 900, { category: 'health-concern' }),
    ]);
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(duration(a)).toBe('met');
    const since = painSince(p, a, new Set(['M54.16']), TODAY);
    expect(since?.onset).toBe(addDays(TODAY, -28));
    expect(since?.source).toContain('G89.29');
  });

  it('one day short of the threshold: the check is not met, and the document keeps the requested diagnosis onset', () => {
    const p = picture([dx('G89.29', 27), dx('M51.16', 400, { clinicalStatus: 'resolved' }), dx('I10', 2000)]);
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(duration(a)).toBe('not-met');
    const since = painSince(p, a, new Set(['M54.16']), TODAY);
    expect(since?.onset).toBe(addDays(TODAY, -10));
    expect(since?.source).toContain('M54.16');
  });

  it('a requested code whose condition is resolved does not date the pain', () => {
    const p = picture([]);
    p.diagnoses[0]!.clinicalStatus = 'resolved';
    p.diagnoses[0]!.onset = addDays(TODAY, -400);
    const a = assess(p, tfesi(), 'medicare', TODAY);
    expect(duration(a)).toBe('missing');
    expect(painSince(p, a, new Set(['M54.16']), TODAY)).toBeUndefined();
  });
});
