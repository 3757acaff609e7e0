// SI joint LCD family (L39402 / L39383 / L39455), read only as summaries (S2): every rule is advice; SI ablation
// (64625), which the summaries read as not covered, is never "ready".
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/policy/assess';
import { addDays } from '../../src/policy/dates';
import { esiPicture, ev, service, TODAY } from './build';

const si = () => service('27096', 'si-joint', { region: 'sacral', levels: [], laterality: 'right', reasonIcd10: ['M46.1'] });

describe('SI joint injection (S2 summaries): advice only', () => {
  it('the SI rules are checked and cited with grade S2, and never decide', () => {
    const p = esiPicture();
    p.notes.push({
      ref: 'DocumentReference/si',
      title: 'Exam',
      date: addDays(TODAY, -3),
      contentType: 'text/plain',
      text: 'FABER positive; thigh thrust positive.',
    });
    const a = assess(p, si(), 'medicare', TODAY);
    const tests = a.findings.find((f) => f.requirementId === 'si-provocative-tests')!;
    expect(tests.status).toBe('missing');
    expect(tests.severity).toBe('warning');
    expect(tests.citation).toMatchObject({ ruleId: 'SI-PROVOCATIVE', grade: 'S2', verified: false });
    expect(a.findings.find((f) => f.requirementId === 'si-pain-duration')!.citation.grade).toBe('S2');
  });
  it('three named provocative tests meet the advice', () => {
    const p = esiPicture();
    p.notes.push({
      ref: 'DocumentReference/si',
      title: 'Exam',
      date: addDays(TODAY, -3),
      contentType: 'text/plain',
      text: 'FABER positive, thigh thrust positive, Gaenslen positive.',
    });
    expect(assess(p, si(), 'medicare', TODAY).findings.find((f) => f.requirementId === 'si-provocative-tests')!.status).toBe('met');
  });
});

describe('SI joint radiofrequency ablation 64625 (S2: not covered)', () => {
  it('is never ready: held as incomplete, with the reason', () => {
    const a = assess(
      esiPicture(),
      service('64625', 'si-rfa', { region: 'sacral', levels: [], reasonIcd10: ['M46.1'], evidence: [ev('ServiceRequest/sr1')] }),
      'medicare',
      TODAY,
    );
    expect(a.policy.id).toBe('sacroiliac-rfa');
    expect(a.verdict).toBe('incomplete');
    expect(a.findings[0]!.message).toMatch(/not covered/);
  });
});
